/**
 * Benchmark 1: contention on the local cloud (real SDK, real concurrency: every call is an HTTP
 * request to the local cloud, whose function makes its own SDK requests back to it).
 *   - 1,000 concurrent coupon.claim by distinct users on a template with stock 300 → issued = 300;
 *   - 500 concurrent joins (order.create {teamId}) spread over 50 teams of 5 → no team over size;
 *   - 500 concurrent order.create on a SKU with stock 100 → 100 orders, stock never negative.
 * Invariants are hard budgets; throughput and p50/p99 latency are printed (machine-dependent).
 * "Never negative" is checked on every write: the bench watches the store's writes to skus and
 * coupon_templates during the burst and keeps the minimum stock it saw.
 */
import type { TestCloud } from '../emulator/testing';
import { giveAddresses, HOME, outcomes } from '../tests/support/commerce';
import { budget, burst, callFunction, captureLogs, latency, tally, type Budget } from './lib';
import { cloudBench, type Bench } from './run-one';

type Env<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type Doc = Record<string, unknown> & { _id: string };

const COUPON_CLAIMS = 1000;
const COUPON_STOCK = 300;
const TEAMS = 50;
const TEAM_SIZE = 5;
const JOINS = 500;
const ORDERS = 500;
const ORDER_STOCK = 100;

async function addUsers(cloud: TestCloud, prefix: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
  const now = cloud.now();
  for (let i = 0; i < ids.length; i += 500) {
    await cloud.db.collection('users').add(ids.slice(i, i + 500).map((_id) => ({ _id, role: 'customer', createdAt: now })));
  }
  return ids;
}

