import { z } from 'zod';
import { COUPON_KINDS, type CouponKindEntry } from '../coupons/kinds';
import { dateField, fenField, positiveFenField, promotionBase } from './fields';

/** The schema of a template's `rule`: one shape per registered kind, told apart by `kind`. */
export const couponRuleSchema = z.discriminatedUnion(
  'kind',
  COUPON_KINDS.map((k) => k.rule({ z, fen: fenField, positiveFen: positiveFenField })) as [ReturnType<CouponKindEntry['rule']>, ...Array<ReturnType<CouponKindEntry['rule']>>],
);

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
    /** The latest claims' coupon ids (written by functions): a claim whose take may have been applied gives its unit back once. */
    recentTakes: z.array(z.string()).max(1000).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.endAt.getTime() <= t.startAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'endAt must be after startAt' });
    }
    if (t.perDayLimit !== undefined && t.perDayLimit > t.perUserLimit) {
      ctx.addIssue({ code: 'custom', path: ['perDayLimit'], message: 'perDayLimit exceeds perUserLimit' });
    }
  });

/** A valid `coupon_templates` document (dates parsed). */
export type CouponTemplate = z.infer<typeof couponTemplateSchema>;
