/** `coupon`: the templates on offer, claiming one, the caller's coupons. */
import { z } from 'zod';
import { couponKindField, couponRuleField, couponScopeField, couponStatusField, couponValidityField } from './coupon-terms';
import { defineContract } from './define';
import { count, idField, instant } from './fields';

/** The actions of `coupon`. */
export const coupon = defineContract({
  /** Live templates with the caller's claim count and whether they may claim one more. */
  list: {
    input: {},
    reply: z.strictObject({
      templates: z.array(
        z.strictObject({
          templateId: z.string(),
          title: z.string(),
          description: z.string().nullable(),
          kind: couponKindField,
          rule: couponRuleField,
          scope: couponScopeField,
          validity: couponValidityField,
          /** Coupons still claimable from the template. */
          remaining: count,
          perUserLimit: count,
          perDayLimit: count.nullable(),
          claimedByMe: count,
          canClaim: z.boolean(),
          endAt: instant,
        }),
      ),
    }),
  },
  /** Claims one coupon of a template (total, per-user and per-day limits hold under concurrency). */
  claim: {
    input: { templateId: idField, shareId: idField.optional() },
    reply: z.strictObject({ couponId: z.string(), validFromAt: instant, validToAt: instant }),
  },
  /** The caller's coupons, latest claim first; `status` as the customer sees it (an unused coupon past its window reads expired). */
  mine: {
    input: { status: couponStatusField.optional() },
    reply: z.strictObject({
      coupons: z.array(
        z.strictObject({
          couponId: z.string(),
          templateId: z.string(),
          title: z.string(),
          kind: couponKindField,
          rule: couponRuleField,
          scope: couponScopeField,
          status: couponStatusField,
          validFromAt: instant,
          validToAt: instant,
          orderId: z.string().nullable(),
        }),
      ),
    }),
  },
});
