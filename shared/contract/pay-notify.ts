/**
 * `payNotify`: WeChat Pay's callbacks (cloudPay), accepted only from a call whose platform context
 * says it comes from WeChat Pay. The function's entry point routes a callback by its shape — a
 * refund notice carries `reqInfo`, a pay notice `outTradeNo` — and answers WeChat Pay's
 * `{errcode, errmsg}`; these actions are what it routes to.
 */
import { z } from 'zod';
import { defineContract } from './define';

/** What a payment notice did: paid the order once, or why not (a replay, money refunded at once, a mismatch). */
export const PAYMENT_OUTCOMES = ['paid', 'duplicate', 'late_refunded', 'team_failed_refunded', 'amount_mismatch', 'unknown_order'] as const;

/** What a refund notice did: moved the refund, found it already moved, or found no such refund. */
export const REFUND_NOTICE_OUTCOMES = ['moved', 'unchanged', 'unknown_refund'] as const;

/** The callback event as WeChat Pay delivers it (checked with the provider, not trusted). */
const payload = z.record(z.string(), z.unknown());

/** The actions of `payNotify`. */
export const payNotify = defineContract({
  /** A pay notice (confirmed with queryOrder): the order moves `pending_pay → paid` once. */
  pay: {
    input: { payload },
    reply: z.strictObject({ outcome: z.enum(PAYMENT_OUTCOMES), orderId: z.string() }),
  },
  /** A refund notice (confirmed with queryRefund): the refund moves to succeeded or failed once. */
  refund: {
    input: { payload },
    reply: z.strictObject({ outcome: z.enum(REFUND_NOTICE_OUTCOMES), refundId: z.string() }),
  },
});
