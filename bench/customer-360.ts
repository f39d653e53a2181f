/**
 * Benchmark: the customer 360's profile and the workbench's today list load in ≤ 3 database round
 * trips, flat from 100 to 10,000 events. The same shape of data at both sizes, written straight
 * into the collections (real SDK) as the writers keep it: 40 customers bound to 李娜, their events
 * over 30 days (shares, card and material visits, product views, claims, orders), and each
 * customer's summary = the fold of their events (shared/customers, the writer's own delta); one
 * customer carries half of all events (the profile read). Budgets: round trips ≤ 3 and identical
 * at both sizes (exact), and a bounded latency ratio (median of interleaved rounds in one run).
 */
import type { TestCloud } from '../emulator/testing';
import { stageOf, stageRank, summarize, type CustomerEvent } from '../shared/customers';
import { budget, median, round, timed } from './lib';
import { cloudBench } from './run-one';

const SIZES = [100, 10_000] as const;
const ROUNDS = 3;
const CALLS_PER_ROUND = 7;
const MAX_LATENCY_RATIO = 3;
const MAX_ROUND_TRIPS = 3;
const CUSTOMERS = 40;
const SALES = 'o_sales_li';
const HOT = 'o_bc_0';
const DAY_MS = 24 * 3600 * 1000;

async function addAll(cloud: TestCloud, collection: string, docs: Array<Record<string, unknown>>): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) await cloud.db.collection(collection).add(docs.slice(i, i + 1000));
}

/** The i-th event of a customer: a mix of every kind, spread over the last 30 days. */
function eventOf(openid: string, i: number, now: number): CustomerEvent {
  const base = { _id: `be_${openid}_${i}`, openid, salesId: SALES, at: new Date(now - (i % 30) * DAY_MS - (i % 97) * 60_000) };
  switch (i % 8) {
    case 0:
      return { ...base, type: 'share_opened', data: { shareId: `s${i}`, targetType: 'card', targetId: SALES, bound: i === 0 } };
    case 1:
      return { ...base, type: 'card_viewed', data: { cardSalesId: SALES } };
    case 2:
    case 3:
      return { ...base, type: 'material_read', data: { materialId: 'm_case_hangzhou', title: '客户案例', kind: 'case' } };
    case 4:
    case 5:
      return { ...base, type: 'product_viewed', data: { productId: `p0${(i % 9) + 1}`, title: '商品' } };
    case 6:
      return { ...base, type: 'coupon_claimed', data: { couponId: `bc${openid}${i}`, templateId: 'ct_flat5', title: '无门槛减5元', validToAt: new Date(now + ((i % 5) + 1) * DAY_MS) } };
    default:
      return { ...base, type: 'order_created', data: { orderId: `bo${openid}${i}`, totalFen: 9800 } };
  }
}

async function seed(cloud: TestCloud, total: number): Promise<void> {
  await cloud.reset();
  await cloud.seed();
  const now = cloud.now().getTime();
  const counts = Array.from({ length: CUSTOMERS }, (_, c) => (c === 0 ? Math.ceil(total / 2) : Math.floor(total / 2 / (CUSTOMERS - 1)) + (c <= (total / 2) % (CUSTOMERS - 1) ? 1 : 0)));
  const users: Array<Record<string, unknown>> = [];
  const summaries: Array<Record<string, unknown>> = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    const openid = `o_bc_${c}`;
    const events = Array.from({ length: counts[c] }, (_, i) => eventOf(openid, i, now));
    await addAll(cloud, 'customer_events', events.map((e) => ({ ...e, pending: false })) as unknown as Array<Record<string, unknown>>);
    const fold = summarize(events);
    const stage = stageOf(fold);
    users.push({ _id: openid, role: 'customer', name: `客户${c}`, boundSalesId: SALES, boundAt: new Date(now - 30 * DAY_MS), bindingRev: 1 });
    summaries.push({ _id: openid, openid, salesId: SALES, ...fold, seen: events.slice(-100).map((e) => e._id), stage, stageRank: stageRank(stage), manualTags: ['茶友'], reminder: null });
  }
  await addAll(cloud, 'users', users);
  await addAll(cloud, 'customer_summaries', summaries);
}

