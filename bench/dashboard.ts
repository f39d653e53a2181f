/**
 * Benchmark 6: admin.dashboard cost is flat from 100 to 10,000 orders.
 * The same shape of data at both sizes, seeded straight into the collections (real SDK): orders and
 * growth_orders over 30 days, the day counters and totals the growth loop keeps, teams (a tenth of
 * the orders, in all states), used coupons (a fifth), referral rewards (a twentieth, some in review).
 * Budgets: identical database operations at both sizes (exact), and a bounded latency ratio
 * (median of interleaved rounds, measured in one run so machine load hits both sizes alike).
 */
import type { TestCloud } from '../emulator/testing';
import { budget, median, round, timed } from './lib';
import { cloudBench, type Bench } from './run-one';

const SIZES = [100, 10_000] as const;
const ROUNDS = 3;
const CALLS_PER_ROUND = 7;
const MAX_LATENCY_RATIO = 3;
const SALES = ['o_sales_li', 'o_sales_wang', 'o_sales_zhao'];
const DAY_MS = 24 * 3600 * 1000;

async function addAll(cloud: TestCloud, collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) await cloud.db.collection(collection).add(docs.slice(i, i + 1000));
}

async function seed(cloud: TestCloud, count: number): Promise<{ gmvFen: number }> {
  await cloud.reset();
  await cloud.seed();
  const end = cloud.now().getTime();
  const orders = Array.from({ length: count }, (_, i) => {
    const paidAt = new Date(end - (i % 30) * DAY_MS - 3600_000);
    return { _id: `bo_${i}`, buyerOpenid: `o_buyer_${i % 700}`, salesId: SALES[i % 3], totalFen: 1000 + (i % 7) * 100, paidFen: 1000 + (i % 7) * 100, refundedFen: 0, paidAt, createdAt: paidAt, status: 'paid', kind: i % 10 === 0 ? 'group' : 'normal' };
  });
  await addAll(cloud, 'orders', orders);
  await addAll(cloud, 'growth_orders', orders.map((o) => ({ _id: o._id, buyerOpenid: o.buyerOpenid, salesId: o.salesId, paidFen: o.paidFen, paidAt: o.paidAt, rev: 1 })));
  const statuses = ['forming', 'succeeded', 'succeeded', 'failed'];
  await addAll(cloud, 'teams', Array.from({ length: Math.ceil(count / 10) }, (_, i) => ({ _id: `bt_${i}`, dealId: 'gd_p01_duo', status: statuses[i % 4], size: 2, seatsTaken: 2, createdAt: cloud.now() })));
  await addAll(
    cloud,
    'coupons',
    Array.from({ length: Math.ceil(count / 5) }, (_, i) => ({ _id: `bcp_${i}`, templateId: 'ct_man100_15', ownerOpenid: `o_buyer_${i % 700}`, status: i % 2 ? 'used' : 'unused', claimedAt: cloud.now() })),
  );
  await addAll(
    cloud,
    'referral_rewards',
    Array.from({ length: Math.ceil(count / 20) }, (_, i) => ({ _id: `o_ref_${i}`, referrerOpenid: `o_buyer_${(i + 1) % 700}`, orderId: `bo_${i}`, paidFen: 1000, status: i % 5 === 0 ? 'review' : 'waiting', reasons: [], createdAt: new Date(end - i * 60_000), qualifiedAt: cloud.now() })),
  );
  // Day counters and totals, as the growth loop keeps them.
  const byDay = new Map<string, { orders: number; paidOrders: number; gmvFen: number; s: Record<string, { paidOrders: number; gmvFen: number }> }>();
  for (const o of orders) {
    const day = new Date(o.paidAt.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const d = byDay.get(day) ?? { orders: 0, paidOrders: 0, gmvFen: 0, s: {} };
    d.orders++;
    d.paidOrders++;
    d.gmvFen += o.totalFen;
    const s = (d.s[o.salesId] ??= { paidOrders: 0, gmvFen: 0 });
    s.paidOrders++;
    s.gmvFen += o.totalFen;
    byDay.set(day, d);
  }
  for (const [day, d] of byDay) {
    await cloud.db.collection('counters').doc(`d:${day}`).set({ day, all: { orders: d.orders, paidOrders: d.paidOrders, gmvFen: d.gmvFen }, s: d.s });
  }
  const gmvFen = orders.reduce((s, o) => s + o.totalFen, 0);
  await cloud.db
    .collection('counters')
    .doc('totals')
    .set({ s: Object.fromEntries(SALES.map((id) => [id, { commissionFen: Math.floor(gmvFen / 30), reversedFen: 0, settledFen: 0 }])) });
  return { gmvFen };
}

export const bench: Bench = cloudBench('admin.dashboard cost flat from 100 to 10,000 orders', async (cloud, budgets) => {
  const ms: Record<number, number[]> = { 100: [], 10_000: [] };
  const ops: Record<number, { totalOps: number; byOp: Record<string, number> }> = {};
  const paid: Record<number, number[]> = { 100: [], 10_000: [] };
  for (let r = 0; r < ROUNDS; r++) {
    for (const n of SIZES) {
      await seed(cloud, n);
      const event = { action: 'dashboard', from: '2026-04-01', to: '2026-06-30' };
      await cloud.ok('admin', event, 'o_boss'); // warm (caller doc cached by nothing; just JIT)
      cloud.resetStats();
      for (let i = 0; i < CALLS_PER_ROUND; i++) {
        const t = await timed(() => cloud.ok<{ paidOrders: number }>('admin', event, 'o_boss'));
        ms[n].push(t.ms);
        paid[n].push(t.value.paidOrders);
      }
      const s = cloud.stats().byAction['admin.dashboard'];
      const perCall = { totalOps: s.maxOps, byOp: Object.fromEntries(Object.entries(s.byOp).map(([k, v]) => [k, v / s.calls])) };
      if (ops[n] && (ops[n].totalOps !== perCall.totalOps || s.minOps !== s.maxOps)) throw new Error(`dashboard ops vary between calls at ${n} orders`);
      ops[n] = perCall;
    }
  }
  const med = { small: round(median(ms[100])), big: round(median(ms[10_000])) };
  const ratio = round(med.big / med.small, 2);
  console.log(`orders    db ops  by operation                                   median ms  (${ROUNDS} rounds × ${CALLS_PER_ROUND} calls)`);
  for (const n of SIZES) console.log(`${String(n).padStart(6)}  ${String(ops[n].totalOps).padStart(6)}  ${JSON.stringify(ops[n].byOp).padEnd(46)} ${round(median(ms[n]))}`);
  console.log(`latency ratio 10,000 / 100 orders: ${ratio}`);
  budgets.push(budget('dashboard db ops at 100 orders', ops[100].totalOps, '<=', 11));
  budgets.push(budget('dashboard db ops at 10,000 − at 100 orders', ops[10_000].totalOps - ops[100].totalOps, '==', 0, '', `${JSON.stringify(ops[100].byOp)} vs ${JSON.stringify(ops[10_000].byOp)}`));
  budgets.push(budget('same operations by kind at both sizes', JSON.stringify(ops[100].byOp) === JSON.stringify(ops[10_000].byOp) ? 1 : 0, '==', 1));
  budgets.push(budget('dashboard latency ratio 10,000 / 100 orders', ratio, '<=', MAX_LATENCY_RATIO, '×'));
  budgets.push(budget('dashboard counts every paid order (10,000)', Math.min(...paid[10_000]), '==', 10_000));
  return { ops, medianMs: med, ratio, latenciesMs: { 100: ms[100].map((x) => round(x)), 10000: ms[10_000].map((x) => round(x)) } };
});
