import { useTestCloud } from '../../emulator/testing';
import { sandboxTradeNo, signSandboxNotice } from '../_commerce/payment';
import { doc, docs, expectMoneyBalances, outcomes } from '../../tests/support/commerce';

const t = useTestCloud();

type OrderData = { orderId: string; status: string; totalFen: number; lines: Array<{ lineId: string; paidFen: number; couponDiscountFen: number }> };
const create = (openid: string, key: string, extra: Record<string, unknown> = {}) =>
  t.cloud.call<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: key, ...extra }, openid);

describe('order.create', () => {
  it('stock 10 and 40 concurrent single-item orders: 10 orders, stock 0, never negative', async () => {
    await t.cloud.db.collection('skus').doc('p03-s1').update({ stock: 10 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => create(`o_buyer_${i}`, `key-stock-${i}`)));
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
      { action: 'create', items: [{ productId: 'p03', qty: 1 }, { productId: 'p12', qty: 1 }, { productId: 'p05', qty: 1 }], couponId, idempotencyKey: 'key-split-01' },
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
  it('a payment notice replayed 5 times moves the order once', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-pay-0001' }, 'o_cust_1');
    const notice = { outTradeNo: o.orderId, transactionId: 'wx_trade_1', totalFee: o.totalFen, resultCode: 'SUCCESS' as const };
    const event = { action: 'sandbox', ...notice, sign: signSandboxNotice(notice) };
    const results = await Promise.all(Array.from({ length: 5 }, () => t.cloud.call<{ outcome: string }>('payNotify', event)));
    expect(results.map((r) => (r.ok ? r.data.outcome : r.error.code)).sort()).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate', 'paid']);
    expect(await docs(t.cloud, 'payments')).toHaveLength(1);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'to_ship', paidFen: o.totalFen, tradeNo: 'wx_trade_1' });
    await expectMoneyBalances(t.cloud);
  });

  it('a notice for an unknown order creates nothing; a notice replayed after the refund leaves the order refunded', async () => {
    const unknown = { outTradeNo: 'o_not_an_order', transactionId: 'wx_unknown', totalFee: 100, resultCode: 'SUCCESS' as const };
    const r = await t.cloud.ok<{ outcome: string }>('payNotify', { action: 'sandbox', ...unknown, sign: signSandboxNotice(unknown) });
    expect(r.outcome).toBe('unknown_order');
    expect(await doc(t.cloud, 'orders', 'o_not_an_order')).toBeUndefined();
    expect(await docs(t.cloud, 'refunds')).toHaveLength(0);

    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-replay-after' }, 'o_cust_1');
    await t.cloud.ok('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    await t.cloud.ok('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
    const notice = { outTradeNo: o.orderId, transactionId: sandboxTradeNo(o.orderId), totalFee: o.totalFen, resultCode: 'SUCCESS' as const };
    const replays = await Promise.all([1, 2, 3].map(() => t.cloud.ok<{ outcome: string }>('payNotify', { action: 'sandbox', ...notice, sign: signSandboxNotice(notice) })));
    expect(replays.map((x) => x.outcome)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'refunded', paidFen: o.totalFen, refundedFen: o.totalFen });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toHaveLength(1);
  });

  it('a forged notice or a customer calling payNotify is refused', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-forge-01' }, 'o_cust_1');
    const notice = { outTradeNo: o.orderId, transactionId: 'x', totalFee: o.totalFen, resultCode: 'SUCCESS' as const };
    const forged = await t.cloud.call('payNotify', { action: 'sandbox', ...notice, sign: 'ab'.repeat(32) });
    expect(forged.ok === false && forged.error.code).toBe('PERMISSION_DENIED');
    const asCustomer = await t.cloud.call('payNotify', { action: 'sandbox', ...notice, sign: signSandboxNotice(notice) }, 'o_cust_1');
    expect(asCustomer.ok === false && asCustomer.error.code).toBe('PERMISSION_DENIED');
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'pending_pay' });
  });

  it('pay → to_ship (a normal order goes to the warehouse at once); paying again is refused; the coupon is used', async () => {
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: 'key-pay-0002' }, 'o_cust_1');
    const paid = await t.cloud.ok<{ status: string }>('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(paid.status).toBe('to_ship');
    const again = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(again.ok === false && again.error.code).toBe('FAILED_PRECONDITION');
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'used', orderId: o.orderId });
    const other = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_2');
    expect(other.ok === false && other.error.code).toBe('NOT_FOUND');
  });

  it('an unpaid order is released after its TTL: stock and coupon return; paying then is refused', async () => {
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], couponId, idempotencyKey: 'key-ttl-0001' }, 'o_cust_1');
    t.cloud.advanceClock(16 * 60 * 1000);
    const late = await t.cloud.call('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
    expect(late.ok === false && late.error.code).toBe('EXPIRED');
    const [a, b] = await Promise.all([t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' }), t.cloud.ok<{ ordersClosed: number }>('sweep', { action: 'run' })]);
    expect(a.ordersClosed + b.ordersClosed).toBe(1);
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'closed', closeReason: 'pay_timeout' });
    expect(await doc(t.cloud, 'skus', 'p03-s1')).toMatchObject({ stock: stockBefore });
    expect(await doc(t.cloud, 'coupons', couponId)).toMatchObject({ status: 'unused', orderId: null });
  });

  it('a payment arriving after the order was released is refunded, never kept', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-late-001' }, 'o_cust_1');
    await t.cloud.ok('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_1');
    const notice = { outTradeNo: o.orderId, transactionId: 'wx_late', totalFee: o.totalFen, resultCode: 'SUCCESS' as const };
    const r = await t.cloud.ok<{ outcome: string }>('payNotify', { action: 'sandbox', ...notice, sign: signSandboxNotice(notice) });
    expect(r.outcome).toBe('late_refunded');
    expect(await doc(t.cloud, 'orders', o.orderId)).toMatchObject({ status: 'cancelled', paidFen: o.totalFen, refundedFen: o.totalFen });
    expect(await docs(t.cloud, 'refunds', { orderId: o.orderId })).toEqual([expect.objectContaining({ refundFen: o.totalFen, status: 'succeeded' })]);
    await expectMoneyBalances(t.cloud);
  });
});

