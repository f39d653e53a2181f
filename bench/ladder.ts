/**
 * Benchmark: 200 joins racing the expiry of ladder teams (阶梯团). Five teams of a ladder deal
 * (tiers 2 / 10 / 25 / 50 people), each with its leader paid; 200 joiners take the seats (40 a
 * team), then all pay at once while the clock passes the teams' expiry and two sweeps run. Some
 * payments are counted before the expiry, some arrive after it (refunded in full), and each team
 * succeeds at the tier its counted members reach. Budgets: the tier charged matches the members
 * counted at success, the difference refunds are exactly one per counted order and sum to
 * counted × (joining price − tier price), a paid order the team did not count is refunded in full,
 * money balances, no INTERNAL.
 */
import { AS_FUNCTION, type TestCloud } from '../emulator/testing';
import { reachedTier, type Tier } from '../shared/groupbuy';
import { docs, giveAddresses, HOME, moneyBalance, outcomes } from '../tests/support/commerce';
import { deliverCallbacks, finishRefunds, payOrder } from '../tests/support/pay';
import { budget, burst, captureLogs, latency, round } from './lib';
import { cloudBench } from './run-one';

const TEAMS = 5;
const JOINERS = 200;
const TIERS: Tier[] = [
  { size: 2, priceFen: 9900 },
  { size: 10, priceFen: 8900 },
  { size: 25, priceFen: 7900 },
  { size: 50, priceFen: 6900 },
];
const DEAL = 'gd_bench_ladder';
const HOUR = 3600 * 1000;

type Opened = { teamId: string; orderId: string };

async function setUp(cloud: TestCloud): Promise<{ teamIds: string[]; joined: Array<Opened & { buyer: string }> }> {
  const now = new Date(cloud.now());
  await cloud.db.collection('skus').doc('p09-s1').update({ stock: 10_000 });
  await cloud.db.collection('group_deals').doc(DEAL).set({
    status: 'active', startAt: new Date(now.getTime() - HOUR), endAt: new Date(now.getTime() + 30 * 24 * HOUR), createdAt: now, updatedAt: now,
    title: 'bench ladder', productId: 'p09', skuId: 'p09-s1', groupSize: 50, groupPriceFen: 9900, listPriceFen: 12900, validHours: 24, joinEligibility: 'anyone', tiers: TIERS,
  });
  const leaders = Array.from({ length: TEAMS }, (_, i) => `o_bench_leader_${i}`);
  const joiners = Array.from({ length: JOINERS }, (_, i) => `o_bench_joiner_${String(i).padStart(3, '0')}`);
  await giveAddresses(cloud, [...leaders, ...joiners]);
  const teamIds: string[] = [];
  for (const leader of leaders) {
    const opened = await cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: DEAL, idempotencyKey: `bench-open-${leader}` }, leader);
    await payOrder(cloud, opened.orderId, leader);
    teamIds.push(opened.teamId);
  }
  // The joins come 5 minutes before the expiry (an unpaid order may be paid for 15 minutes).
  cloud.advanceClock(24 * HOUR - 5 * 60 * 1000);
  const joins = await Promise.all(joiners.map((b, i) => cloud.call<Opened>('order', { action: 'create', addressId: HOME, teamId: teamIds[i % TEAMS], idempotencyKey: `bench-join-${b}` }, b)));
  const failed = outcomes(joins);
  if (failed.ok !== JOINERS) throw new Error(`joins: ${JSON.stringify(failed)}`);
  return { teamIds, joined: joins.map((j, i) => ({ ...(j.ok ? j.data : { teamId: '', orderId: '' }), buyer: joiners[i] })) };
}

