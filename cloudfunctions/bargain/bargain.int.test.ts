/**
 * bargain through the real SDK on the local cloud: a bargain started, helped by friends (each once,
 * exactly N reach the floor), bought at the reached price and paid; refusals; friends racing; an
 * unpaid bargain order released (cancelled, closed by the sweep) gives the bargain back.
 */
import { AS_FUNCTION, useTestCloud } from '../../emulator/testing';
import { BARGAIN_IDS } from '../../emulator/seed';
import { cutsOf } from '../../shared/bargain';
import { doc, docs, HOME, outcomes } from '../../tests/support/commerce';
import { codeOf } from '../../tests/support/functions';
import { payOrder } from '../../tests/support/pay';

const t = useTestCloud();
const HOUR = 3_600_000;
const { deal: DEAL, productId: PRODUCT, skuId: SKU } = BARGAIN_IDS;
type View = { bargainId: string; phase: string; startPriceFen: number; floorPriceFen: number; reachedPriceFen: number; cutFen: number; helpsLeft: number; helps: Array<{ index: number; cutFen: number; name: string }>; myHelp: { index: number; cutFen: number } | null; mine: boolean; orderId: string | null };
type OrderView = { orderId: string; status: string; subtotalFen: number; totalFen: number; lines: Array<{ skuId: string; unitPriceFen: number; listPriceFen: number }> };

const MINUTE = 60_000;
const sweep = () => t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }, AS_FUNCTION);
const startAs = (openid: string) => t.cloud.ok<View>('bargain', { action: 'start', productId: PRODUCT, skuId: SKU }, openid);
const helpAs = (bargainId: string, openid: string) => t.cloud.call<View>('bargain', { action: 'help', bargainId }, openid);

/** A deal of `n` helpers on p05 (¥89 → ¥9), added as ops would. */
async function addDeal(id: string, n: number): Promise<void> {
  const now = t.cloud.now();
  await t.cloud.db.collection('bargain_deals').add({ _id: id, title: '大米砍价', status: 'active', startAt: new Date(now.getTime() - HOUR), endAt: new Date(now.getTime() + 100 * HOUR), productId: 'p05', skuId: 'p05-s1', floorPriceFen: 900, helpersNeeded: n, validHours: 24 });
}

