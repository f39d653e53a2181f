import { priceCart, type CartLine } from '../pricing/price-cart';
import type { ShippingTerms } from '../shipping/fee';
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
 * Ranks a customer's coupons for a cart and picks the best: the lowest total to pay (shipping
 * included: a coupon that takes the goods below the free-shipping amount may cost more than it
 * saves), then the largest discount, the earliest expiry, the id. Only usable coupons are
 * considered; the best must make the order cheaper than no coupon. On a group order a coupon
 * counts only when it, or the deal, allows it.
 * @example chooseBestCoupon(lines, coupons, now, { isGroupOrder: false }).best?.couponId
 */
export function chooseBestCoupon(
  lines: CartLine[],
  coupons: Coupon[],
  now: Date,
  opts: { isGroupOrder: boolean; dealAllowsCoupon?: boolean; activityDiscountFen?: number; shipping?: ShippingTerms | null },
): { best: CouponOption | null; options: CouponOption[] } {
  const base = { lines, activityDiscountFen: opts.activityDiscountFen, shipping: opts.shipping };
  const withoutCouponFen = priceCart(base).totalFen;
  const usable = coupons.filter((c) => isCouponUsable(c, now));
  const ranked = usable
    .map((c) => {
      const allowed = couponAllowedOn(c, opts.isGroupOrder ? { allowCoupon: opts.dealAllowsCoupon } : null);
      const priced = allowed ? priceCart({ ...base, coupon: { rule: c.rule, scope: c.scope } }) : null;
      const discountFen = priced ? priced.couponDiscountFen : 0;
      const totalFen = priced ? priced.totalFen : withoutCouponFen;
      return { coupon: c, totalFen, option: { couponId: c._id, title: c.title, discountFen, applicable: discountFen > 0 } };
    })
    .sort(
      (a, b) =>
        a.totalFen - b.totalFen ||
        b.option.discountFen - a.option.discountFen ||
        a.coupon.validToAt.getTime() - b.coupon.validToAt.getTime() ||
        (a.coupon._id < b.coupon._id ? -1 : 1),
    );
  const options = ranked.map((r) => r.option);
  const top = ranked[0];
  const best = top && top.option.applicable && top.totalFen < withoutCouponFen ? top.option : null;
  return { best, options };
}
