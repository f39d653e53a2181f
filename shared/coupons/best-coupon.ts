import { priceCart, type CartLine } from '../pricing/price-cart';
import { couponAllowedOn, isCouponUsable, type Coupon } from './coupon';

/** A coupon's effect on one cart. */
export interface CouponOption {
  couponId: string;
  title: string;
  discountFen: number;
  /** False when the coupon gives nothing on this cart (threshold not met, nothing in scope, group order). */
  applicable: boolean;
}

/**
 * Ranks a customer's coupons for a cart and picks the best: the largest discount, ties broken by
 * the earliest expiry, then id. Only usable coupons are considered. On a group order a coupon
 * counts only when it, or the deal, allows it.
 * @example chooseBestCoupon(lines, coupons, now, { isGroupOrder: false }).best?.couponId
 */
export function chooseBestCoupon(
  lines: CartLine[],
  coupons: Coupon[],
  now: Date,
  opts: { isGroupOrder: boolean; dealAllowsCoupon?: boolean; activityDiscountFen?: number },
): { best: CouponOption | null; options: CouponOption[] } {
  const usable = coupons.filter((c) => isCouponUsable(c, now));
  const ranked = usable
    .map((c) => {
      const allowed = couponAllowedOn(c, opts.isGroupOrder ? { allowCoupon: opts.dealAllowsCoupon } : null);
      const priced = allowed
        ? priceCart({ lines, activityDiscountFen: opts.activityDiscountFen, coupon: { rule: c.rule, scope: c.scope } })
        : null;
      const discountFen = priced ? priced.couponDiscountFen : 0;
      return { coupon: c, option: { couponId: c._id, title: c.title, discountFen, applicable: discountFen > 0 } };
    })
    .sort(
      (a, b) =>
        b.option.discountFen - a.option.discountFen ||
        a.coupon.validToAt.getTime() - b.coupon.validToAt.getTime() ||
        (a.coupon._id < b.coupon._id ? -1 : 1),
    );
  const options = ranked.map((r) => r.option);
  const best = options.length > 0 && options[0].applicable ? options[0] : null;
  return { best, options };
}
