/**
 * The registry of coupon kinds. A new kind is one file in `kinds/` (its rule schema and its
 * discount) and one line in {@link COUPON_KINDS}; the template schema, pricing, the best-coupon
 * choice and the ops console's validation all follow from this list. Loads no zod.
 */
import type { z } from 'zod';
import { flatOff } from './kinds/flat-off';
import { percentOff } from './kinds/percent-off';
import { thresholdOff } from './kinds/threshold-off';

/** Every coupon kind, listed explicitly: 满减, 折扣, 无门槛. An unknown kind is an error, never a silent zero. */
export const COUPON_KINDS = [thresholdOff, percentOff, flatOff] as const;

/** One entry of {@link COUPON_KINDS}. */
export type CouponKindEntry = (typeof COUPON_KINDS)[number];

/** A coupon's terms: the rule of one of {@link COUPON_KINDS}. */
export type CouponRule = z.infer<ReturnType<CouponKindEntry['rule']>>;
/** `'threshold_off'` (满减) | `'percent_off'` (折扣) | `'flat_off'` (无门槛). */
export type CouponKind = CouponRule['kind'];

/**
 * The discount a coupon rule gives on an eligible subtotal.
 * @example couponDiscountFen({ kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 }, 12000) // 1500
 * @throws Error for a kind that is not in {@link COUPON_KINDS}.
 */
export function couponDiscountFen(rule: CouponRule, eligibleFen: number): number {
  const definition = COUPON_KINDS.find((k) => k.kind === rule.kind);
  if (!definition) throw new Error(`unknown coupon kind ${JSON.stringify((rule as { kind?: unknown }).kind)}`);
  return (definition.discountFen as (r: CouponRule, eligible: number) => number)(rule, eligibleFen);
}
