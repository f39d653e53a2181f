import { z } from 'zod';
import { dateField, fenField, positiveFenField, promotionBase } from './fields';

/**
 * 满减: `amountOffFen` off when the eligible subtotal reaches `thresholdFen`.
 * @example { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 } // 满100减15
 */
export const thresholdOffRule = z
  .object({ kind: z.literal('threshold_off'), thresholdFen: positiveFenField, amountOffFen: positiveFenField })
  .strict();

/**
 * 折扣: `percentOff`% off the eligible subtotal, at most `maxDiscountFen`, optionally from a threshold.
 * @example { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 } // 8折, 最多减30
 */
export const percentOffRule = z
  .object({
    kind: z.literal('percent_off'),
    percentOff: z.number().int().min(1).max(99),
    maxDiscountFen: positiveFenField,
    thresholdFen: fenField.optional(),
  })
  .strict();

/**
 * 无门槛: `amountOffFen` off any eligible subtotal (never below zero).
 * @example { kind: 'flat_off', amountOffFen: 500 } // 无门槛减5
 */
export const flatOffRule = z.object({ kind: z.literal('flat_off'), amountOffFen: positiveFenField }).strict();

/** The terms of a coupon, one shape per kind. */
export const couponRuleSchema = z.discriminatedUnion('kind', [thresholdOffRule, percentOffRule, flatOffRule]);
/** A coupon's terms. */
export type CouponRule = z.infer<typeof couponRuleSchema>;
/** `'threshold_off'` (满减) | `'percent_off'` (折扣) | `'flat_off'` (无门槛). */
export type CouponKind = CouponRule['kind'];

/** Which products a coupon applies to. @example { mode: 'excluded', productIds: ['p03'] } */
export const couponScopeSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }).strict(),
  z.object({ mode: z.literal('listed'), productIds: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ mode: z.literal('excluded'), productIds: z.array(z.string().min(1)).min(1) }).strict(),
]);
/** A coupon's product scope. */
export type CouponScope = z.infer<typeof couponScopeSchema>;

/**
 * When a claimed coupon can be used: a fixed window, or `days` days from the claim.
 * @example { mode: 'days', days: 7 }
 */
export const couponValiditySchema = z.discriminatedUnion('mode', [
  z
    .object({ mode: z.literal('window'), fromAt: dateField, toAt: dateField })
    .strict()
    .refine((v) => v.toAt.getTime() > v.fromAt.getTime(), { message: 'toAt must be after fromAt', path: ['toAt'] }),
  z.object({ mode: z.literal('days'), days: z.number().int().min(1).max(366) }).strict(),
]);
/** A coupon's validity rule. */
export type CouponValidity = z.infer<typeof couponValiditySchema>;

/**
 * `coupon_templates/{id}`: an ops-editable coupon offer. `stock` is the number still claimable
 * (claims decrement it atomically); `issuedCount` counts claims (written by functions).
 */
export const couponTemplateSchema = z
  .object({
    ...promotionBase,
    description: z.string().max(200).optional(),
    rule: couponRuleSchema,
    scope: couponScopeSchema,
    validity: couponValiditySchema,
    stock: z.number().int().nonnegative(),
    issuedCount: z.number().int().nonnegative().optional(),
    perUserLimit: z.number().int().min(1).max(100),
    perDayLimit: z.number().int().min(1).max(100).optional(),
    /** Allowed on group-deal orders too (default: no coupon on a group order). */
    allowOnGroup: z.boolean().optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.endAt.getTime() <= t.startAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'endAt must be after startAt' });
    }
    if (t.rule.kind === 'threshold_off' && t.rule.amountOffFen > t.rule.thresholdFen) {
      ctx.addIssue({ code: 'custom', path: ['rule', 'amountOffFen'], message: 'amount off exceeds the threshold' });
    }
    if (t.perDayLimit !== undefined && t.perDayLimit > t.perUserLimit) {
      ctx.addIssue({ code: 'custom', path: ['perDayLimit'], message: 'perDayLimit exceeds perUserLimit' });
    }
  });

/** A valid `coupon_templates` document (dates parsed). */
export type CouponTemplate = z.infer<typeof couponTemplateSchema>;
