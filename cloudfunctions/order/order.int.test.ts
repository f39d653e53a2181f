import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { cloudPayPayment } from '../_commerce/payment';
import { doc, docs, expectMoneyBalances, giveAddresses, HOME, outcomes } from '../../tests/support/commerce';
import { deliverCallbacks, finishRefunds, payOrder, replayCallback } from '../../tests/support/pay';

const t = useTestCloud();

type OrderData = { orderId: string; status: string; totalFen: number; lines: Array<{ lineId: string; paidFen: number; couponDiscountFen: number }> };
const create = (openid: string, key: string, extra: Record<string, unknown> = {}) =>
  t.cloud.call<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: key, ...extra }, openid);

describe('order.create', () => {
  it('stock 10 and 40 concurrent single-item orders: 10 orders, stock 0, never negative', async () => {
    await t.cloud.db.collection('skus').doc('p03-s1').update({ stock: 10 });
    const buyers = Array.from({ length: 40 }, (_, i) => `o_buyer_${i}`);
    await giveAddresses(t.cloud, buyers);
    const results = await Promise.all(buyers.map((buyer, i) => create(buyer, `key-stock-${i}`)));
    expect(outcomes(results)).toEqual({ ok: 10, SOLD_OUT: 30 });
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: 0 });
    expect(await docs(t.cloud, 'orders', { status: 'pending_pay' })).toHaveLength(10);
    expect(await docs(t.cloud, 'orders')).toHaveLength(10);
  });

  it('the same idempotencyKey 5× at once makes one order and reserves stock once', async () => {
    const before = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const results = await Promise.all(Array.from({ length: 5 }, () => create('o_cust_1', 'key-same-0001')));
    expect(outcomes(results)).toEqual({ ok: 5 });
    const ids = new Set(results.map((r) => (r.ok ? r.data.orderId : '')));
    expect(ids.size).toBe(1);
    expect(await docs(t.cloud, 'orders')).toHaveLength(1);
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: before - 1 });
    // Later repeats return the same order too.
    const again = await create('o_cust_1', 'key-same-0001');
    expect(again.ok && again.data.orderId).toBe([...ids][0]);
  });

  it('one coupon in 5 concurrent orders: exactly one order holds it', async () => {
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => create('o_cust_1', `key-coupon-${i}`, { couponId })));
    expect(outcomes(results)).toEqual({ ok: 1, FAILED_PRECONDITION: 4 });
    const winner = results.find((r) => r.ok);
    const orders = await docs(t.cloud, 'orders');
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ couponId, couponDiscountFen: 500, totalFen: 9300 });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'locked', orderId: winner?.ok && winner.data.orderId });
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore - 1 });
  });

  it('prices group price → coupon and splits the discount across lines by largest remainder', async () => {
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_2');
    const r = await t.cloud.ok<OrderData & { discountFen: number }>(
      'order',
      { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p12', qty: 1 }, { productId: 'p05', qty: 1 }], couponId, idempotencyKey: 'key-split-01' },
      'o_cust_2',
    );
    // 9800 + 1990 + 8900 = 20690; 1500 off split 9800:1990:8900 → floors 710, 144, 645 (+1 to the largest remainder)
    expect(r.totalFen).toBe(19190);
    expect(r.lines.map((l) => l.couponDiscountFen)).toEqual([711, 144, 645]);
    expect(r.lines.reduce((a, l) => a + l.couponDiscountFen, 0)).toBe(1500);
    expect(r.lines.reduce((a, l) => a + l.paidFen, 0)).toBe(19190);
  });

  it('quote suggests the best coupon for a cart', async () => {
    await t.cloud.ok('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_3');
    await t.cloud.ok('coupon', { action: 'claim', templateId: 'ct_zhe80_cap30' }, 'o_cust_3');
    const q = await t.cloud.ok<{ bestCoupon: { discountFen: number }; totalFen: number }>(
      'order',
      { action: 'quote', items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }] },
      'o_cust_3',
    );
    // 16800: 满100减15 → 1500; 8折 capped at 3000 → 3000
    expect(q.bestCoupon.discountFen).toBe(3000);
    expect(q.totalFen).toBe(13800);
  });
});

