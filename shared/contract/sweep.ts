/** `sweep` (system only): the timer's run and what it did. */
import { z } from 'zod';
import { defineContract } from './define';
import { count } from './fields';

/** The actions of `sweep`. */
export const sweep = defineContract({
  /** Fails expired short teams and refunds them, releases unpaid orders, expires coupons, retries refunds, then growth's settlement. */
  run: {
    input: {},
    reply: z.strictObject({
      teamsFailed: count,
      teamsSettled: count,
      membersRefunded: count,
      memberOrdersClosed: count,
      ordersClosed: count,
      couponsExpired: count,
      refundsRetried: count,
      /** The growth loop's counts by name (commission settled, referral rewards, ...). */
      growth: z.record(z.string(), z.number()),
      /** The customer stream's counts by name (events confirmed, coupon claims streamed, alerts retried). */
      customers: z.record(z.string(), z.number()),
    }),
  },
});
