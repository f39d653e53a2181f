import { bucketVariant, experimentSchema } from './experiments';
import { couponAmountProblems, couponAmountTreatment, couponRuleFor, treatCouponRule } from './coupon-amount';

const NOW = new Date('2025-03-01T00:00:00Z');
const VARIANTS = [
  { name: 'control', weight: 1 },
  { name: 'big', weight: 1, value: { amountOffFen: 800 } },
];
const amountExperiment = (over: Record<string, unknown> = {}) =>
  experimentSchema.parse({ _id: 'e_amt', key: 'flatAmount', status: 'active', varies: 'couponAmount', templateId: 'ct_flat5', variants: VARIANTS, ...over });
const users = Array.from({ length: 20 }, (_, i) => `o_u${i}`);
const userIn = (arm: string) => users.find((u) => bucketVariant(u, 'flatAmount', VARIANTS) === arm)!;
const flat5 = { _id: 'ct_flat5', rule: { kind: 'flat_off' as const, amountOffFen: 500 } };

describe('coupon-amount experiments', () => {
  it("gives each arm its amount on the named template, the control keeps the template's", () => {
    const e = [amountExperiment()];
    expect(couponAmountTreatment(e, 'ct_flat5', userIn('big'), NOW)).toEqual({ experimentKey: 'flatAmount', variant: 'big', amountOffFen: 800 });
    expect(couponAmountTreatment(e, 'ct_flat5', userIn('control'), NOW)).toBeNull();
    expect(couponRuleFor(flat5, e, userIn('big'), NOW)).toEqual({ kind: 'flat_off', amountOffFen: 800 });
    expect(couponRuleFor(flat5, e, userIn('control'), NOW)).toEqual(flat5.rule);
    expect(couponRuleFor({ ...flat5, _id: 'ct_other' }, e, userIn('big'), NOW)).toEqual(flat5.rule);
  });

  it('only a live experiment applies, and the first by _id wins over a later one on the same template', () => {
    expect(couponRuleFor(flat5, [amountExperiment({ status: 'paused' })], userIn('big'), NOW)).toEqual(flat5.rule);
    expect(couponRuleFor(flat5, [amountExperiment({ endAt: new Date('2025-02-01T00:00:00Z') })], userIn('big'), NOW)).toEqual(flat5.rule);
    const later = amountExperiment({ _id: 'e_zzz', variants: [{ name: 'all', weight: 1, value: { amountOffFen: 300 } }] });
    expect(couponRuleFor(flat5, [later, amountExperiment()], userIn('big'), NOW)).toEqual({ kind: 'flat_off', amountOffFen: 800 });
    expect(couponRuleFor(flat5, [later, amountExperiment()], userIn('control'), NOW)).toEqual(flat5.rule);
  });

  it('varies the amount of flat and threshold rules only, never above the threshold', () => {
    expect(treatCouponRule({ kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 }, 2000)).toEqual({ kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 2000 });
    expect(treatCouponRule({ kind: 'threshold_off', thresholdFen: 1000, amountOffFen: 500 }, 1200)).toEqual({ kind: 'threshold_off', thresholdFen: 1000, amountOffFen: 500 });
    const percent = { kind: 'percent_off' as const, percentOff: 20, maxDiscountFen: 3000 };
    expect(treatCouponRule(percent, 800)).toBe(percent);
    expect(treatCouponRule(flat5.rule, null)).toBe(flat5.rule);
  });

  it('the schema: a couponAmount experiment names its template; only it may; amounts are positive integer fen', () => {
    const base = { _id: 'e', key: 'k', status: 'active', variants: VARIANTS };
    expect(experimentSchema.safeParse({ ...base, varies: 'couponAmount', templateId: 'ct_flat5' }).success).toBe(true);
    const problems = (doc: Record<string, unknown>) => {
      const r = experimentSchema.safeParse(doc);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(problems({ ...base, varies: 'couponAmount' })).toEqual(['templateId']);
    expect(problems({ ...base, varies: 'card', templateId: 'ct_flat5', variants: [{ name: 'a', weight: 1 }] })).toEqual(['templateId']);
    expect(problems({ ...base, varies: 'card' })).toEqual(['variants.1.value.amountOffFen']);
    expect(problems({ ...base, varies: 'couponAmount', templateId: 't', variants: [{ name: 'a', weight: 1, value: { amountOffFen: 12.5 } }] })).toEqual(['variants.0.value.amountOffFen']);
    expect(problems({ ...base, varies: 'couponAmount', templateId: 't', variants: [{ name: 'a', weight: 1, value: { groupSize: 3 } }] })).toEqual(['variants.0.value.groupSize']);
  });

  it('names what keeps a valid experiment from applying to its template (promotionHealth)', () => {
    const e = amountExperiment();
    expect(couponAmountProblems(e, flat5)).toEqual([]);
    expect(couponAmountProblems(e, undefined)).toEqual(['templateId: no coupon template ct_flat5']);
    expect(couponAmountProblems(e, { rule: { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 } })).toEqual(['templateId: a percent_off coupon has no amount off to vary']);
    expect(couponAmountProblems(e, { rule: { kind: 'threshold_off', thresholdFen: 600, amountOffFen: 500 } })).toEqual(["variants.1.value.amountOffFen: above the template's threshold (600 fen)"]);
    expect(couponAmountProblems(e, { rule: { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 } })).toEqual([]);
    expect(couponAmountProblems(experimentSchema.parse({ _id: 'c', key: 'k', status: 'active', variants: VARIANTS.slice(0, 1) }), undefined)).toEqual([]);
  });
});
