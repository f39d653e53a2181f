/** Given/when/then for ladder teams (阶梯团): the tier at expiry or at the top, and the difference refund of a member order. */
import { aLine, anOrder, aTeam, at, DUO, NOW } from '../../tests/support/fixtures';
import { reachedTier, tierRebateLines } from '../groupbuy';
import { groupDealSchema } from '../promotions/group-deal.schema';
import type { DealTerms } from '../orders';
import { decideOrder } from './order';
import { decideAfterPayment, decideExpiry, decideTeam } from './team';

const TIERS = [
  { size: 2, priceFen: 9900 },
  { size: 5, priceFen: 8900 },
  { size: 10, priceFen: 7900 },
];
const LADDER: DealTerms = { ...DUO, _id: 'gd_ladder', groupSize: 10, groupPriceFen: 9900, listPriceFen: 12900, tiers: TIERS };
const AFTER = at(24 * 60);
const ladderTeam = (paid: number, extra: Partial<Parameters<typeof aTeam>[0]> = {}) =>
  aTeam({ terms: LADDER, size: 10, seatsTaken: paid, paidCount: paid, paidOrders: Array.from({ length: paid }, (_, i) => `o${i + 1}`), ...extra });
const paidGroupOrder = (paidFen = 9900) =>
  anOrder({ lines: [aLine('L1', { unitPriceFen: 9900, paidFen })], status: 'to_ship', paidFen, tradeNo: 'wx1', teamId: 't1', dealTerms: LADDER });

describe('ladder tiers', () => {
  it('the tier reached is the highest whose size the paid members reach; none below the first', () => {
    expect(reachedTier(TIERS, 1)).toBeNull();
    expect(reachedTier(TIERS, 2)).toEqual(TIERS[0]);
    expect(reachedTier(TIERS, 9)).toEqual(TIERS[1]);
    expect(reachedTier(TIERS, 10)).toEqual(TIERS[2]);
  });

  it('a line gets back the difference per unit, never more than it still keeps', () => {
    expect(tierRebateLines([{ lineId: 'L1', qty: 1, paidFen: 9900, refundedFen: 0 }], 9900, TIERS[1])).toEqual([{ lineId: 'L1', refundFen: 1000 }]);
    expect(tierRebateLines([{ lineId: 'L1', qty: 2, paidFen: 19800, refundedFen: 0 }], 9900, TIERS[2])).toEqual([{ lineId: 'L1', refundFen: 4000 }]);
    expect(tierRebateLines([{ lineId: 'L1', qty: 1, paidFen: 1500, refundedFen: 0 }], 9900, TIERS[2])).toEqual([{ lineId: 'L1', refundFen: 1500 }]);
    expect(tierRebateLines([{ lineId: 'L1', qty: 1, paidFen: 9900, refundedFen: 0 }], 9900, TIERS[0])).toEqual([]);
  });

  it('a ladder deal: sizes ascend, prices descend, the first tier is the group price, the last the group size, at most 5 tiers', () => {
    const deal = { _id: 'gd', title: 'ladder', status: 'active', startAt: NOW, endAt: AFTER, productId: 'p09', skuId: 'p09-s1', groupSize: 10, groupPriceFen: 9900, listPriceFen: 12900, validHours: 24 };
    expect(groupDealSchema.safeParse({ ...deal, tiers: TIERS }).success).toBe(true);
    const paths = (tiers: unknown, over: object = {}) => {
      const r = groupDealSchema.safeParse({ ...deal, ...over, tiers });
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths([TIERS[0], { size: 2, priceFen: 8900 }, TIERS[2]])).toEqual(['tiers.1.size']);
    expect(paths([TIERS[0], { size: 5, priceFen: 9900 }, TIERS[2]])).toEqual(['tiers.1.priceFen']);
    expect(paths(TIERS, { groupPriceFen: 9500 })).toEqual(['tiers.0.priceFen']);
    expect(paths(TIERS, { groupSize: 12 })).toEqual(['tiers.2.size']);
    expect(paths(Array.from({ length: 6 }, (_, i) => ({ size: i + 2, priceFen: 9900 - i * 100 })), { groupSize: 7 })).toEqual(['tiers']);
  });
});

