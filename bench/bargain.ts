/**
 * Benchmark: 500 friends helping one bargain at once (issue 14), on one local cloud through HTTP
 * (each friend a new WeChat user: their first call registers them).
 *   - "all count": a bargain of 500 helpers, 500 friends at once → each counted once, the floor
 *     reached exactly, the sum of the cuts = start − reached;
 *   - "over the top": a bargain of 100 helpers, the same 500 friends each tapping twice at once
 *     (1,000 calls) → exactly 100 counted, every other call GROUP_FULL or ALREADY_JOINED, the
 *     price never below the floor, no INTERNAL.
 * Prints helps/s and p50/p99 latency of each burst. One help is one read by id and one
 * guarded update, whatever the number of helpers (bench/round-trips.ts: bargain.help ≤ 3).
 */
import { startTestCloud, type TestCloud } from '../emulator/testing';
import { outcomes } from '../tests/support/commerce';
import { budget, burst, callFunction, captureLogs, percentile, round, type Budget } from './lib';
import type { Bench } from './run-one';

type View = { bargainId: string; startPriceFen: number; floorPriceFen: number; reachedPriceFen: number; cutFen: number; helps: Array<{ cutFen: number }> };
type Doc = Record<string, unknown> & { _id: string };
const FRIENDS = 500;
const HOUR = 3_600_000;

/** A live deal of `n` helpers on p05 (¥89 → ¥9) and a bargain started on it by `starter`. */
async function bargainOf(cloud: TestCloud, n: number, starter: string): Promise<View> {
  const now = cloud.now();
  const dealId = `bd_bench_${n}`;
  await cloud.db.collection('bargain_deals').doc(dealId).set({ title: `bench ${n}`, status: 'active', startAt: new Date(now.getTime() - HOUR), endAt: new Date(now.getTime() + 100 * HOUR), productId: 'p05', skuId: 'p05-s1', floorPriceFen: 900, helpersNeeded: n, validHours: 24, perUserLimit: 5 });
  // Other deals on p05 (an earlier burst's) are paused, so the start picks this one.
  await cloud.db.collection('bargain_deals').where({ productId: 'p05', _id: cloud.db.command.neq(dealId) }).update({ status: 'paused' });
  const r = await callFunction<View>(cloud.url, 'bargain', { action: 'start', productId: 'p05', skuId: 'p05-s1' }, starter);
  if (!r.ok) throw new Error(`start failed: ${JSON.stringify(r)}`);
  return r.data;
}

async function helpBurst(cloud: TestCloud, bargainId: string, friends: string[]) {
  const { wallMs, results } = await burst(friends.length, (i) => callFunction<View>(cloud.url, 'bargain', { action: 'help', bargainId }, friends[i]));
  const ms = results.map((r) => r.ms);
  const stored = ((await cloud.db.collection('bargains').doc(bargainId).get()) as { data: Doc[] }).data[0];
  const view = await callFunction<View>(cloud.url, 'bargain', { action: 'get', bargainId }, 'o_bench_starter');
  if (!view.ok) throw new Error(`get failed: ${JSON.stringify(view)}`);
  const helpers = stored.helpers as string[];
  return {
    perSec: (friends.length / wallMs) * 1000,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    outcomes: outcomes(results.map((r) => r.value)),
    helpCount: Number(stored.helpCount),
    distinctHelpers: new Set(helpers).size,
    helpers: helpers.length,
    view: view.data,
  };
}

export const bench: Bench = {
  title: `bargain: ${FRIENDS} friends helping one bargain at once`,
  async run() {
    const cloud = await startTestCloud();
    const budgets: Budget[] = [];
    const logs = captureLogs();
    const friends = Array.from({ length: FRIENDS }, (_, i) => `o_bench_friend_${String(i).padStart(3, '0')}`);
    try {
      const all = await bargainOf(cloud, FRIENDS, 'o_bench_starter');
      const a = await helpBurst(cloud, all.bargainId, friends);
      const over = await bargainOf(cloud, 100, 'o_bench_starter');
      const b = await helpBurst(cloud, over.bargainId, [...friends, ...friends]);
      for (const [name, r] of [['all count (N=500, 500 friends)', a], ['over the top (N=100, 500 friends × 2)', b]] as const) {
        console.log(`${name}: ${round(r.perSec)} helps/s, p50 ${round(r.p50)} ms, p99 ${round(r.p99)} ms, ${JSON.stringify(r.outcomes)}; counted ${r.helpCount}, reached ${r.view.reachedPriceFen} (floor ${r.view.floorPriceFen})`);
      }
      const sumCuts = (v: View) => v.helps.reduce((s, h) => s + h.cutFen, 0);
      budgets.push(budget('all count: helps counted (each friend once)', a.distinctHelpers === a.helpers ? a.helpCount : -1, '==', FRIENDS));
      budgets.push(budget('all count: ok replies', a.outcomes.ok ?? 0, '==', FRIENDS, '', JSON.stringify(a.outcomes)));
      budgets.push(budget('all count: reached − floor (fen)', a.view.reachedPriceFen - a.view.floorPriceFen, '==', 0));
      budgets.push(budget('all count: start − reached − sum of cuts (fen)', a.view.startPriceFen - a.view.reachedPriceFen - sumCuts(a.view), '==', 0));
      budgets.push(budget('over the top: helps counted (each friend once)', b.distinctHelpers === b.helpers ? b.helpCount : -1, '==', 100));
      budgets.push(budget('over the top: ok replies', b.outcomes.ok ?? 0, '==', 100, '', JSON.stringify(b.outcomes)));
      budgets.push(budget('over the top: replies other than ok, GROUP_FULL, ALREADY_JOINED', 2 * FRIENDS - (b.outcomes.ok ?? 0) - (b.outcomes.GROUP_FULL ?? 0) - (b.outcomes.ALREADY_JOINED ?? 0), '==', 0, '', JSON.stringify(b.outcomes)));
      budgets.push(budget('over the top: reached − floor (fen, never below)', b.view.reachedPriceFen - b.view.floorPriceFen, '==', 0));
      budgets.push(budget('over the top: start − reached − sum of cuts (fen)', b.view.startPriceFen - b.view.reachedPriceFen - sumCuts(b.view), '==', 0));
      const st = cloud.stats().byAction['bargain.help'];
      return {
        figures: {
          allCount: { helpsPerSec: round(a.perSec), p50Ms: round(a.p50), p99Ms: round(a.p99), outcomes: a.outcomes },
          overTheTop: { helpsPerSec: round(b.perSec), p50Ms: round(b.p50), p99Ms: round(b.p99), outcomes: b.outcomes },
          helpOps: st ?? null,
          failures: logs.failures(),
        },
        budgets,
      };
    } finally {
      logs.stop();
      await cloud.close();
    }
  },
};
