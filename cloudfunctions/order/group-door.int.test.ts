/**
 * One door for group orders: order.create {dealId} opens a team, {teamId} joins one, and either
 * takes a coupon when the deal allows coupons (or the coupon allows group orders). order.quote
 * prices the same request with the same rule, so the checkout shows what create then charges.
 */
import { useTestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';
import { doc, docs, HOME } from '../../tests/support/commerce';

const t = useTestCloud();
type Quote = Reply<'order', 'quote'>;
type Order = Reply<'order', 'create'>;

async function claimFlat5(who: string): Promise<string> {
  // 无门槛减5元 on p01–p03; the template does not allow group orders by itself.
  return (await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, who)).couponId;
}

describe('group orders through order.create, with a coupon where the deal allows it', () => {
  it('a deal that allows coupons: quote picks the coupon, create charges the quoted total, locks the coupon and seats the team (open, then join)', async () => {
    await t.cloud.db.collection('group_deals').doc('gd_p02_trio').update({ allowCoupon: true });
    const leaderCoupon = await claimFlat5('o_cust_1');
    const quote = await t.cloud.ok<Quote>('order', { action: 'quote', dealId: 'gd_p02_trio' }, 'o_cust_1');
    // 3人团 ¥88 − leader perk ¥10 − coupon ¥5
    expect(quote).toMatchObject({ subtotalFen: 8800, activityDiscountFen: 1000, couponDiscountFen: 500, totalFen: 7300, couponId: leaderCoupon });
    expect(quote.bestCoupon).toEqual({ couponId: leaderCoupon, title: '无门槛减5元', discountFen: 500, applicable: true });

    const opened = await t.cloud.ok<Order>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', couponId: leaderCoupon, idempotencyKey: 'door-open-001' }, 'o_cust_1');
    expect(opened).toMatchObject({ kind: 'group', status: 'pending_pay', couponId: leaderCoupon, totalFen: quote.totalFen, couponDiscountFen: 500 });
    expect(opened.teamId).toEqual(expect.any(String));
    expect(await doc(t.cloud, 'coupons', leaderCoupon)).toMatchObject({ status: 'locked', orderId: opened.orderId });
    expect(await doc(t.cloud, 'teams', opened.teamId!)).toMatchObject({ seatsTaken: 1, status: 'forming', terms: expect.objectContaining({ allowCoupon: true }) });

    const joinerCoupon = await claimFlat5('o_cust_2');
    const joinQuote = await t.cloud.ok<Quote>('order', { action: 'quote', teamId: opened.teamId }, 'o_cust_2');
    expect(joinQuote).toMatchObject({ subtotalFen: 8800, activityDiscountFen: 0, couponDiscountFen: 500, totalFen: 8300, couponId: joinerCoupon });
    const joined = await t.cloud.ok<Order>('order', { action: 'create', addressId: HOME, teamId: opened.teamId, couponId: joinerCoupon, idempotencyKey: 'door-join-001' }, 'o_cust_2');
    expect(joined).toMatchObject({ teamId: opened.teamId, couponId: joinerCoupon, totalFen: joinQuote.totalFen });
    expect(await doc(t.cloud, 'teams', opened.teamId!)).toMatchObject({ seatsTaken: 2 });
    expect(await doc(t.cloud, 'coupons', joinerCoupon)).toMatchObject({ status: 'locked', orderId: joined.orderId });
  });

  it('a deal that does not allow coupons: quote offers none, create with a coupon is NOT_ELIGIBLE and writes nothing', async () => {
    const couponId = await claimFlat5('o_cust_1');
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p01-s1'))?.stock);
    const quote = await t.cloud.ok<Quote>('order', { action: 'quote', dealId: 'gd_p01_duo' }, 'o_cust_1');
    expect(quote).toMatchObject({ subtotalFen: 12800, couponDiscountFen: 0, totalFen: 12800, couponId: null, bestCoupon: null });
    expect(quote.coupons).toEqual([{ couponId, title: '无门槛减5元', discountFen: 0, applicable: false }]);
    const named = await t.cloud.call('order', { action: 'quote', dealId: 'gd_p01_duo', couponId }, 'o_cust_1');
    expect(named.ok === false && named.error.code).toBe('NOT_ELIGIBLE');

    const refused = await t.cloud.call('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', couponId, idempotencyKey: 'door-open-002' }, 'o_cust_1');
    expect(refused.ok === false && refused.error.code).toBe('NOT_ELIGIBLE');
    expect(await docs(t.cloud, 'teams')).toEqual([]);
    expect(await docs(t.cloud, 'orders')).toEqual([]);
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'unused', orderId: null });
    expect(await doc(t.cloud, 'skus', 'p01-s1')).toMatchObject({ stock: stockBefore });
  });

  it('quote with couponId null prices without a coupon; the best one is still ranked', async () => {
    const couponId = await claimFlat5('o_cust_1');
    const none = await t.cloud.ok<Quote>('order', { action: 'quote', items: [{ productId: 'p03', qty: 1 }], couponId: null }, 'o_cust_1');
    const best = await t.cloud.ok<Quote>('order', { action: 'quote', items: [{ productId: 'p03', qty: 1 }] }, 'o_cust_1');
    expect(none).toMatchObject({ couponId: null, couponDiscountFen: 0, totalFen: best.subtotalFen });
    expect(none.bestCoupon).toEqual(best.bestCoupon);
    expect(best).toMatchObject({ couponId, couponDiscountFen: 500, totalFen: best.subtotalFen - 500 });
  });

  it('groupbuy has no door of its own any more: open and join are unknown actions', async () => {
    for (const event of [{ action: 'open', dealId: 'gd_p01_duo' }, { action: 'join', teamId: 't1' }]) {
      const r = await t.cloud.call('groupbuy', event, 'o_cust_1');
      expect(r.ok === false && r.error.code).toBe('INVALID_ARGUMENT');
    }
  });
});