describe('ladder team', () => {
  it('given an expired ladder team of 7 paid, it reaches the 5-person tier guarded on the 7 counted, ships and refunds each paid order the difference', () => {
    const expiry = decideExpiry(ladderTeam(7), AFTER);
    expect(expiry.type).toBe('reachTier');
    expect(expiry.decision).toMatchObject({
      next: 'succeeded',
      change: {
        move: 'reachTier',
        set: { status: 'succeeded', succeededAt: AFTER, tier: TIERS[1], rebatesDue: true },
        requires: [
          { field: 'paidCount', op: 'eq', value: 7 },
          { field: 'expiresAt', op: 'lte', value: AFTER },
        ],
      },
    });
    const counted = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'];
    // Only the counted orders go to the warehouse: a payment after the expiry is refunded, never shipped.
    expect(expiry.type === 'reachTier' && expiry.effects).toEqual([
      { type: 'shipTeam', teamId: 't1', orderIds: counted },
      ...counted.map((orderId) => ({ type: 'rebateTier', teamId: 't1', orderId, tier: TIERS[1] })),
    ]);
  });

  it('given an expired ladder team at its first tier, it succeeds with nothing owed; below it, it fails like any team; before expiry it may not reach a tier', () => {
    const first = decideExpiry(ladderTeam(3), AFTER);
    expect(first.type === 'reachTier' && first.effects).toEqual([{ type: 'shipTeam', teamId: 't1', orderIds: ['o1', 'o2', 'o3'] }]);
    expect(first.decision.change.set).toMatchObject({ tier: TIERS[0], rebatesDue: false });
    expect(decideExpiry(ladderTeam(1), AFTER)).toMatchObject({ type: 'fail', decision: { next: 'failed' } });
    expect(() => decideTeam(ladderTeam(7), { type: 'reachTier', tier: TIERS[1], paidCount: 7, rebatesDue: true }, NOW)).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
    expect(decideExpiry(aTeam({ paidCount: 1 }), AFTER).type).toBe('fail');
  });

  it('given the last seat of a ladder team paid, it succeeds at once at its top tier and every paid order is owed the difference', () => {
    const after = decideAfterPayment(ladderTeam(10), 'o10', NOW);
    expect(after.type).toBe('succeed');
    if (after.type !== 'succeed') return;
    expect(after.decision.change.set).toMatchObject({ tier: TIERS[2], rebatesDue: true });
    expect(after.effects.filter((e) => e.type === 'rebateTier')).toHaveLength(10);
  });

  it('given a succeeded ladder team with rebates due, settleRebates clears them once', () => {
    expect(decideTeam(ladderTeam(7, { status: 'succeeded', rebatesDue: true }), { type: 'settleRebates' }, AFTER).change).toMatchObject({
      move: 'settleRebates',
      set: { rebatesDue: false, rebatesDoneAt: AFTER },
      requires: [{ field: 'rebatesDue', op: 'eq', value: true }],
    });
    expect(() => decideTeam(ladderTeam(7, { status: 'succeeded', rebatesDue: false }), { type: 'settleRebates' }, AFTER)).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
  });
});

describe('a member order of a ladder team', () => {
  it('given a paid member order, its team at 8900 refunds 1000 once: the line is kept, refundedFen grows, an OrderRefunded that is not full', () => {
    const d = decideOrder(paidGroupOrder(), { type: 'rebate', tier: TIERS[1], provider: 'wechatpay', refundId: 'r1' }, AFTER);
    expect(d.next).toBe('to_ship');
    expect(d.change).toMatchObject({
      move: 'rebate',
      set: { refundedFen: 1000, tierRebateId: 'r1', lines: [expect.objectContaining({ lineId: 'L1', paidFen: 9900, refundedFen: 1000, state: 'open' })] },
      requires: expect.arrayContaining([{ field: 'tierRebateId', op: 'eq', value: null }]),
    });
    expect(d.effects).toEqual([
      { type: 'refund', refund: expect.objectContaining({ _id: 'r1', refundFen: 1000, reason: 'tier_rebate', lines: [{ lineId: 'L1', refundFen: 1000 }] }), orderTotalFen: 9900 },
      { type: 'emit', event: expect.objectContaining({ type: 'OrderRefunded', refundId: 'r1', full: false, reason: 'tier_rebate', refundFen: 1000 }) },
    ]);
  });

  it('given an order already rebated, refunded in full, unpaid, of a plain team, or owed nothing, the rebate is refused', () => {
    const cmd = { type: 'rebate' as const, tier: TIERS[1], provider: 'wechatpay', refundId: 'r1' };
    const refused = (o: ReturnType<typeof paidGroupOrder>, tier = TIERS[1]) => expect(() => decideOrder(o, { ...cmd, tier }, AFTER)).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
    refused({ ...paidGroupOrder(), tierRebateId: 'r1' });
    refused({ ...paidGroupOrder(), status: 'refunded' });
    refused({ ...paidGroupOrder(), status: 'pending_pay' });
    refused({ ...paidGroupOrder(), dealTerms: DUO });
    refused(paidGroupOrder(), TIERS[0]);
  });
});
