/**
 * payNotify: the payment callback. System-only (a caller with an openid is refused).
 * - `sandbox`: the local sandbox's signed notification (delivered by order.pay through a
 *   server-side call, the path WeChat Pay's callback takes in the cloud).
 * - a cloudPay callback (no `action` field) is routed to `cloudpay` and answered `{errcode:0}`.
 * Either way the order moves `pending_pay → paid` once, however often the notice is replayed.
 */
import { AppError, action, defineFunction } from '../_platform';
import { payNotify as contract } from '../../shared/contract';
import { applyPayment } from '../_commerce/orders/apply-payment';
import { cloudPayPayment, sandboxPayment } from '../_commerce/payment';

const handler = defineFunction('payNotify', {
  sandbox: action(contract.sandbox)({
    access: 'system',
    run: async (input, ctx) => {
      const notice = await sandboxPayment.verifyNotice(input);
      if (!notice) throw new AppError('PERMISSION_DENIED', 'notification signature or result is not valid');
      return applyPayment(ctx, notice);
    },
  }),

  cloudpay: action(contract.cloudpay)({
    access: 'system',
    run: async (input, ctx) => {
      const notice = await cloudPayPayment.verifyNotice(input.payload);
      if (!notice) throw new AppError('PERMISSION_DENIED', 'payment not confirmed by queryOrder');
      return applyPayment(ctx, notice);
    },
  }),
});

/**
 * Entry point: a WeChat Pay (cloudPay) callback has no `action` and must be answered in its own
 * format; everything else goes to the platform handler. Keeps the handler's action description.
 */
export const main = Object.assign(async function main(event: unknown, context?: unknown): Promise<unknown> {
  const raw = event && typeof event === 'object' ? (event as Record<string, unknown>) : null;
  if (raw && raw.action === undefined && typeof raw.outTradeNo === 'string') {
    // WeChat Pay (cloudPay) callback: answer in its format; a non-zero errcode makes it retry.
    const { userInfo: _ignored, ...payload } = raw;
    const res = await handler({ action: 'cloudpay', payload }, context);
    return res.ok ? { errcode: 0, errmsg: 'OK' } : { errcode: 1, errmsg: res.error.code };
  }
  return handler(event, context);
}, { functionName: handler.functionName, actions: handler.actions });
