import { priceCart, type CartLine } from '../../../shared/pricing/price-cart';
import { chooseBestCoupon } from '../../../shared/coupons/best-coupon';
import type { Coupon } from '../../../shared/coupons/coupon';
import type { CouponInstance } from './types';

/**
 * Checkout preview with the same pure pricing code the order function runs (shared/), so the
 * preselected best coupon and the breakdown match what order.create will charge. The function's
 * reply stays the authority: the page shows its totals once the order exists.
 */
export type { CartLine };

type Loose = CouponInstance & Partial<Coupon> & { _id?: string; validToAt?: unknown; validFromAt?: unknown };

function toDate(v: unknown, fallback: number): Date {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') return new Date(v);
  if (v && typeof v === 'object' && '$date' in (v as object)) return new Date((v as { $date: string }).$date);
  return new Date(fallback);
}

/** Adapts a coupon.mine item (dates as strings, maybe flat terms) to shared's Coupon. */
export function toCoupon(instance: CouponInstance): Coupon {
  const c = instance as Loose;
  const id = c._id || c.couponId || c.id || '';
  const rule =
    c.rule ||
    (c.kind === 'percent_off'
      ? { kind: 'percent_off' as const, percentOff: c.percentOff || 0, maxDiscountFen: c.maxDiscountFen }
      : c.thresholdFen
        ? { kind: 'threshold_off' as const, thresholdFen: c.thresholdFen, amountOffFen: c.amountOffFen || 0 }
        : { kind: 'flat_off' as const, amountOffFen: c.amountOffFen || 0 });
  return {
    _id: id,
    templateId: c.templateId || '',
    ownerOpenid: c.ownerOpenid || '',
    title: c.title || c.name || '',
    rule: rule as Coupon['rule'],
    scope: (c.scope as Coupon['scope']) || { mode: 'all' },
    allowOnGroup: !!c.allowOnGroup,
    status: (c.status as Coupon['status']) || 'unused',
    claimedAt: toDate(c.claimedAt, 0),
    validFromAt: toDate(c.validFromAt ?? c.validFrom, 0),
    validToAt: toDate(c.validToAt ?? c.expiresAt, 4102444800000),
    orderId: null,
  };
}

export function quote(lines: CartLine[], coupons: Coupon[], couponId: string | null | undefined, isGroupOrder: boolean) {
  const now = new Date();
  const { best, options } = chooseBestCoupon(lines, coupons, now, { isGroupOrder });
  const chosen = couponId === undefined ? best?.couponId : couponId;
  const coupon = coupons.find((c) => c._id === chosen);
  const priced = priceCart({ lines, coupon: coupon && (!isGroupOrder || coupon.allowOnGroup) ? { rule: coupon.rule, scope: coupon.scope } : null });
  return { priced, best, options, chosenId: coupon ? coupon._id : null };
}
