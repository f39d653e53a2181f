import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { doc, docs, expectMoneyBalances, giveAddresses, HOME } from '../../tests/support/commerce';
import { finishRefunds, payOrder } from '../../tests/support/pay';

const t = useTestCloud();

const LADDER = 'gd_p09_ladder';
const HOUR = 3600 * 1000;
type Opened = { teamId: string; orderId: string; totalFen: number };
type TeamView = { status: string; tier: { size: number; priceFen: number } | null; paidCount: number };
let keys = 0;
const key = () => `ladder-key-${String(++keys).padStart(4, '0')}`;

/** A ladder team of `paid` paying members (the leader first), each joined and paid in turn. */
async function teamOf(paid: number): Promise<{ teamId: string; orders: Opened[]; buyers: string[] }> {
  const buyers = Array.from({ length: paid }, (_, i) => `o_ladder_${i}`);
  await giveAddresses(t.cloud, buyers);
  const leader = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: LADDER, idempotencyKey: key() }, buyers[0]);
  await payOrder(t.cloud, leader.orderId, buyers[0]);
  const orders = [leader];
  for (const b of buyers.slice(1)) {
    const joined = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: leader.teamId, idempotencyKey: key() }, b);
    await payOrder(t.cloud, joined.orderId, b);
    orders.push(joined);
  }
  return { teamId: leader.teamId, orders, buyers };
}

describe('ladder group (阶梯团)', () => {
  it('members pay the first tier; at expiry the team succeeds at the tier reached and each member gets the difference back once, also with two concurrent sweeps', async () => {
    const { teamId, orders } = await teamOf(5);
    expect(orders.map((o) => o.totalFen)).toEqual([9900, 9900, 9900, 9900, 9900]);
    expect(await t.cloud.ok<TeamView>('groupbuy', { action: 'get', teamId }, 'o_cust_1')).toMatchObject({ status: 'forming', paidCount: 5, tier: { size: 5, priceFen: 8900 } });

    t.cloud.advanceClock(25 * HOUR);
    const sweeps = await Promise.all([t.cloud.runTimer<{ ok: boolean }>('sweep'), t.cloud.call('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(sweeps.every((s) => s.ok)).toBe(true);

    expect(await doc(t.cloud, 'teams', teamId)).toMatchObject({ status: 'succeeded', tier: { size: 5, priceFen: 8900 }, rebatesDue: false, paidCount: 5 });
    for (const o of orders) {
      expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toEqual([expect.objectContaining({ status: 'pending', reason: 'tier_rebate', refundFen: 1000 })]);
      const stored = await doc(t.cloud, 'orders', o.orderId);
      expect(stored).toMatchObject({ status: 'to_ship', paidFen: 9900, refundedFen: 1000, lines: [expect.objectContaining({ paidFen: 9900, refundedFen: 1000, state: 'open' })] });
      expect(stored?.outboxPendingCount).toBe(0);
    }
    expect(await finishRefunds(t.cloud)).toMatchObject({ settledRefunds: 5 });
    expect(await docs(t.cloud, 'refunds', { reason: 'tier_rebate', status: 'succeeded' })).toHaveLength(5);

    // A later sweep changes nothing.
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await docs(t.cloud, 'refunds')).toHaveLength(5);
    expect(await t.cloud.ok<TeamView>('groupbuy', { action: 'get', teamId }, 'o_cust_1')).toMatchObject({ status: 'succeeded', tier: { size: 5, priceFen: 8900 } });
    await expectMoneyBalances(t.cloud);
  });

  it('a team that fills its top tier succeeds at once, and every member is refunded the difference to the top tier', async () => {
    const { teamId, orders } = await teamOf(10);
    expect(await doc(t.cloud, 'teams', teamId)).toMatchObject({ status: 'succeeded', tier: { size: 10, priceFen: 7900 }, rebatesDue: false });
    const refunds = await docs(t.cloud, 'refunds', { reason: 'tier_rebate' });
    expect(refunds.map((r) => r.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort());
    expect(refunds.every((r) => r.refundFen === 2000)).toBe(true);
    expect(await docs(t.cloud, 'orders', { teamId, status: 'to_ship', refundedFen: 2000 })).toHaveLength(10);
    await expectMoneyBalances(t.cloud);
  });

  it('at the first tier nobody is owed anything; below it the team fails and refunds in full as a plain team', async () => {
    const two = await teamOf(2);
    const oneBuyer = 'o_ladder_single';
    await giveAddresses(t.cloud, [oneBuyer]);
    const single = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: LADDER, idempotencyKey: key() }, oneBuyer);
    await payOrder(t.cloud, single.orderId, oneBuyer);

    t.cloud.advanceClock(25 * HOUR);
    expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ teamsFailed: 1, ladder: { teamsReachedTier: 1, rebates: 0 } });
    expect(await doc(t.cloud, 'teams', two.teamId)).toMatchObject({ status: 'succeeded', tier: { size: 2, priceFen: 9900 } });
    expect(await docs(t.cloud, 'orders', { teamId: two.teamId, status: 'to_ship', refundedFen: 0 })).toHaveLength(2);
    expect(await doc(t.cloud, 'teams', single.teamId)).toMatchObject({ status: 'failed' });
    expect(await docs(t.cloud, 'refunds', { orderId: single.orderId })).toEqual([expect.objectContaining({ reason: 'team_failed', refundFen: 9900 })]);
    await expectMoneyBalances(t.cloud);
  });

  it('payments racing the expiry: the tier charged matches the members counted at success, late payers are refunded in full, money balances', async () => {
    const joiners = Array.from({ length: 8 }, (_, i) => `o_racer_${i}`);
    await giveAddresses(t.cloud, joiners);
    const { teamId } = await teamOf(2);
    const joined = await Promise.all(joiners.map((b) => t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId, idempotencyKey: key() }, b)));

    // Just before expiry the joiners pay while the clock passes the expiry and two sweeps run.
    t.cloud.advanceClock(24 * HOUR - 1000);
    const paying = joined.map((o, i) => payOrder(t.cloud, o.orderId, joiners[i], { strict: false }));
    t.cloud.advanceClock(2000);
    const sweeping = [t.cloud.call('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.call('sweep', { action: 'run' }, AS_FUNCTION)];
    await Promise.all([...paying, ...sweeping]);
    // Whatever was still in flight is settled by a later sweep.
    t.cloud.advanceClock(2 * 60 * 1000);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);

    const team = await doc(t.cloud, 'teams', teamId);
    expect(team?.status).toBe('succeeded');
    const counted = team?.paidOrders as string[];
    expect(counted).toHaveLength(Number(team?.paidCount));
    const tier = Number(team?.paidCount) >= 10 ? 7900 : Number(team?.paidCount) >= 5 ? 8900 : 9900;
    expect(team?.tier).toMatchObject({ priceFen: tier });
    const rebates = await docs(t.cloud, 'refunds', { reason: 'tier_rebate' });
    expect(rebates.map((r) => r.orderId).sort()).toEqual(tier < 9900 ? [...counted].sort() : []);
    expect(rebates.every((r) => r.refundFen === 9900 - tier)).toBe(true);
    // Every paid order not counted by the team was refunded in full; every counted one keeps the tier's price.
    const orders = await docs(t.cloud, 'orders', { teamId });
    for (const o of orders.filter((x) => Number(x.paidFen) > 0)) {
      if (counted.includes(o._id)) expect(Number(o.paidFen) - Number(o.refundedFen)).toBe(tier);
      else expect(o).toMatchObject({ status: 'refunded', refundedFen: 9900 });
    }
    await expectMoneyBalances(t.cloud);
  });
});
