import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { doc, docs, expectMoneyBalances, giveAddresses, HOME, outcomes } from '../../tests/support/commerce';
import { aCoupon, at } from '../../tests/support/fixtures';
import { deliverCallbacks, finishRefunds, payOrder } from '../../tests/support/pay';

const t = useTestCloud();

type Opened = { teamId: string; orderId: string; totalFen: number };
// Teams are opened and joined through order.create: each call here is a new request (its own key).
let keys = 0;
const key = () => `gb-key-${String(++keys).padStart(4, '0')}`;
type TeamView = { status: string; size: number; seatsTaken: number; members: Array<{ openid: string; paid: boolean; name: string }>; expiresAt: string };
const HOUR = 3600 * 1000;

async function openAndPay(dealId: string, leader: string): Promise<Opened> {
  const opened = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId, idempotencyKey: key() }, leader);
  await payOrder(t.cloud, opened.orderId, leader);
  return opened;
}

describe('groupbuy', () => {
  it('a team of 3 with 2 members and 30 concurrent joins: exactly 1 joins, the rest GROUP_FULL, nobody twice, no paid member rejected', async () => {
    const team = await openAndPay('gd_p02_trio', 'o_cust_1');
    const second = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2');
    await payOrder(t.cloud, second.orderId, 'o_cust_2');

    const joiners = Array.from({ length: 30 }, (_, i) => `o_joiner_${i}`);
    await giveAddresses(t.cloud, joiners);
    const results = await Promise.all(joiners.map((u) => t.cloud.call<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, u)));
    expect(outcomes(results)).toEqual({ ok: 1, GROUP_FULL: 29 });

    const members = await docs(t.cloud, 'team_members', { teamId: team.teamId });
    expect(members).toHaveLength(3);
    expect(new Set(members.map((m) => m.openid)).size).toBe(3);
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ seatsTaken: 3, paidCount: 2, status: 'forming' });
    expect(await docs(t.cloud, 'orders', { teamId: team.teamId })).toHaveLength(3);

    // The one who got the seat pays; the team succeeds; both earlier payers are still paid members.
    const winner = results.find((r) => r.ok);
    const winnerId = joiners[results.indexOf(winner!)];
    await payOrder(t.cloud, winner?.ok ? winner.data.orderId : '', winnerId);
    const view = await t.cloud.ok<TeamView>('groupbuy', { action: 'get', teamId: team.teamId }, 'o_cust_3');
    expect(view).toMatchObject({ status: 'succeeded', size: 3, seatsTaken: 3 });
    expect(view.members.map((m) => [m.openid, m.paid]).sort()).toEqual([['o_cust_1', true], ['o_cust_2', true], [winnerId, true]].sort());
    // members carry their display names for the team page (seeded personas have names)
    expect(view.members.filter((m) => m.openid !== winnerId).map((m) => m.name).sort()).toEqual(['小美', '阿杰']);
    // The team succeeded: every member's order went to ship (issue 12).
    expect(await docs(t.cloud, 'orders', { teamId: team.teamId, status: 'to_ship' })).toHaveLength(3);
    await expectMoneyBalances(t.cloud);
  });

  it('the leader pays the group price minus the leader perk; a member is unique per team', async () => {
    const team = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: key() }, 'o_cust_1');
    expect(team.totalFen).toBe(8800 - 1000);
    const again = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_1');
    expect(again.ok === false && again.error.code).toBe('ALREADY_JOINED');
    const joins = await Promise.all([1, 2, 3, 4].map(() => t.cloud.call<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2')));
    expect(outcomes(joins)).toEqual({ ok: 1, ALREADY_JOINED: 3 });
    expect(joins.find((j) => j.ok)?.ok && (joins.find((j) => j.ok) as { data: Opened }).data.totalFen).toBe(8800);
    expect(await docs(t.cloud, 'team_members', { teamId: team.teamId })).toHaveLength(2);
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ seatsTaken: 2 });
  });

  it('an unpaid seat is released after the TTL and can be taken again', async () => {
    const team = await openAndPay('gd_p01_duo', 'o_cust_1');
    await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2');
    const full = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_3');
    expect(full.ok === false && full.error.code).toBe('GROUP_FULL');
    t.cloud.advanceClock(16 * 60 * 1000);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ seatsTaken: 1, status: 'forming' });
    const third = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_3');
    await payOrder(t.cloud, third.orderId, 'o_cust_3');
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ status: 'succeeded', paidCount: 2 });
  });

  it('a short team past expiresAt fails; each paid member is refunded exactly once even with two concurrent sweeps, the refunds finish by WeChat Pay\'s refund notice; coupons and stock return', async () => {
    // A coupon that may be used on group orders, held by the second member.
    await t.cloud.db.collection('coupons').add(aCoupon({ _id: 'c_group_ok', ownerOpenid: 'o_cust_2', title: '拼团可用 减5', allowOnGroup: true, validToAt: at(72 * 60) }));
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p02-s1'))?.stock);
    const team = await openAndPay('gd_p02_trio', 'o_cust_1');
    const second = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, couponId: 'c_group_ok', idempotencyKey: 'key-join-c2' }, 'o_cust_2');
    await payOrder(t.cloud, second.orderId, 'o_cust_2');
    const unpaid = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_3');
    expect(await doc(t.cloud, 'skus', 'p02-s1')).toMatchObject({ stock: stockBefore - 3 });

    t.cloud.advanceClock(25 * HOUR);
    const late = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_4');
    expect(late.ok === false && late.error.code).toBe('EXPIRED');
    const sweeps = await Promise.all([t.cloud.runTimer<{ ok: boolean }>('sweep'), t.cloud.call('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(sweeps.every((s) => s.ok)).toBe(true);

    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ status: 'failed' });
    // Asked of WeChat Pay, not done: each refund is pending until its refund notice arrives.
    for (const orderId of [team.orderId, second.orderId]) {
      expect(await docs(t.cloud, 'refunds', { orderId })).toEqual([expect.objectContaining({ status: 'pending', reason: 'team_failed' })]);
      expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'refunded' });
    }
    const notices = await finishRefunds(t.cloud);
    expect(notices.settledRefunds).toBe(2);
    for (const o of [team, second]) {
      expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toEqual([expect.objectContaining({ status: 'succeeded', refundFen: o.totalFen, providerRefundId: expect.stringMatching(/^503/) })]);
    }
    const atWeChat = (await (await fetch(`${t.cloud.url}/_emulator/wxpay/refunds`)).json()) as Array<{ outTradeNo: string; refundFee: number; status: string }>;
    expect(atWeChat.map((r) => [r.outTradeNo, r.refundFee, r.status]).sort()).toEqual([[team.orderId, team.totalFen, 'SUCCESS'], [second.orderId, second.totalFen, 'SUCCESS']].sort());
    expect(await doc(t.cloud, 'orders', unpaid.orderId)).toMatchObject({ status: 'closed', closeReason: 'team_failed' });
    expect(await doc(t.cloud, 'coupons', 'c_group_ok')).toMatchObject({ status: 'unused', orderId: null });
    expect(await doc(t.cloud, 'skus', 'p02-s1')).toMatchObject({ stock: stockBefore });
    const view = await t.cloud.ok<TeamView>('groupbuy', { action: 'get', teamId: team.teamId }, 'o_cust_1');
    expect(view.status).toBe('failed');
    expect(view.members.filter((m) => m.paid)).toEqual([]);

    // A third sweep changes nothing.
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(await docs(t.cloud, 'refunds')).toHaveLength(2);
    await expectMoneyBalances(t.cloud);
  });

  it('a refund failing half-way through a failed team resumes on the next sweep, finishes by its refund notice, and nobody is paid back twice', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined); // the refused refund is logged, as in production
    const team = await openAndPay('gd_p02_trio', 'o_cust_1');
    const second = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2');
    await payOrder(t.cloud, second.orderId, 'o_cust_2');
    t.cloud.advanceClock(25 * HOUR);
    const wechatRefunds = async () => (await (await fetch(`${t.cloud.url}/_emulator/wxpay/refunds`)).json()) as Array<{ _id: string; outTradeNo: string; refundFee: number; status: string }>;
    const failRefunds = (outTradeNos: string[]) => fetch(`${t.cloud.url}/_emulator/wxpay/refund-failures`, { method: 'POST', body: JSON.stringify({ outTradeNos, errCode: 'SYSTEMERROR' }) });

    // WeChat Pay refuses the second member's refund (SYSTEMERROR) during the first sweep.
    await failRefunds([second.orderId]);
    const first = await t.cloud.ok<{ teamsFailed: number; membersRefunded: number }>('sweep', { action: 'run' }, AS_FUNCTION);
    expect(first).toMatchObject({ teamsFailed: 1, membersRefunded: 2 });
    expect(await docs(t.cloud, 'refunds', { orderId: second.orderId })).toEqual([expect.objectContaining({ status: 'pending', attempts: 1 })]);
    expect((await wechatRefunds()).map((r) => r.outTradeNo)).toEqual([team.orderId]);

    // Still refused: a minute on, the sweep finds WeChat Pay does not know it and asks again with the same id.
    t.cloud.advanceClock(60 * 1000);
    expect(await t.cloud.ok<{ refunds: { askedAgain: number } }>('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ refunds: { askedAgain: 0 } });
    expect((await wechatRefunds()).map((r) => r.outTradeNo)).toEqual([team.orderId]);

    // WeChat Pay takes it now: two concurrent sweeps ask again, with the same out_refund_no — one refund.
    await failRefunds([]);
    t.cloud.advanceClock(60 * 1000);
    const [a, b] = await Promise.all([t.cloud.ok<{ membersRefunded: number }>('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok<{ membersRefunded: number }>('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(a.membersRefunded + b.membersRefunded).toBe(0);
    await finishRefunds(t.cloud);
    await deliverCallbacks(t.cloud, true);
    for (const o of [team, second]) {
      const refunds = await docs(t.cloud, 'refunds', { orderId: o.orderId });
      expect(refunds).toEqual([expect.objectContaining({ status: 'succeeded', refundFen: o.totalFen })]);
      expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'refunded', refundedFen: o.totalFen });
      // What WeChat Pay paid back: one refund per order, under the refund's own id.
      expect((await wechatRefunds()).filter((r) => r.outTradeNo === o.orderId)).toEqual([expect.objectContaining({ _id: refunds[0]._id, refundFee: o.totalFen, status: 'SUCCESS' })]);
    }
    expect(await wechatRefunds()).toHaveLength(2);
    await expectMoneyBalances(t.cloud);
    jest.restoreAllMocks();
  });

  it('eligibility: a same-salesperson deal admits only customers bound to the leader\'s salesperson', async () => {
    const trio = await doc(t.cloud, 'group_deals', 'gd_p02_trio');
    await t.cloud.db.collection('group_deals').add({ ...trio, _id: 'gd_same', groupSize: 4, joinEligibility: 'same_sales' });
    const bind = (openid: string, salesId: string | null) => t.cloud.db.collection('users').doc(openid).update({ boundSalesId: salesId });
    for (const u of ['o_cust_1', 'o_cust_2', 'o_cust_3', 'o_cust_4']) await t.cloud.ok('coupon', { action: 'mine' }, u);
    await Promise.all([bind('o_cust_1', 'o_sales_li'), bind('o_cust_2', 'o_sales_li'), bind('o_cust_3', 'o_sales_wang'), bind('o_cust_4', null)]);

    const team = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: 'gd_same', idempotencyKey: key() }, 'o_cust_1');
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ salesId: 'o_sales_li', terms: expect.objectContaining({ joinEligibility: 'same_sales' }) });
    expect((await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2')).ok).toBe(true);
    for (const other of ['o_cust_3', 'o_cust_4']) {
      const r = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, other);
      expect(r.ok === false && r.error.code).toBe('NOT_ELIGIBLE');
    }
    expect(await doc(t.cloud, 'teams', team.teamId)).toMatchObject({ seatsTaken: 2 });
    expect(await docs(t.cloud, 'orders', { teamId: team.teamId })).toHaveLength(2);
  });

  it('eligibility: a new-customer deal refuses a customer who has paid before; per-user limit holds', async () => {
    const team = await t.cloud.ok<Opened>('order', { action: 'create', addressId: HOME, dealId: 'gd_p04_newcomer', idempotencyKey: key() }, 'o_cust_1');
    const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-elig-001' }, 'o_cust_2');
    await payOrder(t.cloud, o.orderId, 'o_cust_2');
    const refused = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: key() }, 'o_cust_2');
    expect(refused.ok === false && refused.error.code).toBe('NOT_ELIGIBLE');
    const second = await t.cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_p04_newcomer', idempotencyKey: key() }, 'o_cust_1');
    expect(second.ok === false && second.error.code).toBe('LIMIT_REACHED');
  });

  it('a paused or missing deal cannot be opened', async () => {
    await t.cloud.db.collection('group_deals').doc('gd_p01_duo').update({ status: 'paused' });
    const paused = await t.cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: key() }, 'o_cust_1');
    expect(paused.ok === false && paused.error.code).toBe('EXPIRED');
    const missing = await t.cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_nope', idempotencyKey: key() }, 'o_cust_1');
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
    expect(await docs(t.cloud, 'teams')).toHaveLength(0);
  });
});
