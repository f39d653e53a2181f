import { counterPaths, funnel, kFactor, mergePaths, nestPaths, summarizeCounters } from './counters';
import { mintShareId, isShareId } from './share-id';
import { buildShare, buildShareTree, sharePath } from './share-chain';
import { parseDocs } from './ops-docs';
import { bindingPolicySchema } from './binding';

describe('counters', () => {
  it('an event counts in the total and every scope, and nests back into a document', () => {
    const p = counterPaths({ salesId: 'o_sales_li', campaign: 'spring', experiments: { cardCopy: 'b' } }, { opens: 1, gmvFen: 0 });
    expect(p).toEqual({ 'all.opens': 1, 's.o_sales_li.opens': 1, 'c.spring.opens': 1, 'v.cardCopy.b.opens': 1 });
    expect(nestPaths(mergePaths(p, { 'all.opens': 2 }))).toEqual({ all: { opens: 3 }, s: { o_sales_li: { opens: 1 } }, c: { spring: { opens: 1 } }, v: { cardCopy: { b: { opens: 1 } } } });
  });

  it('unsafe keys are never used as field names', () => {
    expect(counterPaths({ campaign: 'a.b', salesId: '$x' }, { opens: 1 })).toEqual({ 'all.opens': 1 });
  });

  it('sums days, then funnel and K-factor', () => {
    const s = summarizeCounters([
      { all: { shares: 2, sharers: 1, opens: 4, binds: 3, newCustomers: 3 }, s: { li: { newCustomers: 3, sharers: 1 } } },
      { all: { shares: 2, sharers: 1, opens: 2, binds: 1, newCustomers: 1, shareOrders: 2, sharePaidOrders: 1 }, s: { li: { newCustomers: 1, sharers: 1 } } },
    ]);
    expect(funnel(s.all)).toMatchObject({ shares: 4, opens: 6, binds: 4, orders: 2, pays: 1, rates: { openPerShare: 1.5, payPerOrder: 0.5 } });
    expect(kFactor(s.bySales.li)).toBe(2);
    expect(kFactor({})).toBe(0);
  });
});

describe('share chain', () => {
  const now = new Date('2025-03-01T00:00:00Z');
  it('mints short scene-safe ids', () => {
    let seed = 7;
    const rnd = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256);
    for (let i = 0; i < 200; i++) {
      const id = mintShareId(rnd);
      expect(id).toHaveLength(8);
      expect(isShareId(id)).toBe(true);
    }
    expect(sharePath('abc')).toBe('/pages/landing/index?s=abc');
  });

  it('a salesperson share is a root; a customer re-share hangs below the share that brought them', () => {
    const s = buildShare({ id: 'S1', sharer: { openid: 'o_sales_li', role: 'sales' }, target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card', campaign: null, experiments: {}, now });
    expect(s).toMatchObject({ salesId: 'o_sales_li', parentShareId: null, rootShareId: 'S1', depth: 1, ancestors: [] });
    const a = buildShare({
      id: 'A1',
      sharer: { openid: 'o_cust_1', role: 'customer', boundSalesId: 'o_sales_li', via: { shareId: 'S1', rootShareId: 'S1', depth: 1, ancestors: [] } },
      target: { type: 'product', id: 'p01' }, channel: 'card', campaign: 'spring', experiments: {}, now,
    });
    expect(a).toMatchObject({ salesId: 'o_sales_li', parentShareId: 'S1', rootShareId: 'S1', depth: 2, ancestors: ['S1'] });
    const tree = buildShareTree('S1', [a, { ...s, opens: 2 }]);
    expect(tree?.children.map((c) => c.shareId)).toEqual(['A1']);
    expect(tree?.subtree).toMatchObject({ shares: 2, opens: 2 });
  });

  it('reports a bad ops document by id and field', () => {
    const { valid, problems } = parseDocs('binding_policy', bindingPolicySchema, [
      { _id: 'default', status: 'active', mode: 'n_days' },
      { _id: 'ok', status: 'active', mode: 'latest', protectionDays: 3 },
      { _id: 'typo', status: 'active', mode: 'latest', protectionDayz: 3 },
    ]);
    expect(valid.map((v) => v._id)).toEqual(['ok']);
    expect(problems).toEqual([
      expect.objectContaining({ docId: 'default', field: 'validDays' }),
      expect.objectContaining({ docId: 'typo', field: 'protectionDayz' }),
    ]);
  });
});

describe('checkOpsDocument on the growth collections', () => {
  it('accepts the seeded documents and names the bad field of a broken one', async () => {
    const { seedGrowth } = await import('../../emulator/seed/growth');
    const { checkOpsDocument } = await import('../ops-documents');
    const seed = seedGrowth(new Date('2026-06-01T00:00:00Z'));
    for (const c of ['binding_policy', 'commission_plans', 'referral_programs', 'experiments'] as const) {
      for (const d of seed[c]) expect(checkOpsDocument(c, d)).toEqual([]);
    }
    expect(checkOpsDocument('commission_plans', { ...seed.commission_plans[0], defaultRule: { type: 'percent', rateBp: 20000 } })).toEqual([
      expect.stringMatching(/^defaultRule/),
    ]);
  });
});

describe('reserved names', () => {
  it('prototype names are never field names, campaigns or experiment keys', async () => {
    const { isSafeKey } = await import('./counters');
    const { campaignSchema } = await import('./share-chain');
    expect(['__proto__', 'constructor', 'prototype'].map(isSafeKey)).toEqual([false, false, false]);
    expect(campaignSchema.safeParse('__proto__').success).toBe(false);
    expect(counterPaths({ campaign: '__proto__', salesId: 'constructor' }, { opens: 1 })).toEqual({ 'all.opens': 1 });
  });
});
