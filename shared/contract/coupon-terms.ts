/** Coupon terms as replies carry them (a claimed coupon's snapshot, a template on offer, a quote's options). */
import { z } from 'zod';
import { COUPON_STATUSES } from '../coupons/coupon';
import { couponRuleSchema, couponScopeSchema } from '../promotions/coupon-template.schema';
import { count, fen, instant } from './fields';

/** `'threshold_off'` (满减) | `'percent_off'` (折扣) | `'flat_off'` (无门槛), from the rule schema. */
export const couponKindField = z.enum(couponRuleSchema.options.map((o) => o.shape.kind.value) as [CouponKindName, ...CouponKindName[]]);
type CouponKindName = z.output<typeof couponRuleSchema>['kind'];

/** A coupon's terms (one shape per kind), as ops wrote them on the template. */
export const couponRuleField = couponRuleSchema;

/** Which products a coupon applies to. */
export const couponScopeField = couponScopeSchema;

/** A claimed coupon's state: `unused → locked(order) → used`, `unused → expired`. */
export const couponStatusField = z.enum(COUPON_STATUSES);

/** When coupons of a template can be used: a fixed window, or `days` days from the claim. */
export const couponValidityField = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('window'), fromAt: instant, toAt: instant }),
  z.strictObject({ mode: z.literal('days'), days: count }),
]);

/** One coupon's effect on a cart (order.quote): `applicable` is false when it gives nothing here. */
export const couponOptionSchema = z.strictObject({ couponId: z.string(), title: z.string(), discountFen: fen, applicable: z.boolean() });
