/**
 * aftersale through the real SDK on the local cloud: a return of one line of a shipped order
 * (request → approve → return parcel → received → refunded) with the stock, money and commission
 * right at each step; a refund of goods never received (no stock back); a refund before shipping
 * approved at once; a rejection and a request after the window with their messages; 20 requests
 * on one line at once; photos that are not the buyer's own; who may do what. Envelopes, stored
 * documents, and the after-sale result in the local cloud's outbox.
 */
import { useTestCloud } from '../../emulator/testing';
import { doc, docs, expectMoneyBalances, HOME, outcomes } from '../../tests/support/commerce';
import { acceptTemplates, outbox } from '../../tests/support/messages';
import { payOrder } from '../../tests/support/pay';

const t = useTestCloud();
const OPS = 'o_ops';
const SALES = 'o_sales_li';
const DAY = 86_400_000;
type Line = { lineId: string; state: string; paidFen: number; afterSaleId: string | null; skuId: string };
type View = { requestId: string; status: string; refundFen: number; autoApproved: boolean; note: string; lines: Line[]; returnShipment: { trackingNo: string; carrierName: string } | null };

/** A customer bound to 李 (so the order earns commission), an order of p03 + p05 paid and shipped. */
async function shippedOrder(buyer: string, key: string, opts: { ship?: boolean; receive?: boolean } = {}): Promise<{ orderId: string; lines: Line[] }> {
  const s = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: SALES }, channel: 'card' }, SALES);
  await t.cloud.ok('share', { action: 'open', shareId: s.shareId }, buyer);
  const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }], idempotencyKey: key }, buyer);
  await payOrder(t.cloud, o.orderId, buyer);
  if (opts.ship !== false) await t.cloud.ok('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1', 'L2'], carrier: 'SF', trackingNo: 'SF1234567890123' }, OPS);
  if (opts.receive) await t.cloud.ok('order', { action: 'confirmReceipt', orderId: o.orderId }, buyer);
  const stored = await doc(t.cloud, 'orders', o.orderId);
  return { orderId: o.orderId, lines: stored?.lines as Line[] };
}

const stockOf = async (skuId: string) => Number((await doc(t.cloud, 'skus', skuId))?.stock);
const ledgerOf = async (orderId: string) => (await docs(t.cloud, 'commission_ledger', { orderId })).map((e) => [e.kind, e.lineId, e.amountFen]).sort();
const results = async (requestId: string) => (await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_aftersale_result' && m.page === `packageShop/aftersale/index?id=${requestId}`);

describe('aftersale: return and refund of one line of a shipped order', () => {
  it('request → approve → return parcel → received → refunded: the line returned, its stock and money back, its commission reversed; the buyer told at each result', async () => {
    await acceptTemplates(t.cloud, 'o_cust_2');
    await acceptTemplates(t.cloud, 'o_cust_2');
    const o = await shippedOrder('o_cust_2', 'as-return-1', { receive: true });
    const l2 = o.lines[1];
    const stock0 = await stockOf(l2.skuId);
    const commission = await ledgerOf(o.orderId);
    expect(commission.map((e) => e[0])).toEqual(['pending', 'pending']);

    const asked = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L2'], kind: 'return', reason: '包装破损' }, 'o_cust_2');
    expect(asked).toMatchObject({ status: 'requested', refundFen: l2.paidFen, autoApproved: false, lines: [{ lineId: 'L2', state: 'shipped', afterSaleId: asked.requestId }] });
    expect((await doc(t.cloud, 'orders', o.orderId))?.lines).toEqual([expect.objectContaining({ lineId: 'L1', afterSaleId: null }), expect.objectContaining({ lineId: 'L2', afterSaleId: asked.requestId })]);

    const approved = await t.cloud.ok<View>('aftersale', { action: 'review', requestId: asked.requestId, approve: true, note: '请寄回：杭州市西湖区 1 号' }, OPS);
    expect(approved).toMatchObject({ status: 'approved', note: '请寄回：杭州市西湖区 1 号' });
    // Approving a return moves no money and no stock: the goods are still with the buyer.
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(0);
    expect(await stockOf(l2.skuId)).toBe(stock0);
    const early = await t.cloud.call('aftersale', { action: 'receiveReturn', requestId: asked.requestId }, OPS);
    expect(early.ok === false && early.error.code).toBe('FAILED_PRECONDITION');

    const sent = await t.cloud.ok<View>('aftersale', { action: 'returnShipped', requestId: asked.requestId, carrier: 'YTO', trackingNo: 'yt 9000-1234-5678' }, 'o_cust_2');
    expect(sent).toMatchObject({ status: 'return_shipped', returnShipment: { trackingNo: 'YT900012345678', carrierName: '圆通速递' } });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(0);

    const done = await t.cloud.ok<View>('aftersale', { action: 'receiveReturn', requestId: asked.requestId }, OPS);
    expect(done).toMatchObject({ status: 'refunded', lines: [{ lineId: 'L2', state: 'returned', afterSaleId: null }] });
    const again = await t.cloud.call('aftersale', { action: 'receiveReturn', requestId: asked.requestId }, OPS);
    expect(again.ok === false && again.error.code).toBe('FAILED_PRECONDITION');

    const stored = await doc(t.cloud, 'orders', o.orderId);
    expect(stored).toMatchObject({ status: 'received', refundedFen: l2.paidFen, outboxPendingCount: 0 });
    expect((stored?.lines as Line[]).map((l) => [l.lineId, l.state])).toEqual([['L1', 'shipped'], ['L2', 'returned']]);
    const refunds = await docs(t.cloud, 'refunds', { orderId: o.orderId });
    expect(refunds).toEqual([expect.objectContaining({ refundFen: l2.paidFen, afterSaleId: asked.requestId, lines: [{ lineId: 'L2', refundFen: l2.paidFen }] })]);
    expect(await stockOf(l2.skuId)).toBe(stock0 + 1);
    // L2's commission reversed whole; L1's untouched.
    const l2Pending = commission.find((e) => e[1] === 'L2')?.[2];
    expect(await ledgerOf(o.orderId)).toEqual([...commission, ['reversed', 'L2', l2Pending]].sort());
    await expectMoneyBalances(t.cloud);

    expect((await results(asked.requestId)).map((m) => [m.touser, m.data.phrase2, m.data.amount3])).toEqual([
      ['o_cust_2', '同意退货', `¥${(l2.paidFen / 100).toFixed(2)}`],
      ['o_cust_2', '已退款', `¥${(l2.paidFen / 100).toFixed(2)}`],
    ]);
    // An after-sale refund is told by its result, not also as a plain refund.
    expect((await outbox(t.cloud)).filter((m) => m.templateId === 'tmpl_refund_done')).toHaveLength(0);
  });

  it('a refund of goods shipped but not received: approved, the money back, no stock back (the parcel is out)', async () => {
    const o = await shippedOrder('o_cust_3', 'as-notrecv-1');
    const stock0 = await stockOf(o.lines[0].skuId);
    const asked = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'refund', reason: '快递一直没到' }, 'o_cust_3');
    expect(asked).toMatchObject({ status: 'requested', autoApproved: false });
    const done = await t.cloud.ok<View>('aftersale', { action: 'review', requestId: asked.requestId, approve: true, note: '' }, OPS);
    expect(done).toMatchObject({ status: 'refunded', lines: [{ lineId: 'L1', state: 'refunded_shipped' }] });
    expect(await stockOf(o.lines[0].skuId)).toBe(stock0);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'shipped', refundedFen: o.lines[0].paidFen });
    await expectMoneyBalances(t.cloud);
  });
});

