/**
 * The "coupon expiring" tag's facts (shared/customers tags.ts): which customers hold an unused
 * coupon expiring within the tag's window, read from the coupons themselves — their status is the
 * truth (a coupon locked by an unpaid order, used, or given back by a cancel), and the read stays
 * the same size however many coupons a customer has claimed over time.
 */
import { store } from '../_platform';
import { couponSoonWindow } from '../../shared/customers';

/** The query of the unused coupons of `owner` (an openid or a `$in` of them) expiring soon at `now`. */
function soonQuery(owner: unknown, now: Date): Record<string, unknown> {
  const _ = store.command();
  const w = couponSoonWindow(now);
  return { ownerOpenid: owner, status: 'unused', validToAt: _.gt(w.after).and(_.lte(w.until)) };
}

/** Of `openids`, those holding an unused coupon expiring soon at `now`: one read (none for no ids). */
export async function holdersOfCouponsSoon(openids: readonly string[], now: Date): Promise<Set<string>> {
  if (openids.length === 0) return new Set();
  const res = await store
    .aggregate('coupons')
    .match(soonQuery(store.command().in([...openids]), now))
    .group({ _id: '$ownerOpenid' })
    .limit(openids.length)
    .end();
  return new Set(store.aggregateRows<{ _id: string }>(res).map((r) => r._id));
}

/**
 * The `$lookup` (its field: `as`) that joins a customer's first unused coupon expiring soon to a
 * row read for that one customer — the profile joins it to the summary it reads anyway.
 */
export function couponSoonLookup(openid: string, now: Date, as: string): { from: 'coupons'; pipeline: unknown; as: string } {
  const $ = store.command().aggregate;
  return { from: 'coupons', pipeline: $.pipeline().match(soonQuery(openid, now)).limit(1).project({ _id: 1 }).done(), as };
}
