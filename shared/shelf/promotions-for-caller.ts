import type { CouponTemplate, GroupDeal } from '../promotions';
import { couponRuleFor } from '../growth/coupon-amount';
import { dealsSizeFirst, groupSizeTreatment } from '../growth/group-size-first';
import type { Experiment } from '../growth/experiments';

/**
 * The live promotions as one caller sees them under the running experiments: each coupon
 * template with the caller's amount (`couponAmount`), the deals with the caller's group size first
 * (`groupSizeFirst`). Pure; without experiments the promotions are returned as they are.
 * @example promotionsForCaller({ templates, deals }, experiments, 'o_cust_1', now).deals[0].groupSize // 3 for the trio arm
 */
export function promotionsForCaller(
  promos: { templates: CouponTemplate[]; deals: GroupDeal[] },
  experiments: readonly Experiment[],
  openid: string,
  now: Date,
): { templates: CouponTemplate[]; deals: GroupDeal[] } {
  if (experiments.length === 0) return promos;
  return {
    templates: promos.templates.map((t) => ({ ...t, rule: couponRuleFor(t, experiments, openid, now) })),
    deals: dealsSizeFirst(promos.deals, groupSizeTreatment(experiments, openid, now)?.groupSize ?? null),
  };
}
