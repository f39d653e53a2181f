/** `sweep` (system only): the timer's run and what it did. */
import { z } from 'zod';
import { defineContract } from './define';
import { count } from './fields';

/** The actions of `sweep`. */
export const sweep = defineContract({
  /**
   * Fails expired short teams and refunds them, releases unpaid orders (closing their charge
   * first), expires coupons, follows up open refunds with WeChat Pay, confirms receipt and
   * completes orders, then growth's referral rewards and waiting commission.
   */
  run: {
    input: {},
    reply: z.strictObject({
      teamsFailed: count,
      teamsSettled: count,
      membersRefunded: count,
      memberOrdersClosed: count,
      ordersClosed: count,
      /** Unpaid orders whose charge WeChat Pay said was paid when the sweep closed it: paid, not released. */
      ordersPaidAtClose: count,
      couponsExpired: count,
      /** Open refunds WeChat Pay ended: succeeded, failed (for ops), retried; and refunds asked of it again. */
      refunds: z.strictObject({ succeeded: count, failed: count, retried: count, askedAgain: count }),
      /** Shipped orders whose receipt the sweep confirmed (N days after shipping). */
      ordersReceived: count,
      /** Received orders completed (after-sale window closed, nothing open): their commission is settleable. */
      ordersCompleted: count,
      /** The growth loop's counts by name (commission settled, referral rewards, ...). */
      growth: z.record(z.string(), z.number()),
      /** The customer stream's counts by name (events confirmed, coupon claims streamed, alerts retried). */
      customers: z.record(z.string(), z.number()),
      /** Expired ladder teams that succeeded at the tier they reached, and the difference refunds the sweep made. */
      ladder: z.strictObject({ teamsReachedTier: count, rebates: count }),
      /** "Flash sale started" subscribe messages WeChat accepted (each reminder is sent once). */
      flashReminders: count,
      /** Flash units given back because their buy died before its order was inserted (after a grace period). */
      flashUnitsReclaimed: count,
    }),
  },
});
