/**
 * Benchmark: a flash sale (秒杀) when thousands press at once (issue 14). On one local cloud, in
 * the same run:
 *   - 10,000 `flash.buy` (200 in flight: IN_FLIGHT) for a sale of 100 units, 1 per customer: 9,000 customers, the
 *     first 1,000 of them pressing twice (two requests, two idempotency keys);
 *   - 10,000 raw guarded SDK updates; both with 200 requests in flight (IN_FLIGHT), the one write a buy cannot do without:
 *     `where({_id, stock: _.gte(1)}).update({stock: _.inc(-1)})` on a document with 100 units,
 *     once before and once after the buys (the mean weighs a machine getting busier or quieter).
 * buys/s ÷ guarded updates/s says how close a buy comes to the cost of its one guarded write
 * (budget ≥ 0.33). Invariants: exactly 100 sold (orders, the sale's `taken`, the SKU's stock),
 * nobody above the limit, stock never negative, no INTERNAL or transport failure. buys/s and the
 * p50/p99 latency a customer sees are printed.
 */
import cloudbase from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from '../emulator/testing';
import { FLASH_IDS } from '../emulator/seed';
import { giveAddresses, HOME, outcomes } from '../tests/support/commerce';
import { budget, callFunction, captureLogs, latency, round, type Budget } from './lib';
import type { Bench } from './run-one';

type Doc = Record<string, unknown> & { _id: string };

/** BENCH_QUICK=1: 2,000 buys by 1,800 customers (for trying things out; the budgets stay the same). */
const QUICK = process.env.BENCH_QUICK === '1';
const BUYS = QUICK ? 2_000 : 10_000;
const CUSTOMERS = QUICK ? 1_800 : 9_000;
const UNITS = 100;
const SKU = 'p05-s1';
const SKU_STOCK = 1_000;
/**
 * Requests in flight at once, for the raw SDK updates and the buys alike (the ratio compares like
 * with like): the SDK opens a connection per request (no pool in an SCF-like process), and 10,000
 * at once overflow the listen backlog (ECONNRESET); and a call queued behind the local cloud's 16
 * instances counts against its function's time limit, so 10,000 buys at once end hundreds of calls
 * at that limit (PLATFORM) on a 2-core machine. 200 keep every instance busy (the queue never
 * empties) while no call waits long enough to hit the limit: the 10,000 buyers are capped at the
 * client, as a gateway's concurrency limit would do.
 */
const IN_FLIGHT = 200;

/** Runs `n` calls of `f` with at most `inFlight` at once; each call timed from its send (not its wait in this client's queue). */
async function pooled<T>(n: number, inFlight: number, f: (i: number) => Promise<T>): Promise<{ wallMs: number; results: Array<{ ms: number; value: T }> }> {
  const results: Array<{ ms: number; value: T }> = new Array(n);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const t0 = process.hrtime.bigint();
      const value = await f(i);
      results[i] = { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(n, inFlight) }, worker));
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, results };
}

async function docOf(cloud: TestCloud, collection: string, id: string): Promise<Doc> {
  return ((await cloud.db.collection(collection).doc(id).get()) as { data: Doc[] }).data[0];
}

/** A sale of `UNITS` on SKU p05-s1, live now, one per customer (the seeded live sale's shape). */
async function arrangeSale(cloud: TestCloud, flashId: string): Promise<void> {
  const { _id: _ignored, ...seeded } = await docOf(cloud, 'flash_sales', FLASH_IDS.live);
  await cloud.db.collection('flash_sales').doc(flashId).set({ ...seeded, title: 'bench', productId: 'p05', skuId: SKU, flashPriceFen: 4900, listPriceFen: 8900, quantity: UNITS, perUserLimit: 1, taken: 0, buyers: {} });
}

async function buys(cloud: TestCloud, r: string, n: number, customers: string[]) {
  const flashId = `fs_bench_${r}`;
  await arrangeSale(cloud, flashId);
  const stockBefore = Number((await docOf(cloud, 'skus', SKU)).stock);
  const cpu0 = process.cpuUsage();
  const { wallMs, results } = await pooled(n, IN_FLIGHT, (i) => callFunction(cloud.url, 'flash', { action: 'buy', flashId, addressId: HOME, idempotencyKey: `bench-${r}-${i}` }, customers[i % customers.length]));
  const cpu = process.cpuUsage(cpu0);
  const sale = await docOf(cloud, 'flash_sales', flashId);
  const perCustomer = Object.values((sale.buyers ?? {}) as Record<string, string[]>).map((orders) => orders.length);
  const orders = Number(((await cloud.db.collection('orders').where({ 'flash.flashId': flashId }).count()) as { total: number }).total);
  const stock = Number((await docOf(cloud, 'skus', SKU)).stock);
  return {
    perSec: (n / wallMs) * 1000,
    perCpuSec: (n / (cpu.user + cpu.system)) * 1e6,
    latency: latency(wallMs, results.map((x) => x.ms)),
    outcomes: outcomes(results.map((x) => x.value)),
    sold: { orders, taken: Number(sale.taken), stockTaken: stockBefore - stock, stock, maxPerCustomer: Math.max(0, ...perCustomer) },
  };
}

