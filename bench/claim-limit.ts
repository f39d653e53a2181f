/**
 * Benchmark: the coupon claim against its limit. On one local cloud, in the same run:
 *   - 1,000 concurrent `coupon.claim` by new customers (their first call) on a template with
 *     stock 300, 1 per user;
 *   - 1,000 concurrent raw guarded SDK updates, the one write a claim cannot do without:
 *     `where({_id, stock: _.gte(1)}).update({stock: _.inc(-1)})` on a document with stock 300.
 * claims/s ÷ guarded updates/s says how close a claim comes to the cost of its one guarded
 * write (dispatch, identity, registering the new customer, the limit checks, the coupon insert
 * all on top). Each round runs claims, updates, updates, claims (so a machine getting busier or
 * quieter weighs on both alike); the budget is on the median of the rounds' ratios (issue 9:
 * ≥ 0.33). The ratio per CPU second of this process is printed too: the claims, the updates and
 * the local cloud all run here, so it is the same quantity without the other tenants' noise.
 * The invariants hold in every burst: exactly 300 coupons issued, exactly 300 updates applied.
 */
import { startTestCloud, type TestCloud } from '../emulator/testing';
import { outcomes } from '../tests/support/commerce';
import { budget, burst, callFunction, captureLogs, median, round, type Budget } from './lib';
import type { Bench } from './run-one';

type Doc = Record<string, unknown> & { _id: string };

const CALLS = 1000;
const STOCK = 300;
const ROUNDS = 7;

async function claims(cloud: TestCloud, r: string) {
  const { _id: _ignored, perDayLimit: _d, ...template } = ((await cloud.db.collection('coupon_templates').doc('ct_zhe80_cap30').get()) as { data: Doc[] }).data[0];
  const templateId = `ct_limit_${r}`;
  await cloud.db.collection('coupon_templates').doc(templateId).set({ ...template, stock: STOCK, issuedCount: 0, perUserLimit: 1 });
  const users = Array.from({ length: CALLS }, (_, i) => `o_limit_${r}_${String(i).padStart(4, '0')}`);
  const cpu0 = process.cpuUsage();
  const { wallMs, results } = await burst(CALLS, (i) => callFunction(cloud.url, 'coupon', { action: 'claim', templateId }, users[i]));
  const cpu = process.cpuUsage(cpu0);
  const issued = Number(((await cloud.db.collection('coupons').where({ templateId }).count()) as { total: number }).total);
  return { perSec: (CALLS / wallMs) * 1000, perCpuSec: (CALLS / (cpu.user + cpu.system)) * 1e6, wallMs, outcomes: outcomes(results.map((x) => x.value)), issued };
}

async function guardedUpdates(cloud: TestCloud, r: string) {
  const id = `limit_stock_${r}`;
  await cloud.db.collection('skus').doc(id).set({ productId: 'bench', stock: STOCK, sold: 0 });
  const _ = cloud.db.command;
  const cpu0 = process.cpuUsage();
  const { wallMs, results } = await burst(CALLS, async () => {
    const res = (await cloud.db.collection('skus').where({ _id: id, stock: _.gte(1) }).update({ stock: _.inc(-1) })) as { updated?: number };
    return Number(res.updated ?? 0);
  });
  const cpu = process.cpuUsage(cpu0);
  const left = Number(((await cloud.db.collection('skus').doc(id).get()) as { data: Doc[] }).data[0].stock);
  return { perSec: (CALLS / wallMs) * 1000, perCpuSec: (CALLS / (cpu.user + cpu.system)) * 1e6, wallMs, updated: results.filter((x) => x.value === 1).length, left };
}

export const bench: Bench = {
  title: 'claim against its limit: 1,000 claims vs 1,000 guarded updates, stock 300 each',
  async run() {
    const cloud = await startTestCloud();
    const budgets: Budget[] = [];
    const rounds: Array<Record<string, unknown>> = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    let broken = 0;
    const logs = captureLogs();
    try {
      // Warm-up (not counted): the first burst of each kind also pays for loading and compiling code.
      await claims(cloud, 'warm');
      await guardedUpdates(cloud, 'warm');
      for (let r = 0; r < ROUNDS; r++) {
        // A-B-B-A: a machine getting busier or quieter during the round weighs on both kinds alike.
        const c1 = await claims(cloud, `${r}a`);
        const u1 = await guardedUpdates(cloud, `${r}a`);
        const u2 = await guardedUpdates(cloud, `${r}b`);
        const c2 = await claims(cloud, `${r}b`);
        const claimsPerSec = (c1.perSec + c2.perSec) / 2;
        const updatesPerSec = (u1.perSec + u2.perSec) / 2;
        const cpuRatio = (c1.perCpuSec + c2.perCpuSec) / (u1.perCpuSec + u2.perCpuSec);
        ratios.push(claimsPerSec / updatesPerSec);
        cpuRatios.push(cpuRatio);
        for (const c of [c1, c2]) if (c.issued !== STOCK || (c.outcomes.ok ?? 0) !== STOCK) broken++;
        for (const u of [u1, u2]) if (u.updated !== STOCK || u.left !== 0) broken++;
        console.log(
          `round ${r + 1}: claims ${round(c1.perSec)} & ${round(c2.perSec)}/s (${JSON.stringify(c1.outcomes)}); guarded updates ${round(u1.perSec)} & ${round(u2.perSec)}/s; ratio ${round(claimsPerSec / updatesPerSec, 2)} (per CPU second ${round(cpuRatio, 2)})`,
        );
        rounds.push({ claimsPerSec: [round(c1.perSec), round(c2.perSec)], updatesPerSec: [round(u1.perSec), round(u2.perSec)], ratio: round(claimsPerSec / updatesPerSec, 3), cpuRatio: round(cpuRatio, 3) });
      }
    } finally {
      logs.stop();
      await cloud.close();
    }
    const st = cloud.stats().byAction['coupon.claim'];
    const ratio = round(median(ratios), 3);
    console.log(`median ratio ${ratio} (per CPU second ${round(median(cpuRatios), 3)}); coupon.claim database operations: avg ${st?.avgOps}, max ${st?.maxOps} ${JSON.stringify(st?.byOp ?? {})}`);
    budgets.push(budget('claims/s ÷ guarded updates/s (median of 7)', ratio, '>=', 0.33, '', 'a claim should cost little more than its one guarded write'));
    budgets.push(budget(`bursts where claims issued ≠ ${STOCK} or updates applied ≠ ${STOCK}`, broken, '==', 0));
    return { figures: { rounds, medianRatio: ratio, medianCpuRatio: round(median(cpuRatios), 3), claimOps: st ?? null, failures: logs.failures() }, budgets };
  },
};
