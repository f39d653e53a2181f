import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { Reply } from '../../../shared/contract';

/** What the h5 cashier says on its way back (wx.requestPayment's success / cancel / fail). */
export type PayResult = 'ok' | 'cancel' | 'fail';

export const PAY_RESULT_TEXT: Record<PayResult, string> = { ok: '支付成功', cancel: '已取消支付', fail: '支付失败，可重新支付' };

/**
 * The local cloud's cashier page for a charge (h5 only): it takes `prepay_id` from the payment's
 * `package`, and goes back to `back` (a path of this site) with `payResult=ok|cancel|fail`.
 * @example cashierUrl(charge, '/#/packageShop/order/index?id=o1') // '/cashier?prepay_id=wx…&outTradeNo=o1&return=%2F%23%2F…'
 */
export function cashierUrl(charge: Pick<Reply<'order', 'pay'>, 'outTradeNo' | 'payment'>, back: string): string {
  const prepayId = String(charge.payment.package).replace(/^prepay_id=/, '');
  const q = new URLSearchParams({ prepay_id: prepayId, outTradeNo: charge.outTradeNo, return: back });
  return `/cashier?${q.toString()}`;
}

/** The cashier's result on the page it came back to (h5), shown once as a toast; undefined elsewhere. */
export function usePayResult(): PayResult | undefined {
  const { params } = useRouter();
  const result = ['ok', 'cancel', 'fail'].includes(params.payResult ?? '') ? (params.payResult as PayResult) : undefined;
  useEffect(() => {
    if (result) Taro.showToast({ title: PAY_RESULT_TEXT[result], icon: result === 'ok' ? 'success' : 'none' });
  }, [result]);
  return result;
}