describe('bargain', () => {
  it('started by a customer, helped by three friends (each cut once, seeded), lands on the floor; bought at that price and paid', async () => {
    const offer = await t.cloud.ok<{ deal: { dealId: string; helpersNeeded: number } | null; myBargainId: string | null }>('bargain', { action: 'offer', productId: PRODUCT }, 'o_cust_1');
    expect(offer).toEqual({ deal: expect.objectContaining({ dealId: DEAL, helpersNeeded: 3, floorPriceFen: 5900 }), myBargainId: null });

    const started = await startAs('o_cust_1');
    expect(started).toMatchObject({ phase: 'open', mine: true, startPriceFen: 12900, floorPriceFen: 5900, reachedPriceFen: 12900, helpsLeft: 3, helps: [] });
    expect(await startAs('o_cust_1')).toMatchObject({ bargainId: started.bargainId }); // a second tap answers the same bargain
    const cuts = cutsOf({ bargainId: started.bargainId, totalFen: 7000, helpersNeeded: 3 });

    const first = await t.cloud.ok<View>('bargain', { action: 'help', bargainId: started.bargainId }, 'o_cust_2');
    expect(first).toMatchObject({ mine: false, myHelp: { index: 1, cutFen: cuts[0] }, reachedPriceFen: 12900 - cuts[0], helps: [{ index: 1, cutFen: cuts[0], name: '阿杰' }] });
    // The starter, staff, a friend again: refused, nothing written.
    expect(codeOf(await helpAs(started.bargainId, 'o_cust_1'))).toBe('NOT_ELIGIBLE');
    expect(codeOf(await helpAs(started.bargainId, 'o_sales_li'))).toBe('NOT_ELIGIBLE');
    expect(codeOf(await helpAs(started.bargainId, 'o_cust_2'))).toBe('ALREADY_JOINED');
    await t.cloud.ok('bargain', { action: 'help', bargainId: started.bargainId }, 'o_cust_3');
    const last = await t.cloud.ok<View>('bargain', { action: 'help', bargainId: started.bargainId }, 'o_friend_new');
    expect(last).toMatchObject({ phase: 'done', reachedPriceFen: 5900, cutFen: 7000, helpsLeft: 0, myHelp: { index: 3, cutFen: cuts[2] } });
    expect(codeOf(await helpAs(started.bargainId, 'o_cust_4'))).toBe('GROUP_FULL');
    expect(await doc(t.cloud, 'bargains', started.bargainId)).toMatchObject({ status: 'open', helpCount: 3, helpers: ['o_cust_2', 'o_cust_3', 'o_friend_new'], orderId: null });

    // Only the starter buys; a friend does not see it as theirs.
    expect(codeOf(await t.cloud.call('bargain', { action: 'buy', bargainId: started.bargainId, idempotencyKey: 'bargain-buy-x', addressId: HOME }, 'o_cust_2'))).toBe('NOT_FOUND');
    const order = await t.cloud.ok<OrderView>('bargain', { action: 'buy', bargainId: started.bargainId, idempotencyKey: 'bargain-buy-1', addressId: HOME }, 'o_cust_1');
    expect(order).toMatchObject({ status: 'pending_pay', subtotalFen: 5900, lines: [{ skuId: SKU, unitPriceFen: 5900, listPriceFen: 12900 }] });
    expect(await t.cloud.ok<OrderView>('bargain', { action: 'buy', bargainId: started.bargainId, idempotencyKey: 'bargain-buy-1', addressId: HOME }, 'o_cust_1')).toMatchObject({ orderId: order.orderId });
    expect(codeOf(await t.cloud.call('bargain', { action: 'buy', bargainId: started.bargainId, idempotencyKey: 'bargain-buy-2', addressId: HOME }, 'o_cust_1'))).toBe('FAILED_PRECONDITION');
    expect(await docs(t.cloud, 'orders', { buyerOpenid: 'o_cust_1' })).toHaveLength(1);
    expect(await doc(t.cloud, 'bargains', started.bargainId)).toMatchObject({ status: 'ordered', orderId: order.orderId });
    expect(await doc(t.cloud, 'skus', SKU)).toMatchObject({ stock: 49 });

    await payOrder(t.cloud, order.orderId, 'o_cust_1');
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ status: 'to_ship', paidFen: order.totalFen });
    expect(await t.cloud.ok<View>('bargain', { action: 'get', bargainId: started.bargainId }, 'o_cust_3')).toMatchObject({ phase: 'ordered', mine: false, myHelp: { index: 2, cutFen: cuts[1] } });
    // One bargain per customer on this deal (perUserLimit 1).
    expect(codeOf(await t.cloud.call('bargain', { action: 'start', productId: PRODUCT, skuId: SKU }, 'o_cust_1'))).toBe('LIMIT_REACHED');
  });

  it('the starter buys before the floor at the price reached; past the deadline helps and buys are refused', async () => {
    const b = await startAs('o_cust_2');
    await t.cloud.ok('bargain', { action: 'help', bargainId: b.bargainId }, 'o_cust_3');
    const reached = (await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_2')).reachedPriceFen;
    expect(reached).toBeGreaterThan(5900);

    t.cloud.advanceClock(25 * HOUR);
    expect(codeOf(await helpAs(b.bargainId, 'o_cust_4'))).toBe('EXPIRED');
    expect(codeOf(await t.cloud.call('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: 'bargain-late-1', addressId: HOME }, 'o_cust_2'))).toBe('EXPIRED');
    expect(await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_2')).toMatchObject({ phase: 'expired', reachedPriceFen: reached });
    expect(await docs(t.cloud, 'orders', { buyerOpenid: 'o_cust_2' })).toHaveLength(0);
  });

  it('an order that cannot be made (sold out) gives the bargain back; bought at the reached price once stock is back', async () => {
    const b = await startAs('o_cust_3');
    await t.cloud.ok('bargain', { action: 'help', bargainId: b.bargainId }, 'o_cust_4');
    await t.cloud.db.collection('skus').doc(SKU).update({ stock: 0 });
    expect(codeOf(await t.cloud.call('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: 'bargain-sold-1', addressId: HOME }, 'o_cust_3'))).toBe('SOLD_OUT');
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'open', orderId: null });
    expect(await docs(t.cloud, 'orders', { buyerOpenid: 'o_cust_3' })).toHaveLength(0);
    await t.cloud.db.collection('skus').doc(SKU).update({ stock: 5 });
    const order = await t.cloud.ok<OrderView>('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: 'bargain-sold-2', addressId: HOME }, 'o_cust_3');
    expect(order.subtotalFen).toBe(12900 - cutsOf({ bargainId: b.bargainId, totalFen: 7000, helpersNeeded: 3 })[0]);
  });

  it('its unpaid order cancelled, then its next one closed by the sweep at the pay deadline: each time the bargain is open again at the price reached, the stock back; bought a third time', async () => {
    const b = await startAs('o_cust_4');
    await t.cloud.ok('bargain', { action: 'help', bargainId: b.bargainId }, 'o_cust_1');
    const reached = (await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_4')).reachedPriceFen;
    const stock = Number((await doc(t.cloud, 'skus', SKU))?.stock);
    const buy = (key: string) => t.cloud.ok<OrderView>('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: key, addressId: HOME }, 'o_cust_4');

    const first = await buy('bargain-rel-1');
    expect(await doc(t.cloud, 'orders', first.orderId)).toMatchObject({ bargainId: b.bargainId, status: 'pending_pay' });
    await t.cloud.ok('order', { action: 'cancel', orderId: first.orderId }, 'o_cust_4');
    expect(await doc(t.cloud, 'orders', first.orderId)).toMatchObject({ status: 'cancelled' });
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'open', orderId: null, orderedAt: null, helpCount: 1 });
    expect(await doc(t.cloud, 'skus', SKU)).toMatchObject({ stock });
    expect(await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_4')).toMatchObject({ phase: 'open', reachedPriceFen: reached, orderId: null });

    const second = await buy('bargain-rel-2');
    expect(second.subtotalFen).toBe(reached);
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'ordered', orderId: second.orderId });
    t.cloud.advanceClock(16 * MINUTE);
    const [a, c] = await Promise.all([sweep(), sweep()]);
    expect(a.ordersClosed + c.ordersClosed).toBe(1);
    expect(await doc(t.cloud, 'orders', second.orderId)).toMatchObject({ status: 'closed', closeReason: 'pay_timeout' });
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'open', orderId: null });
    expect(await doc(t.cloud, 'skus', SKU)).toMatchObject({ stock });

    const third = await buy('bargain-rel-3');
    expect(third.subtotalFen).toBe(reached);
    await payOrder(t.cloud, third.orderId, 'o_cust_4');
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'ordered', orderId: third.orderId });
    // The released orders' effects are done: a later sweep or a repeated cancel moves nothing.
    await sweep();
    expect(codeOf(await t.cloud.call('order', { action: 'cancel', orderId: first.orderId }, 'o_cust_4'))).toBe('FAILED_PRECONDITION');
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'ordered', orderId: third.orderId });
  });

  it('its unpaid order closed by the sweep after the bargain’s deadline: the bargain gives the order up but stays expired', async () => {
    const b = await startAs('o_cust_2');
    await t.cloud.ok('bargain', { action: 'help', bargainId: b.bargainId }, 'o_cust_3');
    t.cloud.advanceClock(24 * HOUR - 10 * MINUTE);
    const order = await t.cloud.ok<OrderView>('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: 'bargain-late-rel', addressId: HOME }, 'o_cust_2');
    t.cloud.advanceClock(16 * MINUTE);
    expect((await sweep()).ordersClosed).toBe(1);
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ status: 'closed', closeReason: 'pay_timeout' });
    expect(await doc(t.cloud, 'bargains', b.bargainId)).toMatchObject({ status: 'open', orderId: null });
    expect(await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_2')).toMatchObject({ phase: 'expired', orderId: null });
    expect(codeOf(await t.cloud.call('bargain', { action: 'buy', bargainId: b.bargainId, idempotencyKey: 'bargain-late-rel-2', addressId: HOME }, 'o_cust_2'))).toBe('EXPIRED');
    expect(codeOf(await helpAs(b.bargainId, 'o_cust_4'))).toBe('EXPIRED');
  });

  it('a friend who opens the bargain share is bound to the starter’s salesperson, then helps', async () => {
    const shelf = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_wang');
    await t.cloud.ok('share', { action: 'open', shareId: shelf.shareId }, 'o_cust_1');
    const b = await startAs('o_cust_1');
    const share = await t.cloud.ok<{ shareId: string; salesId: string }>('share', { action: 'create', target: { type: 'bargain', id: b.bargainId }, channel: 'card' }, 'o_cust_1');
    expect(share.salesId).toBe('o_sales_wang');
    const opened = await t.cloud.ok<{ target: { type: string; id: string }; boundSalesId: string }>('share', { action: 'open', shareId: share.shareId }, 'o_friend_bound');
    expect(opened).toMatchObject({ target: { type: 'bargain', id: b.bargainId }, boundSalesId: 'o_sales_wang' });
    await t.cloud.ok('bargain', { action: 'help', bargainId: b.bargainId }, 'o_friend_bound');
    expect(await doc(t.cloud, 'users', 'o_friend_bound')).toMatchObject({ role: 'customer', boundSalesId: 'o_sales_wang', boundShareId: share.shareId });
  });

  it('60 help calls at once (30 friends, each twice) on a bargain of 20: exactly 20 counted, each once, the floor reached exactly', async () => {
    await addDeal('bd_race', 20);
    const b = await t.cloud.ok<View>('bargain', { action: 'start', productId: 'p05', skuId: 'p05-s1' }, 'o_cust_1');
    const friends = Array.from({ length: 30 }, (_, i) => `o_racer_${i}`);
    const results = await Promise.all([...friends, ...friends].map((f) => helpAs(b.bargainId, f)));
    const counted = outcomes(results);
    expect(counted.ok).toBe(20);
    expect(counted.ok + (counted.GROUP_FULL ?? 0) + (counted.ALREADY_JOINED ?? 0)).toBe(60);
    const stored = await doc(t.cloud, 'bargains', b.bargainId);
    const helpers = stored?.helpers as string[];
    expect(stored).toMatchObject({ helpCount: 20, status: 'open' });
    expect(new Set(helpers).size).toBe(20);
    const view = await t.cloud.ok<View>('bargain', { action: 'get', bargainId: b.bargainId }, 'o_cust_1');
    expect(view).toMatchObject({ phase: 'done', reachedPriceFen: 900, cutFen: 8000 });
    expect(view.helps.reduce((s, h) => s + h.cutFen, 0)).toBe(view.startPriceFen - view.reachedPriceFen);
    // Each friend whose help counted answers the same cut on both of its calls.
    const okCuts = new Map<string, number[]>();
    [...friends, ...friends].forEach((f, i) => {
      const r = results[i];
      if (r.ok) okCuts.set(f, [...(okCuts.get(f) ?? []), (r.data as View).myHelp?.cutFen ?? -1]);
    });
    expect([...okCuts.keys()].sort()).toEqual([...helpers].sort());
  });
});
