/**
 * The growth loop end to end through the real SDK on the local t.cloud: share chain → binding →
 * group order → pay → commission → refund → reversal → sweep → referral reward.
 */
import { useTestCloud } from '../../emulator/testing';
import { payOrder } from '../../tests/support/pay';
import { HOME, giveAddresses } from '../../tests/support/commerce';

const t = useTestCloud();

const DAY = 86_400_000;
const MIN = 60_000;
type Created = { shareId: string; depth: number };
type Doc = Record<string, unknown> & { _id: string };

async function get(collection: string, id: string): Promise<Doc | undefined> {
  return ((await t.cloud.db.collection(collection).doc(id).get()).data as Doc[])[0];
}
async function list(collection: string, where: Record<string, unknown>): Promise<Doc[]> {
  return (await t.cloud.db.collection(collection).where(where).limit(1000).get()).data as Doc[];
}
const share = (openid: string, target: { type: string; id: string }, campaign?: string) =>
  t.cloud.ok<Created>('share', { action: 'create', target, channel: 'card', ...(campaign ? { campaign } : {}) }, openid);
const open = (openid: string, shareId: string) => t.cloud.ok<{ boundSalesId: string | null }>('share', { action: 'open', shareId }, openid);

describe('the growth loop', () => {
  it('S→A→B→team with C: orders carry the chain, commission = rate × paid, a refund reverses proportionally, A is rewarded exactly once after the window', async () => {
    const S = 'o_sales_li';
    const [A, B, C] = ['o_cust_1', 'o_cust_2', 'o_cust_3'];
    const sShare = await share(S, { type: 'shelf', id: S });
    expect((await open(A, sShare.shareId)).boundSalesId).toBe(S);
    const aShare = await share(A, { type: 'shelf', id: S });
    expect((await open(B, aShare.shareId)).boundSalesId).toBe(S);
    expect(await get('users', B)).toMatchObject({ boundSalesId: S, referrerOpenid: A, boundVia: expect.objectContaining({ depth: 2 }) });

    t.cloud.advanceClock(5 * MIN); // not a "paid seconds after binding" case
    const team = await t.cloud.ok<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', shareId: aShare.shareId, idempotencyKey: 'b-team-0001' }, B);
    const bShare = await share(B, { type: 'group', id: team.teamId });
    expect(bShare.depth).toBe(3);
    expect((await open(C, bShare.shareId)).boundSalesId).toBe(S);
    t.cloud.advanceClock(5 * MIN);
    const joined = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: team.teamId, shareId: bShare.shareId, idempotencyKey: 'c-join-0001' }, C);
    // B also buys two products alone, so one line can be refunded
    const solo = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 2 }], idempotencyKey: 'b-solo-0001' }, B);
    for (const [who, orderId] of [[B, team.orderId], [C, joined.orderId], [B, solo.orderId]] as const) {
      await payOrder(t.cloud, orderId, who);
    }

    const orders = await Promise.all([team.orderId, joined.orderId, solo.orderId].map((id) => get('orders', id)));
    expect(orders.map((o) => (o?.attribution as Doc).salesId)).toEqual([S, S, S]);
    expect((orders[0]?.attribution as Doc)).toMatchObject({ shareId: aShare.shareId, rootShareId: sShare.shareId, depth: 2, referrerOpenid: A });
    expect((orders[1]?.attribution as Doc)).toMatchObject({ shareId: bShare.shareId, rootShareId: sShare.shareId, depth: 3, referrerOpenid: B });

    // pending commission = 10 % of what was paid for each line (after discounts)
    const pending = await list('commission_ledger', { salesId: S, kind: 'pending' });
    const paidLines = orders.flatMap((o) => (o?.lines as Array<{ lineId: string; paidFen: number }>).map((l) => ({ orderId: o?._id, ...l })));
    expect(pending).toHaveLength(paidLines.length);
    for (const l of paidLines) {
      const e = pending.find((p) => p.orderId === l.orderId && p.lineId === l.lineId);
      expect(e?.amountFen).toBe(Math.floor(l.paidFen / 10));
    }
    const ledger1 = await t.cloud.ok<{ totals: { pendingFen: number } }>('sales', { action: 'ledger' }, S);
    expect(ledger1.totals.pendingFen).toBe(paidLines.reduce((s, l) => s + Math.floor(l.paidFen / 10), 0));

    // refund one of B's lines → a reversal of exactly that line's commission share
    const soloLines = orders[2]?.lines as Array<{ lineId: string; paidFen: number }>;
    const refunded = soloLines[1];
    await t.cloud.ok('order', { action: 'refund', orderId: solo.orderId, lineIds: [refunded.lineId] }, 'o_ops');
    const replay = await t.cloud.call('order', { action: 'refund', orderId: solo.orderId, lineIds: [refunded.lineId] }, 'o_ops');
    expect(replay).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } }); // the line is refunded already
    const reversed = await list('commission_ledger', { salesId: S, kind: 'reversed' });
    expect(reversed).toHaveLength(1);
    expect(reversed[0]).toMatchObject({ orderId: solo.orderId, lineId: refunded.lineId, amountFen: Math.floor(refunded.paidFen / 10) });

    // before the window: nothing settles, nobody is rewarded
    await t.cloud.runTimer('sweep');
    expect(await list('coupons', { source: 'referral' })).toHaveLength(0);

    // after the window, two sweeps at once: commission settles and A's reward is issued once
    t.cloud.advanceClock(8 * DAY);
    await Promise.all([t.cloud.runTimer('sweep'), t.cloud.runTimer('sweep')]);
    await t.cloud.runTimer('sweep');
    const rewards = await list('coupons', { source: 'referral' });
    expect(rewards.filter((c) => c.ownerOpenid === A)).toHaveLength(1);
    expect(rewards.filter((c) => c.ownerOpenid === B)).toHaveLength(1); // B brought C
    expect(rewards.find((c) => c.ownerOpenid === A)).toMatchObject({ templateId: 'ct_referral_reward', status: 'unused' });
    expect(await get('referral_rewards', B)).toMatchObject({ referrerOpenid: A, status: 'rewarded' });
    // Time alone settles no commission: only the orders' completion does.
    expect(await list('commission_ledger', { salesId: S, kind: 'settleable' })).toHaveLength(0);

    // Shipped, received, then the after-sale window closes: the sweep completes them.
    for (const [who, orderId] of [[B, team.orderId], [C, joined.orderId], [B, solo.orderId]] as const) {
      const open = ((await get('orders', orderId))?.lines as Array<{ lineId: string; state: string }>).filter((l) => l.state === 'open').map((l) => l.lineId);
      await t.cloud.ok('fulfil', { action: 'ship', orderId, lineIds: open, carrier: 'SF', trackingNo: `SF${orderId.length}0000000001` }, 'o_ops');
      await t.cloud.ok('order', { action: 'confirmReceipt', orderId }, who);
    }
    t.cloud.advanceClock(8 * DAY);
    await t.cloud.runTimer('sweep');
    for (const id of [team.orderId, joined.orderId, solo.orderId]) expect(await get('orders', id)).toMatchObject({ status: 'completed' });

    const settled = await list('commission_ledger', { salesId: S, kind: 'settleable' });
    // The refunded line's commission was reversed whole: nothing of it settles.
    expect(settled).toHaveLength(paidLines.length - 1);
    const ledger2 = await t.cloud.ok<{ totals: { pendingFen: number; settleableFen: number; reversedFen: number } }>('sales', { action: 'ledger' }, S);
    expect(ledger2.totals.pendingFen).toBe(0);
    expect(ledger2.totals.settleableFen).toBe(ledger1.totals.pendingFen - Number(reversed[0].amountFen));

    const dash = await t.cloud.ok<{ commission: { owedFen: number; settledFen: number }; referrals: { rewardsIssued: number } }>('admin', { action: 'dashboard' }, 'o_boss');
    expect(dash.commission.owedFen).toBe(ledger2.totals.settleableFen);
    expect(dash.commission.settledFen).toBe(ledger2.totals.settleableFen);
    expect(dash.referrals.rewardsIssued).toBe(2);

    const tree = await t.cloud.ok<{ tree: { subtree: { shares: number; newCustomers: number; paidOrders: number } } }>('admin', { action: 'shareTree', shareId: sShare.shareId }, 'o_boss');
    expect(tree.tree.subtree).toMatchObject({ shares: 3, newCustomers: 3 });
  });

  it('a self-referral or an existing customer never earns a referral reward', async () => {
    // o_cust_4 paid before anyone referred them: they are an existing customer
    const s = await share('o_sales_wang', { type: 'shelf', id: 'o_sales_wang' });
    await open('o_cust_1', s.shareId);
    const a = await share('o_cust_1', { type: 'product', id: 'p03' });
    await open('o_cust_1', a.shareId); // own share
    expect((await get('users', 'o_cust_1'))?.referrerOpenid ?? null).toBeNull();
    const early = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'c4-early-01' }, 'o_cust_4');
    await payOrder(t.cloud, early.orderId, 'o_cust_4');
    await open('o_cust_4', a.shareId);
    expect((await get('users', 'o_cust_4'))?.referrerOpenid ?? null).toBeNull();
    expect(await list('referral_rewards', {})).toHaveLength(0);
  });

  it('the daily cap per referrer holds back rewards beyond it, and a suspiciously fast conversion is held for review', async () => {
    await t.cloud.db.collection('referral_programs').doc('rp_default').update({ dailyCapPerReferrer: 1 });
    const s = await share('o_sales_li', { type: 'shelf', id: 'o_sales_li' });
    await open('o_cust_1', s.shareId);
    const a = await share('o_cust_1', { type: 'product', id: 'p03' });
    for (const c of ['o_new_1', 'o_new_2', 'o_new_3']) await open(c, a.shareId);
    t.cloud.advanceClock(10 * MIN);
    await giveAddresses(t.cloud, ['o_new_1', 'o_new_2', 'o_new_4']);
    for (const c of ['o_new_1', 'o_new_2']) {
      const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: `cap-${c}-0` }, c);
      await payOrder(t.cloud, o.orderId, c);
    }
    // o_new_4 binds and pays within the same minute: held for review (o_new_3 never orders)
    const b = await share('o_cust_1', { type: 'product', id: 'p05' });
    await open('o_new_4', b.shareId);
    const fast = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'cap-fast-0' }, 'o_new_4');
    await payOrder(t.cloud, fast.orderId, 'o_new_4');
    t.cloud.advanceClock(8 * DAY);
    await Promise.all([t.cloud.runTimer('sweep'), t.cloud.runTimer('sweep')]);
    const statuses = (await list('referral_rewards', { referrerOpenid: 'o_cust_1' })).map((r) => [r._id, r.status]).sort();
    expect(statuses).toEqual([
      ['o_new_1', expect.stringMatching(/rewarded|capped/)],
      ['o_new_2', expect.stringMatching(/rewarded|capped/)],
      ['o_new_4', 'review'],
    ]);
    expect(statuses.filter(([, st]) => st === 'rewarded')).toHaveLength(1);
    expect(await list('coupons', { source: 'referral', ownerOpenid: 'o_cust_1' })).toHaveLength(1);
    const dash = await t.cloud.ok<{ referrals: { review: Array<{ buyerOpenid: string; reasons: string[] }> } }>('admin', { action: 'dashboard' }, 'o_boss');
    expect(dash.referrals.review).toEqual([expect.objectContaining({ buyerOpenid: 'o_new_4', reasons: ['fast_conversion'] })]);
  });
});