/**
 * The raw SDK of the guarded-update phases, with a 2-minute request timeout: on a machine shared
 * with other sessions (load 10 on 2 cores) one of 200 requests on one document has waited past the
 * test cloud's 30 s and crashed the run; a slow update must count in the wall time, not end it.
 */
function patientDb(cloud: TestCloud) {
  return cloudbase.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'local', secretKey: 'local', timeout: 120_000 }).database();
}

async function guardedUpdates(cloud: TestCloud, r: string, n: number) {
  const id = `flash_stock_${r}`;
  await cloud.db.collection('skus').doc(id).set({ productId: 'bench', stock: UNITS, sold: 0 });
  const db = patientDb(cloud);
  const _ = db.command;
  const cpu0 = process.cpuUsage();
  const { wallMs, results } = await pooled(n, IN_FLIGHT, async () => {
    const res = (await db.collection('skus').where({ _id: id, stock: _.gte(1) }).update({ stock: _.inc(-1) })) as { updated?: number };
    return Number(res.updated ?? 0);
  });
  const cpu = process.cpuUsage(cpu0);
  const left = Number((await docOf(cloud, 'skus', id)).stock);
  return { perSec: (n / wallMs) * 1000, perCpuSec: (n / (cpu.user + cpu.system)) * 1e6, updated: results.filter((x) => x.value === 1).length, left };
}

export const bench: Bench = {
  title: 'flash sale: 10,000 buyers (200 in flight) for 100 units vs 10,000 guarded updates',
  async run() {
    const cloud = await startTestCloud();
    const budgets: Budget[] = [];
    const logs = captureLogs();
    let figures: Record<string, unknown>;
    const t0 = Date.now();
    const phase = (name: string) => console.log(`  [${round((Date.now() - t0) / 1000)} s] ${name}`);
    try {
      const customers = Array.from({ length: CUSTOMERS }, (_, i) => `o_flash_${String(i).padStart(5, '0')}`);
      for (let i = 0; i < customers.length; i += IN_FLIGHT) await giveAddresses(cloud, customers.slice(i, i + IN_FLIGHT));
      await cloud.db.collection('skus').doc(SKU).update({ stock: SKU_STOCK });
      phase('addresses given');
      // Warm-up (not counted): the first burst of each kind also pays for loading and compiling code.
      await buys(cloud, 'warm', 500, customers.slice(0, 500));
      await guardedUpdates(cloud, 'warm', 500);
      phase('warmed up');
      // Buyer i is customer i mod CUSTOMERS: the first BUYS − CUSTOMERS customers press twice.
      const u1 = await guardedUpdates(cloud, 'a', BUYS);
      phase('guarded updates (1)');
      const b = await buys(cloud, 'run', BUYS, customers);
      phase('buys');
      const u2 = await guardedUpdates(cloud, 'b', BUYS);
      phase('guarded updates (2)');
      const updatesPerSec = (u1.perSec + u2.perSec) / 2;
      const ratio = round(b.perSec / updatesPerSec, 3);
      const cpuRatio = round(b.perCpuSec / ((u1.perCpuSec + u2.perCpuSec) / 2), 3);
      const st = cloud.stats().byAction['flash.buy'];
      console.log(`buys: ${round(b.perSec)}/s, p50 ${b.latency.p50Ms} ms, p99 ${b.latency.p99Ms} ms, ${JSON.stringify(b.outcomes)}; sold ${JSON.stringify(b.sold)}`);
      console.log(`guarded updates: ${round(u1.perSec)} & ${round(u2.perSec)}/s (applied ${u1.updated}, ${u2.updated}); ratio ${ratio} (per CPU second ${cpuRatio})`);
      console.log(`flash.buy database operations: avg ${st?.avgOps}, max ${st?.maxOps} ${JSON.stringify(st?.byOp ?? {})}`);
      const unexpected = Object.entries(b.outcomes).filter(([code]) => !['ok', 'SOLD_OUT', 'LIMIT_REACHED'].includes(code));
      budgets.push(budget('buys/s ÷ guarded updates/s', ratio, '>=', 0.33, '', 'a buy should cost little more than its one guarded write'));
      budgets.push(budget('units sold (ok replies)', b.outcomes.ok ?? 0, '==', UNITS));
      budgets.push(budget('flash orders stored', b.sold.orders, '==', UNITS));
      budgets.push(budget("the sale's taken", b.sold.taken, '==', UNITS));
      budgets.push(budget('SKU units taken', b.sold.stockTaken, '==', UNITS));
      budgets.push(budget('SKU stock after', b.sold.stock, '>=', 0));
      budgets.push(budget('most units held by one customer (limit 1)', b.sold.maxPerCustomer, '<=', 1));
      budgets.push(budget('replies other than ok, SOLD_OUT, LIMIT_REACHED (INTERNAL, transport…)', unexpected.length, '==', 0, '', JSON.stringify(unexpected)));
      budgets.push(budget('guarded updates applied ≠ units', [u1, u2].filter((u) => u.updated !== UNITS || u.left !== 0).length, '==', 0));
      figures = { buysPerSec: round(b.perSec), latency: b.latency, outcomes: b.outcomes, sold: b.sold, updatesPerSec: [round(u1.perSec), round(u2.perSec)], ratio, cpuRatio, buyOps: st ?? null };
    } finally {
      logs.stop();
      await cloud.close();
    }
    return { figures: { ...figures, failures: logs.failures() }, budgets };
  },
};