describe('order.cancel and order.refund', () => {
  it('cancel releases stock and coupon; cancelling twice is refused', async () => {
    const stockBefore = Number((await doc(t.cloud, 'skus', 'p03-s1'))?.stock);
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_4');
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 2 }], couponId, idempotencyKey: 'key-cancel-1' }, 'o_cust_4');
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
      { action: 'create', items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }], couponId, idempotencyKey: 'key-refund-1' },
      'o_cust_1',
    );
    await t.cloud.ok('order', { action: 'pay', orderId: o.orderId }, 'o_cust_1');
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
  });

  it('refunding an unpaid order is refused by the order state table', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-refund-2' }, 'o_cust_1');
    const r = await t.cloud.call('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
    expect(r.ok === false && r.error.code).toBe('FAILED_PRECONDITION');
    // Buyers do not refund with one tap any more: they ask through aftersale.
    const buyer = await t.cloud.call('order', { action: 'refund', orderId: o.orderId }, 'o_cust_1');
    expect(buyer.ok === false && buyer.error.code).toBe('PERMISSION_DENIED');
  });

  it('list and get show only the caller’s orders', async () => {
    const o = await t.cloud.ok<OrderData>('order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-list-001' }, 'o_cust_1');
    const mine = await t.cloud.ok<{ orders: Array<{ orderId: string }> }>('order', { action: 'list' }, 'o_cust_1');
    expect(mine.orders.map((x) => x.orderId)).toEqual([o.orderId]);
    const theirs = await t.cloud.ok<{ orders: unknown[] }>('order', { action: 'list' }, 'o_cust_2');
    expect(theirs.orders).toEqual([]);
    const got = await t.cloud.call('order', { action: 'get', orderId: o.orderId }, 'o_cust_2');
    expect(got.ok === false && got.error.code).toBe('NOT_FOUND');
    expect((await t.cloud.call('order', { action: 'get', orderId: o.orderId }, 'o_boss')).ok).toBe(true);
  });
});