describe('order.pay and payNotify', () => {
  it('order.pay answers the WeChat Pay charge (outTradeNo, wx.requestPayment parameters) and nothing is paid until the payer pays', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-charge-01' }, 'o_cust_1');
    const charge = await t.cloud.ok<{ orderId: string; outTradeNo: string; payment: Record<string, string> }>('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(charge).toEqual({
      orderId: o.orderId,
      outTradeNo: o.orderId,
      payment: expect.objectContaining({ timeStamp: expect.any(String), nonceStr: expect.any(String), package: expect.stringMatching(/^prepay_id=wx/), signType: 'MD5', paySign: expect.any(String) }),
    });
    // Asked again (a double tap), the same charge: WeChat Pay answers the same prepay.
    const again = await t.cloud.ok<typeof charge>('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(again.payment.package).toBe(charge.payment.package);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay', paidAt: null });
    expect(await docs(t.cloud, 'payments')).toEqual([]);
    // The payer closes the pay sheet, then fails at the bank: still unpaid, no callback, and they may pay again.
    await payOrder(t.cloud, o.orderId, 'o_cust_1', { outcome: 'cancel' });
    await payOrder(t.cloud, o.orderId, 'o_cust_1', { outcome: 'fail' });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay' });
    const paid = await payOrder(t.cloud, o.orderId, 'o_cust_1');
    expect(paid).toMatchObject({ paid: true, acknowledged: true });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: o.totalFen, tradeNo: paid.cashier?.body.transactionId });
  });

  it('a payment notice delivered 5 times at once after a failed first delivery moves the order once', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-pay-0001' }, 'o_cust_1');
    // The first delivery finds the database down (every write of payNotify fails): not acknowledged.
    t.cloud.faults({ crashAfter: { call: 'payNotify.pay', writes: 0 } });
    expect(await payOrder(t.cloud, o.orderId, 'o_cust_1')).toMatchObject({ paid: true, acknowledged: false });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay' });
    t.cloud.faults({});
    const replies = await replayCallback(t.cloud, 'pay', o.orderId, 5);
    expect(replies.map((r) => `${r.errcode} ${r.errmsg}`).sort()).toEqual(['0 OK: duplicate', '0 OK: duplicate', '0 OK: duplicate', '0 OK: duplicate', '0 OK: paid']);
    expect(await docs(t.cloud, 'payments')).toHaveLength(1);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: o.totalFen });
    // WeChat Pay's own retry (15 s later on its schedule) is acknowledged and changes nothing.
    t.cloud.advanceClock(15_000);
    expect((await deliverCallbacks(t.cloud)).delivered).toEqual([expect.objectContaining({ id: `pay:${o.orderId}`, acknowledged: true })]);
    expect(await docs(t.cloud, 'payments')).toHaveLength(1);
    await expectMoneyBalances(t.cloud);
    jest.restoreAllMocks();
  });

  it('a notice for a trade of no order creates nothing; a notice replayed after the refund leaves the order refunded', async () => {
    // A charge WeChat Pay holds for an order id this shop does not know, paid: acknowledged, nothing written.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await cloudPayPayment.startCharge({ orderId: 'oNotAnOrder', totalFen: 100, body: 'x', buyerOpenid: 'o_cust_1' });
    const stray = await t.cloud.call('payNotify', { action: 'pay', payload: {} }, 'o_cust_1'); // a customer reaches it: refused
    expect(stray.ok === false && stray.error.code).toBe('PERMISSION_DENIED');
    const cashier = await fetch(`${t.cloud.url}/_emulator/cashier`, { method: 'POST', body: JSON.stringify({ outTradeNo: 'oNotAnOrder', outcome: 'pay' }) });
    expect(((await cashier.json()) as { callbacks: unknown[] }).callbacks).toEqual([expect.objectContaining({ acknowledged: true })]);
    expect((await replayCallback(t.cloud, 'pay', 'oNotAnOrder'))[0]).toEqual({ errcode: 0, errmsg: 'OK: unknown_order' });
    expect(await doc(t.cloud, 'orders', 'oNotAnOrder')).toBeUndefined();
    expect(await docs(t.cloud, 'refunds')).toHaveLength(0);
    jest.restoreAllMocks();

    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-replay-after' }, 'o_cust_1');
    await payOrder(t.cloud, o.orderId, 'o_cust_1');
    await t.cloud.ok('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
    const replays = await replayCallback(t.cloud, 'pay', o.orderId, 3);
    expect(replays.map((x) => x.errmsg)).toEqual(['OK: duplicate', 'OK: duplicate', 'OK: duplicate']);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'refunded', paidFen: o.totalFen, refundedFen: o.totalFen });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(1);
  });

  it('payNotify takes a notice only from WeChat Pay: a customer, a server-side caller, or a notice WeChat Pay does not confirm is refused', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-forge-01' }, 'o_cust_1');
    await t.cloud.ok('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: o.orderId, transactionId: '4200000000000000000000000001', totalFee: o.totalFen };
    const host = t.cloud.cloud.functions;
    // Not from WeChat Pay (no wx_paycallback source): refused before anything is looked at.
    expect(await host.invoke('payNotify', forged, { kind: 'client', openid: 'o_cust_1' })).toEqual({ errcode: 1, errmsg: 'PERMISSION_DENIED' });
    expect(await host.invoke('payNotify', forged, AS_FUNCTION)).toEqual({ errcode: 1, errmsg: 'PERMISSION_DENIED' });
    expect(await host.invoke('payNotify', { action: 'pay', payload: forged }, AS_FUNCTION)).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    // From WeChat Pay's context but unpaid there (queryOrder says NOTPAY): not confirmed, not acknowledged.
    expect(await host.invoke('payNotify', forged, { kind: 'payCallback' })).toEqual({ errcode: 1, errmsg: 'PERMISSION_DENIED' });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay' });
    expect(await docs(t.cloud, 'payments')).toEqual([]);
  });

  it('pay → to_ship (a normal order goes to the warehouse at once); paying again is refused; the coupon is used', async () => {
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: 'key-pay-0002' }, 'o_cust_1');
    await payOrder(t.cloud, o.orderId, 'o_cust_1');
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship' });
    const again = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(again.ok === false && again.error.code).toBe('FAILED_PRECONDITION');
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'used', orderId: o.orderId });
    const other = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_2');
    expect(other.ok === false && other.error.code).toBe('NOT_FOUND');
  });

  it('an unpaid order is released after its TTL: its charge is closed first, stock and coupon return; paying then is refused', async () => {
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: 'key-ttl-0001' }, 'o_cust_1');
    const charge = await t.cloud.ok<{ outTradeNo: string }>('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    t.cloud.advanceClock(16 * 60 * 1000);
    const late = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(late.ok === false && late.error.code).toBe('EXPIRED');
    const [a, b] = await Promise.all([t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(a.ordersClosed + b.ordersClosed).toBe(1);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'closed', closeReason: 'pay_timeout' });
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'unused', orderId: null });
    // The pay sheet still open on the phone cannot take the money any more: WeChat Pay closed the charge.
    const cashier = await fetch(`${t.cloud.url}/_emulator/cashier`, { method: 'POST', body: JSON.stringify({ outTradeNo: charge.outTradeNo, outcome: 'pay' }) });
    expect({ status: cashier.status, body: await cashier.json() }).toMatchObject({ status: 409, body: { error: 'ORDERCLOSED', tradeState: 'CLOSED' } });
    expect(await docs(t.cloud, 'payments')).toEqual([]);
  });

  it('paid after the timeout returned the stock cannot happen: a charge paid before the sweep closes it keeps its order, stock and coupon', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: 'key-ttl-paid' }, 'o_cust_1');
    // The payer pays just before the deadline; WeChat Pay's notice does not get through (payNotify fails).
    t.cloud.advanceClock(14 * 60 * 1000);
    t.cloud.faults({ crashAfter: { call: 'payNotify.pay', writes: 0 } });
    expect(await payOrder(t.cloud, o.orderId, 'o_cust_1')).toMatchObject({ paid: true, acknowledged: false });
    t.cloud.faults({});
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay' });

    // The deadline passes before WeChat Pay retries: the sweep closes the charge first — paid — so it keeps the order.
    t.cloud.advanceClock(2 * 60 * 1000);
    expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ ordersClosed: 0, ordersPaidAtClose: 1 });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: o.totalFen, closedAt: null });
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore - 1 });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'used', orderId: o.orderId });
    expect(await docs(t.cloud, 'refunds')).toEqual([]);
    // WeChat Pay's retry arrives later: the same payment, acknowledged, nothing more.
    expect((await deliverCallbacks(t.cloud, true)).delivered).toEqual([expect.objectContaining({ acknowledged: true })]);
    expect(await docs(t.cloud, 'payments')).toHaveLength(1);
    await expectMoneyBalances(t.cloud);
    jest.restoreAllMocks();
  });

  it('a buyer cancelling an order WeChat Pay says is paid keeps the order (FAILED_PRECONDITION), paid', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-cancel-paid' }, 'o_cust_1');
    t.cloud.faults({ crashAfter: { call: 'payNotify.pay', writes: 0 } });
    await payOrder(t.cloud, o.orderId, 'o_cust_1');
    t.cloud.faults({});
    const cancel = await t.cloud.call('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_1');
    expect(cancel.ok === false && cancel.error.code).toBe('FAILED_PRECONDITION');
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: o.totalFen });
    jest.restoreAllMocks();
  });

  it('a payment for an order released meanwhile (order.pay racing a cancel) is refunded by WeChat Pay, never kept', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-late-001' }, 'o_cust_1');
    // The cancel closes a charge that does not exist yet (not_found) and wins; the order.pay that had
    // already checked the order creates the charge just after — and the payer pays it.
    await t.cloud.ok('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_1');
    await cloudPayPayment.startCharge({ orderId: o.orderId, totalFen: o.totalFen, body: 'p03', buyerOpenid: 'o_cust_1' });
    const cashier = await fetch(`${t.cloud.url}/_emulator/cashier`, { method: 'POST', body: JSON.stringify({ outTradeNo: o.orderId, outcome: 'pay' }) });
    expect(cashier.status).toBe(200);
    expect((await replayCallback(t.cloud, 'pay', o.orderId))[0]).toEqual({ errcode: 0, errmsg: 'OK: duplicate' });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'cancelled', paidFen: o.totalFen, refundedFen: o.totalFen });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toEqual([expect.objectContaining({ refundFen: o.totalFen, reason: 'late_payment', status: 'pending' })]);
    await finishRefunds(t.cloud);
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toEqual([expect.objectContaining({ status: 'succeeded' })]);
    await expectMoneyBalances(t.cloud);
  });
});

