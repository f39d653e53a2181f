/** `payNotify` (system only): payment notices — the local sandbox's signed notice, a WeChat Pay (cloudPay) callback. */
import { z } from 'zod';
import { defineContract } from './define';

/** What a payment notice did: paid the order once, or why not (a replay, money refunded at once, a mismatch). */
export const PAYMENT_OUTCOMES = ['paid', 'duplicate', 'late_refunded', 'team_failed_refunded', 'amount_mismatch', 'unknown_order'] as const;

const outcomeReply = z.strictObject({ outcome: z.enum(PAYMENT_OUTCOMES), orderId: z.string() });

/** The actions of `payNotify`. */
export const payNotify = defineContract({
  /** The sandbox's signed notice (delivered by order.pay through a server-side call). */
  sandbox: {
    input: {
      outTradeNo: z.string().min(1).max(64),
      transactionId: z.string().min(1).max(64),
      totalFee: z.number().int().nonnegative(),
      resultCode: z.enum(['SUCCESS', 'FAIL']),
      sign: z.string().min(1).max(128),
    },
    reply: outcomeReply,
  },
  /** A cloudPay callback (routed here by the function's entry point; confirmed with queryOrder). */
  cloudpay: {
    input: { payload: z.record(z.string(), z.unknown()) },
    reply: outcomeReply,
  },
});