async function all(cloud: TestCloud, collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await cloud.db.collection(collection).where(where).skip(skip).limit(1000).get()) as { data: Doc[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

/** Watches every write of `collection` in the store and keeps the minimum of `field`. */
function watchMin(cloud: TestCloud, collection: string, id: string, field: string): { min: () => number; writes: () => number; stop: () => void } {
  const store = cloud.cloud.store;
  const original = store.put.bind(store);
  let min = Infinity;
  let writes = 0;
  store.put = (name, docId, doc) => {
    if (name === collection && docId === id && doc) {
      writes++;
      min = Math.min(min, Number((doc as Doc)[field]));
    }
    original(name, docId, doc);
  };
  return { min: () => min, writes: () => writes, stop: () => void (store.put = original) };
}

/**
 * Failures other than the expected business refusal. An INTERNAL caused by an SDK request timing
 * out (the function's SDK has a 15 s timeout; on this shared 2-core machine a 1,000-call burst
 * queues that long) is counted apart: it is a capacity figure of the local machine, not a logic
 * error — the invariants above still have to hold when it happens.
 */
/** Database operations per call during the burst (load-independent): avg and max, by operation. */
function opsOf(cloud: TestCloud, action: string): { avgOps: number; maxOps: number; byOp: Record<string, number> } {
  const st = cloud.stats().byAction[action];
  return st ? { avgOps: st.avgOps, maxOps: st.maxOps, byOp: st.byOp } : { avgOps: NaN, maxOps: NaN, byOp: {} };
}

function failureBudgets(budgets: Budget[], what: string, o: Record<string, number>, allowed: string[], logs: ReturnType<typeof captureLogs>) {
  const reasons = tally(logs.failures());
  const timeouts = reasons['SDK request timeout'] ?? 0;
  const other = Object.entries(o)
    .filter(([k]) => k !== 'ok' && k !== 'TRANSPORT' && !allowed.includes(k))
    .reduce((s, [, n]) => s + n, 0);
  if (o.TRANSPORT) console.log(`  (${o.TRANSPORT} calls lost in transport: connection refused/reset by the loaded machine)`);
  budgets.push(budget(`${what} failing other than ${allowed.join('/')}, timeout or transport`, other - Math.min(timeouts, o.INTERNAL ?? 0), '==', 0, '', JSON.stringify(reasons)));
  if (timeouts || logs.slowWarnings()) console.log(`  (${timeouts} SDK request timeouts, ${logs.slowWarnings()} SDK "longer than 3s" warnings: machine load)`);
  return { failureReasons: reasons, sdkTimeouts: timeouts, sdkSlowWarnings: logs.slowWarnings() };
}

async function coupons(cloud: TestCloud, budgets: Budget[]) {
  const templateId = 'ct_zhe80_cap30'; // perUserLimit 1
  await cloud.db.collection('coupon_templates').doc(templateId).update({ stock: COUPON_STOCK, issuedCount: 0 });
  const users = await addUsers(cloud, 'o_bc_', COUPON_CLAIMS);
  const watch = watchMin(cloud, 'coupon_templates', templateId, 'stock');
  cloud.resetStats();
  const logs = captureLogs();
  const { wallMs, results } = await burst(COUPON_CLAIMS, (i) => callFunction(cloud.url, 'coupon', { action: 'claim', templateId }, users[i]));
  logs.stop();
  watch.stop();
  const o = outcomes(results.map((r) => r.value));
  const issued = (await all(cloud, 'coupons', { templateId })).length;
  const tpl = (await cloud.db.collection('coupon_templates').doc(templateId).get()) as { data: Doc[] };
  const t = tpl.data[0];
  const lat = latency(wallMs, results.map((r) => r.ms));
  console.log(`coupon.claim ×${COUPON_CLAIMS} on stock ${COUPON_STOCK}: ${JSON.stringify(o)}; coupons issued ${issued}; template stock ${t.stock}, issuedCount ${t.issuedCount}, min stock seen ${watch.min()}`);
  console.log(`  ${lat.throughputPerSec} calls/s, p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms, max ${lat.maxMs} ms, wall ${lat.wallMs} ms`);
  budgets.push(budget(`coupons issued (${COUPON_CLAIMS} claims, stock ${COUPON_STOCK})`, issued, '==', COUPON_STOCK));
  budgets.push(budget('successful claims = coupons issued', o.ok ?? 0, '==', issued));
  budgets.push(budget('template stock left / issuedCount consistent', Number(t.stock) === 0 && Number(t.issuedCount) === COUPON_STOCK ? 1 : 0, '==', 1, '', `stock ${t.stock}, issuedCount ${t.issuedCount}`));
  budgets.push(budget('min template stock seen during claims', watch.min(), '>=', 0));
  const ops = opsOf(cloud, 'coupon.claim');
  console.log(`  database operations per call: avg ${ops.avgOps}, max ${ops.maxOps} ${JSON.stringify(ops.byOp)} (total)`);
  const f = failureBudgets(budgets, 'claims', o, ['SOLD_OUT'], logs);
  return { ...f, ops, outcomes: o, issued, templateStock: t.stock, issuedCount: t.issuedCount, minStockSeen: watch.min(), ...lat };
}

async function joins(cloud: TestCloud, budgets: Budget[]) {
  const deal = ((await cloud.db.collection('group_deals').doc('gd_p02_trio').get()) as { data: Doc[] }).data[0];
  const { _id: _ignored, leaderPerk: _perk, ...rest } = deal;
  await cloud.db.collection('group_deals').doc('gd_bench_five').set({ ...rest, title: 'bench 5人团', groupSize: TEAM_SIZE, joinEligibility: 'anyone' });
  const skuId = String(deal.skuId);
  await cloud.db.collection('skus').doc(skuId).update({ stock: 100_000 });
  const leaders = await addUsers(cloud, 'o_bl_', TEAMS);
  const joiners = await addUsers(cloud, 'o_bj_', JOINS);
  // Goods orders ship to an address from the buyer's book (issue 12).
  await giveAddresses(cloud, [...leaders, ...joiners]);
  const teamIds: string[] = [];
  for (const l of leaders) {
    const r = (await cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_bench_five', idempotencyKey: `bench-open-${l}` }, l)) as Env<{ teamId: string }>;
    if (!r.ok) throw new Error(`order.create (open a team) failed: ${r.error.code} ${r.error.message}`);
    teamIds.push(r.data.teamId);
  }
  const stockBefore = Number(((await cloud.db.collection('skus').doc(skuId).get()) as { data: Doc[] }).data[0].stock);
  cloud.resetStats();
  const logs = captureLogs();
  const { wallMs, results } = await burst(JOINS, (i) => callFunction(cloud.url, 'order', { action: 'create', addressId: HOME, teamId: teamIds[i % TEAMS], idempotencyKey: `bench-join-${i}` }, joiners[i]));
  logs.stop();
  const o = outcomes(results.map((r) => r.value));
  const teams = await all(cloud, 'teams', { dealId: 'gd_bench_five' });
  const members = await all(cloud, 'team_members', { teamId: cloud.db.command.in(teamIds) });
  const perTeam = new Map<string, number>();
  for (const m of members) perTeam.set(String(m.teamId), (perTeam.get(String(m.teamId)) ?? 0) + 1);
  const overSize = teams.filter((t) => Number(t.seatsTaken) > TEAM_SIZE || (perTeam.get(t._id) ?? 0) > TEAM_SIZE).length;
  const seatMismatch = teams.filter((t) => Number(t.seatsTaken) !== (perTeam.get(t._id) ?? 0)).length;
  const stockAfter = Number(((await cloud.db.collection('skus').doc(skuId).get()) as { data: Doc[] }).data[0].stock);
  const expectedJoins = TEAMS * (TEAM_SIZE - 1);
  const lat = latency(wallMs, results.map((r) => r.ms));
  console.log(`joins (order.create {teamId}) ×${JOINS} over ${TEAMS} teams of ${TEAM_SIZE}: ${JSON.stringify(o)}; members ${members.length}; teams over size ${overSize}; seat/member mismatches ${seatMismatch}; stock used by joins ${stockBefore - stockAfter}`);
  console.log(`  ${lat.throughputPerSec} calls/s, p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms, max ${lat.maxMs} ms, wall ${lat.wallMs} ms`);
  budgets.push(budget(`teams over size (${TEAMS} teams of ${TEAM_SIZE})`, overSize, '==', 0));
  budgets.push(budget('teams whose seatsTaken ≠ members', seatMismatch, '==', 0));
  budgets.push(budget(`successful joins (${TEAMS} × ${TEAM_SIZE - 1} seats)`, o.ok ?? 0, '==', expectedJoins));
  budgets.push(budget('stock reserved by joins = successful joins', stockBefore - stockAfter, '==', o.ok ?? 0));
  const ops = opsOf(cloud, 'order.create');
  console.log(`  database operations per call: avg ${ops.avgOps}, max ${ops.maxOps} ${JSON.stringify(ops.byOp)} (total)`);
  const f = failureBudgets(budgets, 'joins', o, ['GROUP_FULL'], logs);
  return { ...f, ops, outcomes: o, members: members.length, overSize, seatMismatch, stockUsed: stockBefore - stockAfter, ...lat };
}

async function orders(cloud: TestCloud, budgets: Budget[]) {
  const skuId = 'p03-s1';
  const productId = 'p03';
  await cloud.db.collection('skus').doc(skuId).update({ stock: ORDER_STOCK, sold: 0 });
  const buyers = await addUsers(cloud, 'o_bo_', ORDERS);
  await giveAddresses(cloud, buyers);
  const watch = watchMin(cloud, 'skus', skuId, 'stock');
  cloud.resetStats();
  const logs = captureLogs();
  const { wallMs, results } = await burst(ORDERS, (i) =>
    callFunction(cloud.url, 'order', { action: 'create', addressId: HOME, items: [{ productId, skuId, qty: 1 }], idempotencyKey: `bench-order-${i}` }, buyers[i]),
  );
  logs.stop();
  watch.stop();
  const o = outcomes(results.map((r) => r.value));
  const sku = ((await cloud.db.collection('skus').doc(skuId).get()) as { data: Doc[] }).data[0];
  const made = (await all(cloud, 'orders', { buyerOpenid: cloud.db.command.in(buyers) })).length;
  const lat = latency(wallMs, results.map((r) => r.ms));
  console.log(`order.create ×${ORDERS} on stock ${ORDER_STOCK}: ${JSON.stringify(o)}; orders ${made}; stock ${sku.stock}, sold ${sku.sold}; min stock seen ${watch.min()} over ${watch.writes()} writes`);
  console.log(`  ${lat.throughputPerSec} calls/s, p50 ${lat.p50Ms} ms, p99 ${lat.p99Ms} ms, max ${lat.maxMs} ms, wall ${lat.wallMs} ms`);
  budgets.push(budget(`orders created (${ORDERS} buyers, stock ${ORDER_STOCK})`, made, '==', ORDER_STOCK));
  budgets.push(budget('successful creates = orders in the database', o.ok ?? 0, '==', made));
  budgets.push(budget('min SKU stock seen during creates', watch.min(), '>=', 0));
  budgets.push(budget('stock + sold conserved', Number(sku.stock) + Number(sku.sold), '==', ORDER_STOCK));
  const ops = opsOf(cloud, 'order.create');
  console.log(`  database operations per call: avg ${ops.avgOps}, max ${ops.maxOps} ${JSON.stringify(ops.byOp)} (total)`);
  const f = failureBudgets(budgets, 'creates', o, ['SOLD_OUT'], logs);
  return { ...f, ops, outcomes: o, orders: made, stock: sku.stock, sold: sku.sold, minStockSeen: watch.min(), ...lat };
}

export const bench: Bench = cloudBench('contention: 1,000 claims, 500 joins over 50 teams, 500 orders on stock 100', async (cloud, budgets) => {
  const c = await coupons(cloud, budgets);
  const j = await joins(cloud, budgets);
  const o = await orders(cloud, budgets);
  return { couponClaim: c, groupbuyJoin: j, orderCreate: o };
});
