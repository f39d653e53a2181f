import { couponDiscountFen, type CouponRule } from '../coupons/kinds';
import { isInScope } from '../coupons/scope';
import { splitByLargestRemainder, sumFen } from '../money/split';
import type { CouponScope } from '../promotions/coupon-template.schema';
import { shippingFeeFen, type ShippingTerms } from '../shipping/fee';

/** One line to price. `unitPriceFen` is what one unit sells at before discounts (the group price on a group order). */
export interface CartLine {
  lineId: string;
  productId: string;
  skuId: string;
  title: string;
  skuName: string;
  qty: number;
  unitPriceFen: number;
  /** Struck-through reference price per unit (display only). */
  listPriceFen: number;
}

/** A priced line: `paidFen = subtotalFen − activityDiscountFen − couponDiscountFen ≥ 0`. */
export interface PricedLine extends CartLine {
  subtotalFen: number;
  activityDiscountFen: number;
  couponDiscountFen: number;
  discountFen: number;
  paidFen: number;
}

/** The coupon terms pricing needs. */
export interface CouponTerms {
  rule: CouponRule;
  scope: CouponScope;
}

/** Input of {@link priceCart}. */
export interface PriceCartInput {
  lines: CartLine[];
  /** Fen off the whole order from the activity before the coupon (e.g. a group leader's perk). */
  activityDiscountFen?: number;
  coupon?: CouponTerms | null;
  /** The shipping terms of the destination (shared/shipping); absent: no fee. */
  shipping?: ShippingTerms | null;
}

/** An order's money, as priced and as stored (fen). */
export interface OrderFigures {
  subtotalFen: number;
  activityDiscountFen: number;
  couponDiscountFen: number;
  discountFen: number;
  /** Shipping, on the order only: never split into lines, so commission never applies to it (a full refund of unshipped goods returns it too). */
  shippingFen: number;
  /** What the customer pays: `subtotalFen − discountFen + shippingFen`. */
  totalFen: number;
}

/** Result of {@link priceCart}; all amounts in fen. */
export interface PricedCart extends OrderFigures {
  lines: PricedLine[];
  /** Subtotal (after the activity discount) of the lines in the coupon's scope. */
  couponEligibleFen: number;
}

/**
 * Prices a cart in the fixed order: (group/activity price already in `unitPriceFen`) → activity
 * discount → coupon on the in-scope lines → shipping. Each discount is split across its lines by
 * largest remainder weighted by what the line still costs, so no line goes below zero and line
 * discounts sum exactly to the order's discount. Shipping is charged on the order: free when the
 * goods paid (after both discounts) reach the terms' `freeOverFen`; lines' `paidFen` never include it.
 * @example priceCart({ lines: [a, b], coupon: { rule: { kind: 'flat_off', amountOffFen: 500 }, scope: { mode: 'all' } } })
 */
export function priceCart(input: PriceCartInput): PricedCart {
  const subtotals = input.lines.map((l) => l.unitPriceFen * l.qty);
  const subtotalFen = sumFen(subtotals);
  const activityFen = Math.min(Math.max(0, input.activityDiscountFen ?? 0), subtotalFen);
  const activity = subtotalFen > 0 ? splitByLargestRemainder(activityFen, subtotals) : subtotals.map(() => 0);
  const afterActivity = subtotals.map((s, i) => s - activity[i]);

  const coupon = input.coupon ?? null;
  const eligible = afterActivity.map((amount, i) => (coupon && isInScope(coupon.scope, input.lines[i].productId) ? amount : 0));
  const couponEligibleFen = sumFen(eligible);
  const couponFen = coupon ? Math.min(couponDiscountFen(coupon.rule, couponEligibleFen), couponEligibleFen) : 0;
  const couponParts = couponFen > 0 ? splitByLargestRemainder(couponFen, eligible) : eligible.map(() => 0);

  const lines = input.lines.map((l, i) => {
    const discountFen = activity[i] + couponParts[i];
    return {
      ...l,
      subtotalFen: subtotals[i],
      activityDiscountFen: activity[i],
      couponDiscountFen: couponParts[i],
      discountFen,
      paidFen: subtotals[i] - discountFen,
    };
  });
  const discountFen = activityFen + couponFen;
  const goodsFen = subtotalFen - discountFen;
  const shippingFen = input.shipping ? shippingFeeFen(input.shipping, goodsFen) : 0;
  return {
    lines,
    subtotalFen,
    activityDiscountFen: activityFen,
    couponDiscountFen: couponFen,
    discountFen,
    shippingFen,
    totalFen: goodsFen + shippingFen,
    couponEligibleFen,
  };
}
