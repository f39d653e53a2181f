/**
 * Funnel and K-factor on a seeded chain, dashboard cost independent of the number of orders,
 * and role checks of the sales/admin actions.
 */
import { useTestCloud } from '../../emulator/testing';
import { payOrder } from '../../tests/support/pay';
import { HOME, giveAddresses } from '../../tests/support/commerce';

const t = useTestCloud();

type Created = { shareId: string; depth: number };
type Funnel = { shares: number; opens: number; binds: number; orders: number; pays: number };
type Dashboard = {
  funnel: Funnel;
  kFactor: number;
  paidOrders: number;
  gmvFen: number;
  orders: number;
  averageOrderFen: number;
  bySales: Array<{ salesId: string; kFactor: number; newCustomers: number; sharers: number; funnel: Funnel; paidOrders: number; gmvFen: number }>;
  byCampaign: Array<{ campaign: string; kFactor: number; newCustomers: number; sharers: number }>;
  experiments: Array<{ key: string; variants: Array<{ variant: string; funnel: Funnel }> }>;
};

const share = (openid: string, campaign?: string) =>
  t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card', ...(campaign ? { campaign } : {}) }, openid);
const open = (openid: string, shareId: string) => t.cloud.ok('share', { action: 'open', shareId }, openid);
const id = (hop: number, i: number) => `o_h${hop}_${String(i).padStart(3, '0')}`;

describe('funnel and K-factor', () => {
  it('on a chain of 64 customers over 4 hops, funnel and K-factor equal the hand-computed values', async () => {
    // hop 1: Li's share (campaign spring) opened by 5 new customers
    const root = await share('o_sales_li', 'spring');
    const hop1 = Array.from({ length: 5 }, (_, i) => id(1, i));
    for (const c of hop1) await open(c, root.shareId);
    // hop 2: each hop-1 customer re-shares; each share is opened by 3 new customers
    const hop2: string[] = [];
    for (const [i, c] of hop1.entries()) {
      const s = await share(c);
      expect(s.depth).toBe(2);
      for (let j = 0; j < 3; j++) {
        const n = id(2, i * 3 + j);
        await open(n, s.shareId);
        hop2.push(n);
      }
    }
    // hop 3: each hop-2 customer re-shares; each share is opened by 2 new customers
    const hop3: string[] = [];
    for (const [i, c] of hop2.entries()) {
      const s = await share(c);
      for (let j = 0; j < 2; j++) {
        const n = id(3, i * 2 + j);
        await open(n, s.shareId);
        hop3.push(n);
      }
    }
    // hop 4: 10 hop-3 customers re-share; each share is opened by 1 new customer
    const hop3Shares: string[] = [];
    for (let i = 0; i < 10; i++) {
      const s = await share(hop3[i]);
      expect(s.depth).toBe(4);
      hop3Shares.push(s.shareId);
      await open(id(4, i), s.shareId);
    }
    // noise that must not count: re-opens, own-share opens, a second share by the same sharer
    for (const c of hop1) await open(c, root.shareId);
    await open(hop3[0], hop3Shares[0]);
    await share(hop1[0]);
    // existing customers opening another share: an open, no binding
    for (const c of hop2.slice(0, 5)) await open(c, root.shareId);
    // Wang's campaign summer: 1 share, 4 new customers, nobody re-shares
    const wang = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'poster', campaign: 'summer' }, 'o_sales_wang');
    for (let i = 0; i < 4; i++) await open(id(9, i), wang.shareId);

    // orders: 8 hop-3 customers order through the share that brought them, 6 of them pay
    const buyers = hop3.slice(0, 8);
    await giveAddresses(t.cloud, buyers);
    let gmvFen = 0;
    for (const [i, b] of buyers.entries()) {
      const o = await t.cloud.ok<{ orderId: string; totalFen: number }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p04', skuId: 'p04-s1', qty: 1 }], idempotencyKey: `chain-${i}-0000` }, b);
      if (i < 6) {
        await payOrder(t.cloud, o.orderId, b);
        gmvFen += o.totalFen;
      }
    }

    const customers = 5 + 15 + 30 + 10 + 4;
    expect(customers).toBeGreaterThanOrEqual(50);
    const liShares = 1 + 5 + 15 + 10 + 1; // + hop1[0]'s second share
    const liSharers = 1 + 5 + 15 + 10;
    const liNew = 5 + 15 + 30 + 10;
    const d = await t.cloud.ok<Dashboard>('admin', { action: 'dashboard' }, 'o_boss');
    // "orders" counts every created order (onOrderCreated), "pays" the 6 paid ones.
    expect(d.funnel).toMatchObject({ shares: liShares + 1, opens: liNew + 5 + 4, binds: liNew + 4, orders: 8, pays: 6 });
    // the GMV chart's series: 30 China-time days ending today, today's bar = the 6 paid orders
    const daily = (d as unknown as { daily: Array<{ day: string; gmvFen: number; paidOrders: number }> }).daily;
    expect(daily).toHaveLength(30);
    expect(daily[29]).toMatchObject({ gmvFen, paidOrders: 6 });
    expect(daily.slice(0, 29).every((p) => p.gmvFen === 0)).toBe(true);
    // every share and open is also counted under the sharer's experiment variant
    const card = d.experiments.find((e) => e.key === 'cardCopy');
    expect(card?.variants.reduce((s, v) => s + v.funnel.shares, 0)).toBe(liShares + 1);
    expect(card?.variants.reduce((s, v) => s + v.funnel.opens, 0)).toBe(liNew + 5 + 4);
    expect(d.kFactor).toBeCloseTo((liNew + 4) / (liSharers + 1), 10);
    expect(d.paidOrders).toBe(6);
    expect(d.gmvFen).toBe(gmvFen);
    expect(d.averageOrderFen).toBe(Math.round(gmvFen / 6));
    const li = d.bySales.find((s) => s.salesId === 'o_sales_li');
    expect(li).toMatchObject({ newCustomers: liNew, sharers: liSharers, paidOrders: 6, gmvFen });
    expect(li?.kFactor).toBeCloseTo(liNew / liSharers, 10);
    expect(d.bySales.find((s) => s.salesId === 'o_sales_wang')?.kFactor).toBe(4);
    const spring = d.byCampaign.find((c) => c.campaign === 'spring');
    expect(spring).toMatchObject({ newCustomers: liNew, sharers: liSharers });
    expect(d.byCampaign.find((c) => c.campaign === 'summer')).toMatchObject({ newCustomers: 4, sharers: 1, kFactor: 4 });

    // the tree below one hop-1 share: 1 + 3 + 6 shares... counted per node
    const tree = await t.cloud.ok<{ tree: { subtree: { shares: number; newCustomers: number } } }>('admin', { action: 'shareTree', shareId: root.shareId }, 'o_boss');
    expect(tree.tree.subtree).toMatchObject({ shares: 1 + 5 + 15 + 10 + 1, newCustomers: liNew });
   }, 180_000);
});

