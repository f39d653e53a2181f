import { seedPromotions } from '../../emulator/seed/promotions';
import { checkPromotion, isLive } from './index';

const now = new Date('2025-03-01T00:00:00Z');
const seed = seedPromotions(now);
const goodDeal = seed.group_deals[0];
const goodTemplate = seed.coupon_templates[0];

describe('checkPromotion', () => {
  it('accepts every demo promotion', () => {
    for (const t of seed.coupon_templates) expect(checkPromotion('coupon_templates', t)).toMatchObject({ ok: true });
    for (const d of seed.group_deals) expect(checkPromotion('group_deals', d)).toMatchObject({ ok: true });
  });

  it('accepts ISO strings typed in the console as dates', () => {
    const r = checkPromotion('group_deals', { ...goodDeal, startAt: '2025-01-01T00:00:00+08:00' });
    expect(r.ok && r.value.startAt).toEqual(new Date('2024-12-31T16:00:00Z'));
  });

  it.each([
    ['group_deals', { ...goodDeal, groupSize: 1 }, 'groupSize'],
    ['group_deals', { ...goodDeal, groupPriceFen: 99999 }, 'groupPriceFen: group price is above the list price'],
    ['group_deals', { ...goodDeal, groupPriceFen: '59' }, 'groupPriceFen'],
    ['group_deals', { ...goodDeal, colour: 'red' }, 'colour: unknown field'],
    ['group_deals', { ...goodDeal, status: 'live' }, 'status'],
    ['group_deals', { ...goodDeal, endAt: goodDeal.startAt }, 'endAt'],
    ['coupon_templates', { ...goodTemplate, stock: -1 }, 'stock'],
    ['coupon_templates', { ...goodTemplate, rule: { kind: 'bogus' } }, 'rule'],
    ['coupon_templates', { ...goodTemplate, rule: { kind: 'threshold_off', thresholdFen: 100, amountOffFen: 500 } }, 'rule.amountOffFen'],
    ['coupon_templates', { ...goodTemplate, scope: { mode: 'listed', productIds: [] } }, 'scope.productIds'],
    ['coupon_templates', { ...goodTemplate, perUserLimit: 0 }, 'perUserLimit'],
  ] as const)('%s: a bad document is reported with the field (%#)', (collection, doc, expected) => {
    const r = checkPromotion(collection, doc);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.join('\n')).toContain(expected);
  });

  it('never throws on garbage', () => {
    for (const junk of [null, 42, 'x', [], {}]) {
      expect(checkPromotion('coupon_templates', junk).ok).toBe(false);
      expect(checkPromotion('group_deals', junk).ok).toBe(false);
    }
  });
});

describe('isLive', () => {
  const startAt = new Date('2025-03-01T00:00:00Z');
  const endAt = new Date('2025-03-02T00:00:00Z');
  it.each([
    ['active inside the window', 'active', startAt, true],
    ['active before start', 'active', new Date(startAt.getTime() - 1), false],
    ['active at end', 'active', endAt, false],
    ['paused inside the window', 'paused', startAt, false],
    ['draft', 'draft', startAt, false],
  ])('%s', (_t, status, at, expected) => {
    expect(isLive({ status, startAt, endAt }, at)).toBe(expected);
  });
});
