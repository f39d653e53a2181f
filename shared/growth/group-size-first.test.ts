import { bucketVariant, experimentSchema } from './experiments';
import { dealsSizeFirst, groupSizeTreatment } from './group-size-first';
import { promotionsForCaller } from '../shelf/promotions-for-caller';

const NOW = new Date('2025-03-01T00:00:00Z');
const VARIANTS = [
  { name: 'duo', weight: 1 },
  { name: 'trio', weight: 1, value: { groupSize: 3 } },
];
const sizeExperiment = (over: Record<string, unknown> = {}) => experimentSchema.parse({ _id: 'e_size', key: 'dealSize', status: 'active', varies: 'groupSizeFirst', variants: VARIANTS, ...over });
const users = Array.from({ length: 20 }, (_, i) => `o_u${i}`);
const userIn = (arm: string) => users.find((u) => bucketVariant(u, 'dealSize', VARIANTS) === arm)!;
const deals = [
  { _id: 'd2', groupSize: 2 },
  { _id: 'd3', groupSize: 3 },
  { _id: 'd5', groupSize: 5 },
];

describe('group size shown first', () => {
  it("puts the arm's size first and keeps the rest in their order; no size keeps the order", () => {
    expect(dealsSizeFirst(deals, 3).map((d) => d._id)).toEqual(['d3', 'd2', 'd5']);
    expect(dealsSizeFirst(deals, 5).map((d) => d._id)).toEqual(['d5', 'd2', 'd3']);
    expect(dealsSizeFirst(deals, 4).map((d) => d._id)).toEqual(['d2', 'd3', 'd5']);
    expect(dealsSizeFirst(deals, null).map((d) => d._id)).toEqual(['d2', 'd3', 'd5']);
  });

  it("gives the caller's arm's size from the first live groupSizeFirst experiment, null for an arm without one", () => {
    const e = [sizeExperiment()];
    expect(groupSizeTreatment(e, userIn('trio'), NOW)).toEqual({ experimentKey: 'dealSize', variant: 'trio', groupSize: 3 });
    expect(groupSizeTreatment(e, userIn('duo'), NOW)).toBeNull();
    expect(groupSizeTreatment([sizeExperiment({ status: 'paused' })], userIn('trio'), NOW)).toBeNull();
    expect(groupSizeTreatment([sizeExperiment({ _id: 'e_zzz', variants: [{ name: 'all', weight: 1, value: { groupSize: 5 } }] }), ...e], userIn('trio'), NOW)?.groupSize).toBe(3);
  });

  it('the schema: groupSize is a whole number of people ≥ 2, only in a groupSizeFirst experiment', () => {
    const issues = (v: unknown) => {
      const r = experimentSchema.safeParse({ _id: 'e', key: 'k', status: 'active', varies: 'groupSizeFirst', variants: [{ name: 'a', weight: 1, value: v }] });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(issues({ groupSize: 3 })).toEqual([]);
    expect(issues({ groupSize: 1 })).toEqual(['variants.0.value.groupSize']);
    expect(issues({ amountOffFen: 800 })).toEqual(['variants.0.value.amountOffFen']);
  });

  it('promotionsForCaller applies both treatments and returns the promotions as they are without experiments', () => {
    const flat = { _id: 'ct_flat5', rule: { kind: 'flat_off' as const, amountOffFen: 500 } };
    const amount = experimentSchema.parse({ _id: 'e_amt', key: 'dealSize', status: 'active', varies: 'couponAmount', templateId: 'ct_flat5', variants: [{ name: 'duo', weight: 1 }, { name: 'trio', weight: 1, value: { amountOffFen: 800 } }] });
    const promos = { templates: [flat], deals } as unknown as Parameters<typeof promotionsForCaller>[0];
    expect(promotionsForCaller(promos, [], userIn('trio'), NOW)).toBe(promos);
    const seen = promotionsForCaller(promos, [sizeExperiment(), amount], userIn('trio'), NOW);
    expect(seen.deals.map((d) => d._id)).toEqual(['d3', 'd2', 'd5']);
    expect(seen.templates[0].rule).toEqual({ kind: 'flat_off', amountOffFen: 800 });
    const control = promotionsForCaller(promos, [sizeExperiment(), amount], userIn('duo'), NOW);
    expect(control.deals.map((d) => d._id)).toEqual(['d2', 'd3', 'd5']);
    expect(control.templates[0].rule).toEqual(flat.rule);
  });
});
