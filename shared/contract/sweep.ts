/** `sweep` (system only): the timer's run and what it did. */
import { z } from 'zod';
import { defineContract } from './define';
import { count } from './fields';

/** The actions of `sweep`. */
export const sweep = defineContract({
  /** Fails expired short teams and refunds them, releases unpaid orders, expires coupons, retries refunds, confirms receipt and completes orders, then growth's referral rewards. */
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
      /** Shipped orders whose receipt the sweep confirmed (N days after shipping). */
      ordersReceived: count,
      /** Received orders completed (after-sale window closed, nothing open): their commission is settleable. */
      ordersCompleted: count,
      /** The growth loop's counts by name (commission settled, referral rewards, ...). */
      growth: z.record(z.string(), z.number()),
    }),
  },
});
