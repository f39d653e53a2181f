/**
 * payNotify: WeChat Pay's callbacks. Only a call whose platform context says it comes from WeChat
 * Pay (`SOURCE` wx_paycallback) gets in (access `wechatpay`); the notice itself is confirmed with
 * WeChat Pay (queryOrder / queryRefund), never trusted.
 * - a pay notice: the order moves `pending_pay → paid` once, however often it is delivered;
 * - a refund notice (`reqInfo`): the refund moves to `succeeded` (or `failed`, for ops) once.
 * The answer is `{errcode: 0}` only when the action's writes succeeded; anything else makes WeChat
 * Pay deliver it again (for two days), and the replay heals a delivery that stopped half-way.
 */
import { AppError, action, defineFunction } from '../_platform';
import { payNotify as contract } from '../../shared/contract';
import { applyPayment } from '../_commerce/orders/apply-payment';
import { applyRefundNotice } from '../_commerce/orders/follow-refunds';
import { paymentPort } from '../_commerce/payment';

const handler = defineFunction('payNotify', {
  pay: action(contract.pay)({
    access: 'wechatpay',
    run: async (input, ctx) => {
      const notice = await paymentPort().verifyNotice(input.payload);
      if (!notice) throw new AppError('PERMISSION_DENIED', 'payment not confirmed by queryOrder');
      return applyPayment(ctx, notice);
    },
  }),

  refund: action(contract.refund)({
    access: 'wechatpay',
    run: async (input, ctx) => {
      const notice = await paymentPort().readRefundNotice(input.payload);
      if (!notice) throw new AppError('PERMISSION_DENIED', 'refund not confirmed by queryRefund');
      return { outcome: await applyRefundNotice(ctx, notice), refundId: notice.refundId };
    },
  }),
});

/** Which action a WeChat Pay callback is, by its shape; undefined for an event that is not a callback. */
function callbackAction(event: unknown): 'pay' | 'refund' | undefined {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
  const raw = event as Record<string, unknown>;
  if (raw.action !== undefined) return undefined;
  if (raw.reqInfo !== undefined) return 'refund';
  return typeof raw.outTradeNo === 'string' ? 'pay' : undefined;
}

/**
 * Entry point: a WeChat Pay callback has no `action` and is answered in WeChat Pay's format
 * (`{errcode: 0}` acknowledges it); an event with an `action` goes to the platform handler as
 * usual. Keeps the handler's action description.
 */
export const main = Object.assign(
  async function main(event: unknown, context?: unknown): Promise<unknown> {
    const route = callbackAction(event);
    if (!route) return handler(event, context);
    const { userInfo: _ignored, ...payload } = event as Record<string, unknown>;
    const res = await handler({ action: route, payload }, context);
    // WeChat Pay reads errcode only; errmsg says what the delivery did (the local console shows it).
    return res.ok ? { errcode: 0, errmsg: `OK: ${(res.data as { outcome: string }).outcome}` } : { errcode: 1, errmsg: res.error.code };
  },
  { functionName: handler.functionName, actions: handler.actions },
);
