import Taro from '@tarojs/taro';
import { orderApi } from './api';
import { toastError } from '../hooks/use-cloud';
import { askForMessages } from './subscribe';
import { cashierUrl, PAY_RESULT_TEXT } from './pay-result';

/**
 * Where paying left the buyer: `paid` (the pay sheet took the money), `cancelled` (closed the
 * sheet), `failed`, or `away` (h5: the page left for the cashier and comes back to `returnTo`).
 */
export type PayOutcome = 'paid' | 'cancelled' | 'failed' | 'away';

/** The order as WeChat Pay's notice leaves it: read again a few times while it is still unpaid. */
async function readUntilPaid(orderId: string, tries = 5): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if ((await orderApi.get(orderId).catch(() => undefined))?.status !== 'pending_pay') return;
    await new Promise((r) => setTimeout(r, 600));
  }
}

/**
 * Pays an order as WeChat does: order.pay answers WeChat Pay's charge, the pay sheet takes the money,
 * WeChat Pay's notice (to payNotify) pays the order — the sheet's success alone is not proof.
 * - weapp: `Taro.requestPayment` with the answered parameters, then the order is read until the
 *   notice has paid it;
 * - h5: the local cloud's cashier page (`/cashier?prepay_id=…&return=…`, the stand-in for the pay
 *   sheet) — the page leaves and comes back to `returnTo` (an app route) with `payResult`, which
 *   the page reads with `usePayResult`.
 * @example await payOrder(orderId, `/packageShop/order/index?id=${orderId}`)
 */
export async function payOrder(orderId: string, returnTo: string): Promise<PayOutcome> {
  // The tap that pays is the tap that asks for the paid / shipped / team-result messages.
  await askForMessages('pay');
  Taro.showLoading({ title: '支付中', mask: true });
  let charge: Awaited<ReturnType<typeof orderApi.pay>>;
  try {
    charge = await orderApi.pay(orderId);
  } catch (e) {
    Taro.hideLoading();
    toastError(e);
    return 'failed';
  }
  if (process.env.TARO_ENV === 'h5') {
    window.location.assign(cashierUrl(charge, `${window.location.pathname}#${returnTo}`));
    return 'away';
  }
  Taro.hideLoading();
  try {
    const { timeStamp, nonceStr, signType, paySign } = charge.payment;
    await Taro.requestPayment({ timeStamp, nonceStr, package: charge.payment.package, signType: signType as keyof Taro.requestPayment.SignType, paySign });
  } catch (e) {
    const cancelled = String((e as { errMsg?: string })?.errMsg ?? '').includes('cancel');
    Taro.showToast({ title: cancelled ? PAY_RESULT_TEXT.cancel : PAY_RESULT_TEXT.fail, icon: 'none' });
    return cancelled ? 'cancelled' : 'failed';
  }
  Taro.showLoading({ title: '确认支付结果', mask: true });
  await readUntilPaid(orderId);
  Taro.hideLoading();
  Taro.showToast({ title: PAY_RESULT_TEXT.ok, icon: 'success' });
  return 'paid';
}

/** Asks first; on yes runs the call and toasts `done`. True when it went through. */
async function confirmThen(ask: { title: string; content: string }, call: () => Promise<unknown>, done: string): Promise<boolean> {
  const { confirm } = await Taro.showModal(ask);
  if (!confirm) return false;
  try {
    await call();
    Taro.showToast({ title: done, icon: 'success' });
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

export function cancelOrder(orderId: string): Promise<boolean> {
  return confirmThen({ title: '取消订单', content: '确定取消这个订单吗？优惠券会退回。' }, () => orderApi.cancel(orderId), '订单已取消');
}

/** The buyer confirms the parcel arrived (after a confirmation dialog). */
export function confirmReceipt(orderId: string): Promise<boolean> {
  return confirmThen({ title: '确认收货', content: '确认已收到全部商品吗？' }, () => orderApi.confirmReceipt(orderId), '已确认收货');
}