describe('dashboard cost', () => {
  async function seedOrders(count: number) {
    const day = '2026-06-01';
    const docs = Array.from({ length: count }, (_, i) => ({
      _id: `seed_${count}_${i}`,
      buyerOpenid: `o_buyer_${i % 500}`,
      salesId: ['o_sales_li', 'o_sales_wang', 'o_sales_zhao'][i % 3],
      totalFen: 1000 + (i % 7) * 100,
      paidAt: new Date('2026-06-01T01:00:00Z'),
      status: 'paid',
    }));
    for (let i = 0; i < docs.length; i += 1000) {
      await t.cloud.db.collection('orders').add(docs.slice(i, i + 1000));
      await t.cloud.db.collection('growth_orders').add(docs.slice(i, i + 1000));
    }
    const gmvFen = docs.reduce((s, d) => s + d.totalFen, 0);
    await t.cloud.db.collection('counters').doc(`d:${day}`).set({ day, all: { orders: count, paidOrders: count, gmvFen }, s: { o_sales_li: { paidOrders: Math.ceil(count / 3) } } });
    return gmvFen;
  }

  it('admin.dashboard performs the same number of database operations with 100 and with 10,000 orders', async () => {
    const gmv100 = await seedOrders(100);
    t.cloud.resetStats();
    const small = await t.cloud.ok<Dashboard>('admin', { action: 'dashboard', from: '2026-05-01', to: '2026-06-30' }, 'o_boss');
    const opsSmall = t.cloud.stats().byAction['admin.dashboard'];
    expect(small.paidOrders).toBe(100);
    expect(small.gmvFen).toBe(gmv100);

    await t.cloud.reset();
    await t.cloud.seed();
    await seedOrders(10_000);
    t.cloud.resetStats();
    const big = await t.cloud.ok<Dashboard>('admin', { action: 'dashboard', from: '2026-05-01', to: '2026-06-30' }, 'o_boss');
    const opsBig = t.cloud.stats().byAction['admin.dashboard'];
    expect(big.paidOrders).toBe(10_000);
    expect(opsBig.totalOps).toBe(opsSmall.totalOps);
    expect(opsBig.byOp).toEqual(opsSmall.byOp);
    expect(opsSmall.totalOps).toBe(10); // caller + 9 reads/counts: the promotions and experiments in one joined read (docs/growth.md)
  });
});

