import Taro from '@tarojs/taro';
import { orderApi } from './api';
import { toastError } from '../hooks/use-cloud';
import { askForMessages } from './subscribe';

/**
 * Pays an order. The function answers either a finished sandbox payment (local cloud) or WeChat
 * Pay parameters for Taro.requestPayment (weapp). The client's success is not proof of payment:
 * callers reload the order afterwards.
 */
export async function payOrder(orderId: string): Promise<boolean> {
  // The tap that pays is the tap that asks for the paid / shipped / team-result messages.
  await askForMessages('pay');
  Taro.showLoading({ title: '支付中', mask: true });
  try {
    const r = await orderApi.pay(orderId);
    // WeChat Pay: the pay sheet's parameters, passed through as WeChat issued them.
    if ('payment' in r && process.env.TARO_ENV === 'weapp') {
      Taro.hideLoading();
      await Taro.requestPayment(r.payment as unknown as Taro.requestPayment.Option);
    }
    Taro.hideLoading();
    Taro.showToast({ title: '支付成功', icon: 'success' });
    return true;
  } catch (e) {
    Taro.hideLoading();
    if ((e as { errMsg?: string })?.errMsg?.includes('cancel')) {
      Taro.showToast({ title: '已取消支付', icon: 'none' });
      return false;
    }
    toastError(e);
    return false;
  }
}

export async function cancelOrder(orderId: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '取消订单', content: '确定取消这个订单吗？优惠券会退回。' });
  if (!confirm) return false;
  try {
    await orderApi.cancel(orderId);
    Taro.showToast({ title: '订单已取消', icon: 'success' });
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}

/** The buyer confirms the parcel arrived (after a confirmation dialog). */
export async function confirmReceipt(orderId: string): Promise<boolean> {
  const { confirm } = await Taro.showModal({ title: '确认收货', content: '确认已收到全部商品吗？' });
  if (!confirm) return false;
  try {
    await orderApi.confirmReceipt(orderId);
    Taro.showToast({ title: '已确认收货', icon: 'success' });
    return true;
  } catch (e) {
    toastError(e);
    return false;
  }
}