describe('order.cancel and order.refund', () => {
  it('cancel releases stock and coupon; cancelling twice is refused', async () => {
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_4');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 2 }], couponId, idempotencyKey: 'key-cancel-1' }, 'o_cust_4');
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore - 2 });
    await t.cloud.ok('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_4');
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'unused', orderId: null });
    const again = await t.cloud.call('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_4');
    expect(again.ok === false && again.error.code).toBe('FAILED_PRECONDITION');
  });

  it('refund by line, then the rest: amounts exact per line, coupon back on full refund, money balances', async () => {
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>(
      'order',
      { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }], couponId, idempotencyKey: 'key-refund-1' },
      'o_cust_1',
    );
    await payOrder(t.cloud, o.orderId, 'o_cust_1');
    const first = await t.cloud.ok<{ refundFen: number; status: string }>('order', { action: 'refund', orderId: o.orderId, lineIds: ['L1'] }, 'o_ops');
    // The order stays to ship: one line refunded, the other still goes out.
    expect(first).toMatchObject({ refundFen: o.lines[0].paidFen, status: 'to_ship' });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'used' });
    const twice = await t.cloud.call('order', { action: 'refund', orderId: o.orderId, lineIds: ['L1'] }, 'o_ops');
    expect(twice.ok === false && twice.error.code).toBe('FAILED_PRECONDITION');
    await expectMoneyBalances(t.cloud);
    const rest = await t.cloud.ok<{ refundFen: number; status: string }>('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
    expect(rest).toMatchObject({ refundFen: o.lines[1].paidFen, status: 'refunded' });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'unused', orderId: null });
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ refundedFen: o.totalFen, paidFen: o.totalFen });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(2);
    await expectMoneyBalances(t.cloud);
    // WeChat Pay pays both back, each under its own out_refund_no, and its notices finish them.
    expect(await finishRefunds(t.cloud)).toMatchObject({ settledRefunds: 2 });
    expect((await docs(t.cloud, 'refunds', { orderId: o.orderId })).map((r) => [r.refundFen, r.status]).sort()).toEqual([[o.lines[0].paidFen, 'succeeded'], [o.lines[1].paidFen, 'succeeded']].sort());
  });

  it('refunding an unpaid order is refused by the order state table', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-refund-2' }, 'o_cust_1');
    const r = await t.cloud.call('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
    expect(r.ok === false && r.error.code).toBe('FAILED_PRECONDITION');
    // Buyers do not refund with one tap any more: they ask through aftersale.
    const buyer = await t.cloud.call('order', { action: 'refund', orderId: o.orderId }, 'o_cust_1');
    expect(buyer.ok === false && buyer.error.code).toBe('PERMISSION_DENIED');
  });

  it('list and get show only the caller’s orders', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-list-001' }, 'o_cust_1');
    const mine = await t.cloud.ok<{ orders: Array<{ orderId: string }> }>('order', { action: 'list' }, 'o_cust_1');
    expect(mine.orders.map((x) => x.orderId)).toEqual([o.orderId]);
    const theirs = await t.cloud.ok<{ orders: unknown[] }>('order', { action: 'list' }, 'o_cust_2');
    expect(theirs.orders).toEqual([]);
    const got = await t.cloud.call('order', { action: 'get', orderId: o.orderId }, 'o_cust_2');
    expect(got.ok === false && got.error.code).toBe('NOT_FOUND');
    expect((await t.cloud.call('order', { action: 'get', orderId: o.orderId }, 'o_boss')).ok).toBe(true);
  });
});