export const bench = cloudBench('ladder group: 200 joins paying while 5 ladder teams expire', async (cloud, budgets) => {
  const logs = captureLogs();
  try {
    const { teamIds, joined } = await setUp(cloud);
    // The payments start a second before the expiry; the clock passes it while they run, and two sweeps race them.
    cloud.advanceClock(5 * 60 * 1000 - 1000);
    let settled = 0;
    const paying = burst(JOINERS, (i) => payOrder(cloud, joined[i].orderId, joined[i].buyer, { strict: false })
        .catch((err: unknown) => ({ start: { ok: false as const, error: { code: 'TRANSPORT', message: String(err) } }, paid: false, acknowledged: false }))
        .finally(() => settled++));
    // The expiry passes once half the payments have their answer: the other half race it.
    while (settled < JOINERS / 2) await new Promise((r) => setTimeout(r, 20));
    cloud.advanceClock(2000);
    const sweeps = await Promise.all([cloud.call('sweep', { action: 'run' }, AS_FUNCTION), cloud.runTimer('sweep')]);
    const payments = await paying;
    // Then as time passes: WeChat Pay delivers the callbacks a busy payNotify missed, the sweep
    // delivers again the events a conflict left pending, and the refunds finish.
    for (let i = 0; i < 4; i++) {
      cloud.advanceClock(2 * 60 * 1000);
      await deliverCallbacks(cloud, true);
      await cloud.runTimer('sweep');
    }
    await finishRefunds(cloud);
    const pendingEvents = (await docs(cloud, 'orders', { 'dealTerms._id': DEAL })).filter((o) => Number(o.outboxPendingCount) > 0).length;

    const lat = latency(payments.wallMs, payments.results.map((r) => r.ms));
    const teams = await docs(cloud, 'teams', { dealId: DEAL });
    const refunds = await docs(cloud, 'refunds');
    const orders = await docs(cloud, 'orders', { 'dealTerms._id': DEAL });
    let wrongTier = 0;
    let rebateMismatch = 0;
    let uncountedKept = 0;
    const perTeam: Array<Record<string, unknown>> = [];
    for (const t of teams.filter((x) => teamIds.includes(x._id))) {
      const counted = (t.paidOrders as string[]) ?? [];
      const tier = reachedTier(TIERS, counted.length);
      const stored = t.tier as Tier | undefined;
      const asCounted = tier ? t.status === 'succeeded' && stored?.size === tier.size && stored.priceFen === tier.priceFen : t.status === 'failed';
      if (!asCounted || Number(t.paidCount) !== counted.length) wrongTier++;
      const rebates = refunds.filter((r) => r.reason === 'tier_rebate' && orders.some((o) => o._id === r.orderId && o.teamId === t._id));
      const diff = tier ? 9900 - tier.priceFen : 0;
      const sum = rebates.reduce((a, r) => a + Number(r.refundFen), 0);
      const rebated = new Set(rebates.map((r) => String(r.orderId)));
      if (sum !== counted.length * diff || (diff > 0 && (rebated.size !== counted.length || !counted.every((id) => rebated.has(id)))) || rebates.length !== rebated.size) rebateMismatch++;
      for (const o of orders.filter((x) => x.teamId === t._id && Number(x.paidFen) > 0 && !counted.includes(x._id))) if (Number(o.paidFen) !== Number(o.refundedFen)) uncountedKept++;
      perTeam.push({ teamId: t._id, counted: counted.length, tier: stored ?? null, rebates: rebates.length, rebateFen: sum });
    }
    const m = await moneyBalance(cloud);
    const unbalanced = Number(m.paidFen - m.refundedFen !== m.keptFen) + Number(m.paymentsFen !== m.paidFen) + Number(m.refundsFen !== m.refundedFen);
    // A function that failed logs "request … failed" and answers INTERNAL; a call past its time limit (a busy machine) is told apart: WeChat Pay delivers its callback again.
    const timeouts = logs.failures().filter((f) => f.reason === 'SDK request timeout').length;
    const internal = logs.failures().length - timeouts + payments.results.filter((r) => !r.value.start.ok && r.value.start.error.code === 'INTERNAL').length;
    const paidAtCashier = payments.results.filter((r) => r.value.paid).length;
    const unanswered = payments.results.filter((r) => !r.value.start.ok && r.value.start.error.code === 'TRANSPORT').length;
    console.log(`calls past their time limit: ${timeouts}`);
    console.log(`payments: ${paidAtCashier}/${JOINERS} paid at the cashier, p50 ${round(lat.p50Ms)} ms, p99 ${round(lat.p99Ms)} ms, ${unanswered} without an answer in 60 s; sweeps ok ${sweeps.filter((x) => (x as { ok?: boolean }).ok).length}/2`);
    for (const row of perTeam) console.log(`team ${String(row.teamId)}: ${String(row.counted)} counted → tier ${JSON.stringify(row.tier)}, ${String(row.rebates)} difference refunds = ${String(row.rebateFen)} fen`);
    budgets.push(budget('teams whose tier ≠ the members counted at success', wrongTier, '==', 0));
    budgets.push(budget('teams whose difference refunds ≠ one per counted order, counted × difference', rebateMismatch, '==', 0));
    budgets.push(budget('paid orders the team did not count, not refunded in full', uncountedKept, '==', 0));
    budgets.push(budget('money identities broken (paid − refunded = kept; payments; refunds)', unbalanced, '==', 0));
    budgets.push(budget('INTERNAL answers (time-limit ends excluded)', internal, '==', 0));
    budgets.push(budget('orders with events still pending after the sweeps', pendingEvents, '==', 0));
    return { payments: { paidAtCashier, unanswered, ...lat }, timeouts, pendingEvents, teams: perTeam, money: m, failures: logs.failures() };
  } finally {
    logs.stop();
  }
});