export const bench = cloudBench('customer 360 profile and today list: ≤ 3 round trips, flat from 100 to 10,000 events', async (cloud, budgets) => {
  const calls = {
    profile: ['customer', { action: 'profile', openid: HOT }, SALES],
    today: ['customer', { action: 'today' }, SALES],
  } as const;
  const ms: Record<string, Record<number, number[]>> = { profile: { 100: [], 10_000: [] }, today: { 100: [], 10_000: [] } };
  const ops: Record<string, Record<number, { totalOps: number; byOp: Record<string, number> }>> = { profile: {}, today: {} };
  const seen: Record<number, { events: number; todayRows: number }> = {};
  for (let r = 0; r < ROUNDS; r++) {
    for (const n of SIZES) {
      await seed(cloud, n);
      for (const [name, [fn, event, who]] of Object.entries(calls)) {
        await cloud.ok(fn, event, who); // warm
        cloud.resetStats();
        for (let i = 0; i < CALLS_PER_ROUND; i++) {
          const t = await timed(() => cloud.ok<{ events?: number; items?: unknown[] }>(fn, event, who));
          ms[name][n].push(t.ms);
          if (name === 'profile') seen[n] = { ...seen[n], events: t.value.events ?? 0 };
          else seen[n] = { ...seen[n], todayRows: t.value.items?.length ?? 0 };
        }
        const s = cloud.stats().byAction[`customer.${event.action}`];
        const perCall = { totalOps: s.maxOps, byOp: Object.fromEntries(Object.entries(s.byOp).map(([k, v]) => [k, v / s.calls])) };
        if (s.minOps !== s.maxOps || (ops[name][n] && ops[name][n].totalOps !== perCall.totalOps)) throw new Error(`customer.${event.action} ops vary between calls at ${n} events`);
        ops[name][n] = perCall;
      }
    }
  }
  const figures: Record<string, unknown> = { ops, seen };
  console.log(`action             events  db ops  by operation                               median ms  (${ROUNDS} rounds × ${CALLS_PER_ROUND} calls)`);
  for (const name of Object.keys(calls)) {
    for (const n of SIZES) console.log(`customer.${name.padEnd(9)} ${String(n).padStart(6)}  ${String(ops[name][n].totalOps).padStart(6)}  ${JSON.stringify(ops[name][n].byOp).padEnd(42)} ${round(median(ms[name][n]))}`);
    const ratio = round(median(ms[name][10_000]) / median(ms[name][100]), 2);
    console.log(`  latency ratio 10,000 / 100 events: ${ratio}`);
    figures[`${name}Ratio`] = ratio;
    figures[`${name}MedianMs`] = { 100: round(median(ms[name][100])), 10000: round(median(ms[name][10_000])) };
    budgets.push(budget(`customer.${name} round trips at 100 events`, ops[name][100].totalOps, '<=', MAX_ROUND_TRIPS));
    budgets.push(budget(`customer.${name} round trips at 10,000 events`, ops[name][10_000].totalOps, '<=', MAX_ROUND_TRIPS));
    budgets.push(budget(`customer.${name} same operations by kind at both sizes`, JSON.stringify(ops[name][100].byOp) === JSON.stringify(ops[name][10_000].byOp) ? 1 : 0, '==', 1, '', `${JSON.stringify(ops[name][100].byOp)} vs ${JSON.stringify(ops[name][10_000].byOp)}`));
    budgets.push(budget(`customer.${name} latency ratio 10,000 / 100 events`, ratio, '<=', MAX_LATENCY_RATIO, '×'));
  }
  budgets.push(budget('the profile counts every event of its customer (10,000)', seen[10_000].events, '==', 5_000));
  budgets.push(budget('the today list has rows at both sizes', Math.min(seen[100].todayRows, seen[10_000].todayRows), '>=', CUSTOMERS));
  return figures;
});