describe('roles', () => {
  it.each([
    ['sales', 'customers', {}],
    ['sales', 'customer', { openid: 'o_cust_2' }],
    ['sales', 'orders', {}],
    ['sales', 'ledger', {}],
    ['sales', 'leaderboard', {}],
    ['admin', 'dashboard', {}],
    ['admin', 'shareTree', { shareId: 'abc' }],
    ['admin', 'reassign', { fromSalesId: 'o_sales_li', toSalesId: 'o_sales_wang' }],
  ])('%s.%s refuses a customer with PERMISSION_DENIED', async (fn, action, fields) => {
    const r = await t.cloud.call(fn, { action, ...fields }, 'o_cust_1');
    expect(r.ok ? 'ok' : r.error.code).toBe('PERMISSION_DENIED');
  });

  it('a salesperson sees only their own customers; an openid in the event never changes the caller', async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    await open('o_cust_1', s.shareId);
    await t.cloud.ok('shelf', { action: 'product', productId: 'p03' }, 'o_cust_1');
    const mine = await t.cloud.ok<{ items: Array<{ openid: string }> }>('sales', { action: 'customers' }, 'o_sales_li');
    expect(mine.items.map((c) => c.openid)).toEqual(['o_cust_1']);
    const detail = await t.cloud.ok<{ views: Array<{ productId: string; count: number }> }>('sales', { action: 'customer', openid: 'o_cust_1' }, 'o_sales_li');
    expect(detail.views).toEqual([expect.objectContaining({ productId: 'p03', count: 1 })]);
    const other = await t.cloud.call('sales', { action: 'customer', openid: 'o_cust_1' }, 'o_sales_wang');
    expect(!other.ok && other.error.code).toBe('PERMISSION_DENIED');
    const spoof = await t.cloud.call('sales', { action: 'customers', salesId: 'o_sales_li' }, 'o_sales_wang');
    expect(!spoof.ok && spoof.error.code).toBe('PERMISSION_DENIED');
    const forged = await t.cloud.call('sales', { action: 'customers', openid: 'o_sales_li' }, 'o_cust_1');
    expect(forged.ok).toBe(false);
    const boss = await t.cloud.ok<{ items: Array<{ openid: string }> }>('sales', { action: 'customers', salesId: 'o_sales_li' }, 'o_boss');
    expect(boss.items).toHaveLength(1);
  });

  it('reassign moves every customer of a departing salesperson, keeps history and writes an audit record', async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    for (const c of ['o_cust_1', 'o_cust_2', 'o_cust_3']) await open(c, s.shareId);
    const r = await t.cloud.ok<{ auditId: string; moved: number }>('admin', { action: 'reassign', fromSalesId: 'o_sales_li', toSalesId: 'o_sales_zhao' }, 'o_boss');
    expect(r.moved).toBe(3);
    const zhao = await t.cloud.ok<{ items: unknown[] }>('sales', { action: 'customers' }, 'o_sales_zhao');
    expect(zhao.items).toHaveLength(3);
    const history = (await t.cloud.db.collection('bindings').where({ openid: 'o_cust_1' }).orderBy('rev', 'asc').get()).data as Array<{ salesId: string; reason: string }>;
    expect(history.map((h) => [h.salesId, h.reason])).toEqual([['o_sales_li', 'first'], ['o_sales_zhao', 'reassign']]);
    const audit = ((await t.cloud.db.collection('audit_log').doc(r.auditId).get()).data as Array<Record<string, unknown>>)[0];
    expect(audit).toMatchObject({ type: 'reassign', by: 'o_boss', fromSalesId: 'o_sales_li', toSalesId: 'o_sales_zhao', moved: 3 });
    const bad = await t.cloud.call('admin', { action: 'reassign', fromSalesId: 'o_sales_li', toSalesId: 'o_cust_4' }, 'o_boss');
    expect(!bad.ok && bad.error.code).toBe('FAILED_PRECONDITION');
  });
});