describe('aftersale: before shipping', () => {
  it('a full refund of unshipped lines is approved at once (setting): refunded, stock back, the order refunded; nothing left to ship', async () => {
    const o = await shippedOrder('o_cust_3', 'as-unshipped-1', { ship: false });
    const stocks = await Promise.all(o.lines.map((l) => stockOf(l.skuId)));
    const r = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1', 'L2'], kind: 'refund', reason: '拍错了' }, 'o_cust_3');
    expect(r).toMatchObject({ status: 'refunded', autoApproved: true });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'refunded' });
    expect(await Promise.all(o.lines.map((l) => stockOf(l.skuId)))).toEqual(stocks.map((s) => s + 1));
    // The same ask again (a retry after a lost reply) answers the same request.
    const replay = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1', 'L2'], kind: 'refund', reason: '拍错了' }, 'o_cust_3');
    expect(replay.requestId).toBe(r.requestId);
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(1);
    const ship = await t.cloud.call('fulfil', { action: 'ship', orderId: o.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }, OPS);
    expect(ship.ok === false && ship.error.code).toBe('FAILED_PRECONDITION');
    await expectMoneyBalances(t.cloud);
  });

  it('20 requests on one line at once make one request; the line is held by it', async () => {
    const o = await shippedOrder('o_cust_4', 'as-twenty-1');
    const asks = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.cloud.call<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'return', reason: `原因 ${i}` }, 'o_cust_4')),
    );
    const won = asks.filter((r) => r.ok);
    expect(won).toHaveLength(1);
    const codes = outcomes(asks);
    expect(Object.keys(codes).filter((c) => c !== 'ok').every((c) => c === 'FAILED_PRECONDITION' || c === 'CONFLICT')).toBe(true);
    expect(await docs(t.cloud, 'aftersale_requests', { orderId: o.orderId })).toHaveLength(1);
    const line = ((await doc(t.cloud, 'orders', o.orderId))?.lines as Line[])[0];
    expect(line.afterSaleId).toBe(won[0].ok && won[0].data.requestId);
  });
});

