import type { CouponRule } from '../coupons/kinds';
import { runningArm, type Experiment } from './experiments';

/** The coupon amount a caller's arm of a `couponAmount` experiment gives one template. */
export interface CouponAmountTreatment {
  experimentKey: string;
  variant: string;
  amountOffFen: number;
}

/**
 * The caller's treatment of coupon template `templateId`: the first live `couponAmount` experiment
 * on it (by `_id`) decides; null when none runs or the caller's arm keeps the template's amount
 * (an arm without `amountOffFen`, usually the control). Later experiments on the same template
 * never apply, so one customer is never in two amount arms of one coupon.
 * @example couponAmountTreatment(experiments, 'ct_flat5', 'o_cust_1', now) // { experimentKey:'couponAmt', variant:'big', amountOffFen:800 }
 */
export function couponAmountTreatment(experiments: readonly Experiment[], templateId: string, openid: string, now: Date): CouponAmountTreatment | null {
  const arm = runningArm(experiments, 'couponAmount', openid, now, (e) => e.templateId === templateId);
  const amountOffFen = arm?.value?.amountOffFen;
  return arm && amountOffFen !== undefined ? { experimentKey: arm.experimentKey, variant: arm.variant, amountOffFen } : null;
}

/**
 * A template's rule with an arm's amount off. Only kinds that take an amount off (`flat_off`,
 * `threshold_off`) are varied; a percent rule, or an amount above a threshold (which the
 * template schema refuses), keeps the template's own rule.
 * @example treatCouponRule({ kind: 'flat_off', amountOffFen: 500 }, 800) // { kind: 'flat_off', amountOffFen: 800 }
 */
export function treatCouponRule(rule: CouponRule, amountOffFen: number | null): CouponRule {
  if (amountOffFen === null) return rule;
  if (rule.kind === 'flat_off') return { ...rule, amountOffFen };
  if (rule.kind === 'threshold_off' && amountOffFen <= rule.thresholdFen) return { ...rule, amountOffFen };
  return rule;
}

/**
 * The rule coupon template `template` has for `openid` at `now`: its own rule, or its amount off
 * replaced by the caller's arm of a live `couponAmount` experiment on it.
 * @example couponRuleFor({ _id: 'ct_flat5', rule: { kind: 'flat_off', amountOffFen: 500 } }, experiments, 'o_cust_1', now) // amountOffFen 500 or 800 by arm
 */
export function couponRuleFor(template: { _id: string; rule: CouponRule }, experiments: readonly Experiment[], openid: string, now: Date): CouponRule {
  return treatCouponRule(template.rule, couponAmountTreatment(experiments, template._id, openid, now)?.amountOffFen ?? null);
}

/**
 * What makes a valid `couponAmount` experiment unable to apply, checked against its template as
 * stored (admin.promotionHealth): a template that does not exist, a kind with no amount off
 * (`percent_off`), an arm's amount above a `threshold_off` template's threshold.
 * @example couponAmountProblems(experiment, undefined) // ['templateId: no coupon template ct_gone']
 */
export function couponAmountProblems(experiment: Experiment, template: { rule: CouponRule } | undefined): string[] {
  if (experiment.varies !== 'couponAmount') return [];
  if (!template) return [`templateId: no coupon template ${experiment.templateId}`];
  const rule = template.rule;
  if (rule.kind !== 'flat_off' && rule.kind !== 'threshold_off') return [`templateId: a ${rule.kind} coupon has no amount off to vary`];
  if (rule.kind !== 'threshold_off') return [];
  return experiment.variants.flatMap((v, i) =>
    v.value?.amountOffFen !== undefined && v.value.amountOffFen > rule.thresholdFen
      ? [`variants.${i}.value.amountOffFen: above the template's threshold (${rule.thresholdFen} fen)`]
      : [],
  );
}