describe('aftersale: refusals', () => {
  it('a rejected request frees its line and tells the buyer the note; a request after the window is refused with its reason', async () => {
    await acceptTemplates(t.cloud, 'o_cust_2');
    const o = await shippedOrder('o_cust_2', 'as-reject-1', { receive: true });
    const asked = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'return', reason: '不喜欢' }, 'o_cust_2');
    const rejected = await t.cloud.ok<View>('aftersale', { action: 'review', requestId: asked.requestId, approve: false, note: '食品拆封后不支持无理由退货' }, OPS);
    expect(rejected).toMatchObject({ status: 'rejected', lines: [{ lineId: 'L1', afterSaleId: null, state: 'shipped' }] });
    expect((await results(asked.requestId)).map((m) => [m.data.phrase2, m.data.amount3, m.data.thing4])).toEqual([['未通过', '¥0.00', '食品拆封后不支持无理由退货']]);
    const reviewedTwice = await t.cloud.call('aftersale', { action: 'review', requestId: asked.requestId, approve: true, note: '' }, OPS);
    expect(reviewedTwice.ok === false && reviewedTwice.error.code).toBe('FAILED_PRECONDITION');

    t.cloud.advanceClock(8 * DAY);
    const late = await t.cloud.call('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'return', reason: '还是想退' }, 'o_cust_2');
    expect(late.ok === false && late.error).toMatchObject({ code: 'EXPIRED', message: expect.stringMatching(/window/) });
    expect(await docs(t.cloud, 'aftersale_requests', { orderId: o.orderId })).toHaveLength(1);
  });

  it('photos must be the buyer’s own existing uploads; another buyer cannot see or cancel the request; buyers cannot review', async () => {
    const o = await shippedOrder('o_cust_2', 'as-photos-1');
    const upload = async (path: string, openid: string) =>
      ((await (await fetch(`${t.cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(path)}`, { method: 'POST', headers: { 'x-wx-openid': openid }, body: Buffer.from('png') })).json()) as { fileID: string }).fileID;
    const mine = await upload('uploads/o_cust_2/aftersale/1.png', 'o_cust_2');
    const theirs = await upload('uploads/o_cust_3/aftersale/1.png', 'o_cust_3');
    const ask = (photos: string[]) => t.cloud.call<View & { photos: Array<{ fileId: string; url: string }> }>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'refund', reason: '破损', photos }, 'o_cust_2');
    const other = await ask([mine, theirs]);
    expect(other.ok === false && other.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('photos.1') });
    const missing = await ask([mine.replace('1.png', '2.png')]);
    expect(missing.ok === false && missing.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('photos.0') });
    const ok = await ask([mine]);
    expect(ok.ok && ok.data.photos).toEqual([{ fileId: mine, url: expect.stringContaining('/_storage/') }]);
    const requestId = ok.ok ? ok.data.requestId : '';

    for (const action of ['get', 'cancel']) {
      const r = await t.cloud.call('aftersale', { action, requestId }, 'o_cust_3');
      expect(r.ok === false && r.error.code).toBe('NOT_FOUND');
    }
    const review = await t.cloud.call('aftersale', { action: 'review', requestId, approve: true, note: '' }, 'o_cust_2');
    expect(review.ok === false && review.error.code).toBe('PERMISSION_DENIED');
    const cancelled = await t.cloud.ok<View>('aftersale', { action: 'cancel', requestId }, 'o_cust_2');
    expect(cancelled).toMatchObject({ status: 'cancelled', lines: [{ lineId: 'L1', afterSaleId: null }] });
  });
});

describe('aftersale lists', () => {
  it('the buyer’s list (latest first) and the staff queue by status (oldest first), paged with a cursor', async () => {
    const o = await shippedOrder('o_cust_4', 'as-list-1');
    const a = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L1'], kind: 'refund', reason: '一' }, 'o_cust_4');
    t.cloud.advanceClock(60_000);
    const b = await t.cloud.ok<View>('aftersale', { action: 'request', orderId: o.orderId, lineIds: ['L2'], kind: 'return', reason: '二' }, 'o_cust_4');
    const mine = await t.cloud.ok<{ items: View[]; nextCursor: string | null }>('aftersale', { action: 'list' }, 'o_cust_4');
    expect(mine.items.map((r) => r.requestId)).toEqual([b.requestId, a.requestId]);
    expect(mine.nextCursor).toBeNull();
    expect((await t.cloud.ok<{ items: View[] }>('aftersale', { action: 'list' }, 'o_cust_3')).items).toEqual([]);
    const queue = await t.cloud.ok<{ items: View[] }>('aftersale', { action: 'queue', status: 'requested' }, OPS);
    expect(queue.items.map((r) => r.requestId)).toEqual([a.requestId, b.requestId]);
    const denied = await t.cloud.call('aftersale', { action: 'queue' }, 'o_cust_4');
    expect(denied.ok === false && denied.error.code).toBe('PERMISSION_DENIED');
  });
});
