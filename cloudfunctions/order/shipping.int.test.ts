/**
 * Shipping: the rules in settings/shipping (flat fee, free at or above the goods paid after
 * discounts, provinces not served, an invalid document), the quote and the order, refunds and
 * commission. Seeded rules: ¥6, free from ¥59, no delivery to Hong Kong, Macao and Taiwan.
 */
import { useTestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';
import { doc, docs, expectMoneyBalances, HOME } from '../../tests/support/commerce';
import { finishRefunds, payOrder } from '../../tests/support/pay';

const t = useTestCloud();
type Quote = Reply<'order', 'quote'>;
type Order = Reply<'order', 'create'>;

const towel = [{ productId: 'p12', skuId: 'p12-s1', qty: 1 }]; // ¥19.90
const tea = [{ productId: 'p03', skuId: 'p03-s1', qty: 1 }]; // ¥98.00
const rules = (fields: Record<string, unknown>) => t.cloud.db.collection('settings').doc('shipping').update(fields);
const create = (items: unknown, key: string, extra: Record<string, unknown> = {}, openid = 'o_cust_1') =>
  t.cloud.call<Order>('order', { action: 'create', items, addressId: HOME, idempotencyKey: key, ...extra }, openid);

async function addressIn(province: string, openid = 'o_cust_1'): Promise<string> {
  const r = await t.cloud.ok<{ addressId: string }>('address', { action: 'save', address: { name: '小美', phone: '13800000001', province, city: '某市', district: '某区', detail: '某路1号' } }, openid);
  return r.addressId;
}

describe('shipping fee', () => {
  it('a flat fee below the free amount: quoted, stored on the order apart from the lines, and in the total', async () => {
    const quote = await t.cloud.ok<Quote>('order', { action: 'quote', items: towel, addressId: HOME }, 'o_cust_1');
    expect(quote).toMatchObject({ subtotalFen: 1990, discountFen: 0, shippingFen: 600, totalFen: 2590, freeShippingOverFen: 5900, shipsGoods: true, address: expect.objectContaining({ addressId: HOME, province: '广东省' }) });
    const order = await t.cloud.ok<Order>('order', { action: 'create', items: towel, addressId: HOME, idempotencyKey: 'ship-flat-001' }, 'o_cust_1');
    expect(order).toMatchObject({ shippingFen: 600, totalFen: 2590 });
    expect(order.lines.map((l) => l.paidFen)).toEqual([1990]);
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ shippingFen: 600, totalFen: 2590, subtotalFen: 1990, lines: [expect.objectContaining({ paidFen: 1990 })] });
  });

  it('free at or above the amount of goods paid; a quote without an address prices the fee without a region', async () => {
    expect(await t.cloud.ok<Quote>('order', { action: 'quote', items: tea }, 'o_cust_1')).toMatchObject({ shippingFen: 0, totalFen: 9800, address: null });
    await rules({ freeOverFen: 1990 });
    expect(await t.cloud.ok<Quote>('order', { action: 'quote', items: towel }, 'o_cust_1')).toMatchObject({ shippingFen: 0, totalFen: 1990 });
    await rules({ freeOverFen: 1991 });
    expect(await t.cloud.ok<Quote>('order', { action: 'quote', items: towel }, 'o_cust_1')).toMatchObject({ shippingFen: 600, totalFen: 2590 });
    await rules({ freeOverFen: null });
    const order = await create(tea, 'ship-never-free');
    expect(order.ok && [order.data.shippingFen, order.data.totalFen]).toEqual([600, 10400]);
  });

  it('the free amount is on the goods paid after discounts, so a coupon that drops below it is not preselected', async () => {
    await rules({ freeOverFen: 9500 });
    const { couponId } = await t.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_1');
    const best = await t.cloud.ok<Quote>('order', { action: 'quote', items: tea, addressId: HOME }, 'o_cust_1');
    // ¥98 ships free; with ¥5 off, ¥93 pays ¥6 shipping: ¥99 > ¥98.
    expect(best).toMatchObject({ couponId: null, bestCoupon: null, shippingFen: 0, totalFen: 9800 });
    expect(best.coupons).toEqual([{ couponId, title: '无门槛减5元', discountFen: 500, applicable: true }]);
    const chosen = await t.cloud.ok<Quote>('order', { action: 'quote', items: tea, addressId: HOME, couponId }, 'o_cust_1');
    expect(chosen).toMatchObject({ couponId, couponDiscountFen: 500, shippingFen: 600, totalFen: 9900 });
    const order = await create(tea, 'ship-coupon-01', { couponId });
    expect(order.ok && [order.data.totalFen, order.data.shippingFen, order.data.lines[0].paidFen]).toEqual([9900, 600, 9300]);
  });

  it('a province not served is NOT_ELIGIBLE for the quote and the order, and nothing is written', async () => {
    const macao = await addressIn('澳门');
    const quote = await t.cloud.call('order', { action: 'quote', items: towel, addressId: macao }, 'o_cust_1');
    expect(quote.ok === false && quote.error.code).toBe('NOT_ELIGIBLE');
    const stock = (await doc(t.cloud, 'skus', 'p12-s1'))?.stock;
    const refused = await create(towel, 'ship-macao-01', { addressId: macao });
    expect(refused.ok === false && refused.error.code).toBe('NOT_ELIGIBLE');
    expect(await docs(t.cloud, 'orders')).toEqual([]);
    expect((await doc(t.cloud, 'skus', 'p12-s1'))?.stock).toBe(stock);
    // Served once ops take it off the list.
    await rules({ notServed: [] });
    expect((await create(towel, 'ship-macao-02', { addressId: macao })).ok).toBe(true);
  });

  it('invalid rules stop checkout of goods that ship (FAILED_PRECONDITION) rather than charge a wrong fee, and promotion health reports them', async () => {
    await rules({ flatFeeFen: -100, notServed: ['西藏'] });
    for (const r of [await t.cloud.call('order', { action: 'quote', items: towel }, 'o_cust_1'), await create(towel, 'ship-bad-rules')]) {
      expect(r.ok === false && r.error.code).toBe('FAILED_PRECONDITION');
    }
    expect(await docs(t.cloud, 'orders')).toEqual([]);
    const health = await t.cloud.ok<Reply<'admin', 'promotionHealth'>>('admin', { action: 'promotionHealth' }, 'o_ops');
    const reported = health.problems.find((p) => p.collection === 'settings');
    expect(reported).toMatchObject({ id: 'shipping' });
    expect(reported?.problems.map((p) => p.split(':')[0])).toEqual(['flatFeeFen', 'notServed.0']);
  });

  it('no rules document: no fee anywhere', async () => {
    await t.cloud.db.collection('settings').doc('shipping').remove();
    const order = await create(towel, 'ship-no-rules');
    expect(order.ok && [order.data.shippingFen, order.data.totalFen]).toEqual([0, 1990]);
  });

  it('an address is required for goods that ship, and must be the caller\'s own', async () => {
    const missing = await t.cloud.call('order', { action: 'create', items: towel, idempotencyKey: 'ship-no-addr' }, 'o_cust_1');
    expect(missing.ok === false && [missing.error.code, missing.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'addressId']);
    const theirs = await addressIn('浙江省', 'o_cust_2');
    const stolen = await create(towel, 'ship-their-addr', { addressId: theirs });
    expect(stolen.ok === false && [stolen.error.code, stolen.error.message.split(':')[0]]).toEqual(['NOT_FOUND', 'addressId']);
    expect(await docs(t.cloud, 'orders')).toEqual([]);
  });

  it('nothing to ship (a product marked ships: false): no address needed, no fee', async () => {
    await t.cloud.db.collection('products').add({ _id: 'p90', title: '茶艺课 电子券', status: 'on', ships: false, images: [], sort: 90 });
    await t.cloud.db.collection('skus').add({ _id: 'p90-s1', productId: 'p90', name: '1 次', priceFen: 1000, listPriceFen: 1000, stock: 10, sold: 0, sort: 1 });
    const voucher = [{ productId: 'p90', skuId: 'p90-s1', qty: 1 }];
    expect(await t.cloud.ok<Quote>('order', { action: 'quote', items: voucher }, 'o_cust_1')).toMatchObject({ shipsGoods: false, shippingFen: 0, freeShippingOverFen: null, totalFen: 1000 });
    const order = await t.cloud.ok<Order>('order', { action: 'create', items: voucher, idempotencyKey: 'ship-voucher-1' }, 'o_cust_1');
    expect(order).toMatchObject({ shippingFen: 0, totalFen: 1000, address: null });
    // With something that ships in the same order, the address is required again.
    const mixed = await t.cloud.call('order', { action: 'create', items: [...voucher, ...towel], idempotencyKey: 'ship-voucher-2' }, 'o_cust_1');
    expect(mixed.ok === false && mixed.error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('shipping and money after payment', () => {
  it('refunding every line returns the shipping too; a partial refund does not', async () => {
    const items = [...towel, { productId: 'p04', skuId: 'p04-s1', qty: 1 }]; // ¥19.90 + ¥39.00 = ¥58.90 < ¥59
    const order = await t.cloud.ok<Order>('order', { action: 'create', items, addressId: HOME, idempotencyKey: 'ship-refund-01' }, 'o_cust_1');
    expect(order).toMatchObject({ shippingFen: 600, totalFen: 6490 });
    await payOrder(t.cloud, order.orderId, 'o_cust_1');
    const part = await t.cloud.ok<{ refundId: string; refundFen: number }>('order', { action: 'refund', orderId: order.orderId, lineIds: ['L1'] }, 'o_ops'); // staff refund at once (buyers ask through aftersale)
    expect(part.refundFen).toBe(1990);
    expect(await doc(t.cloud, 'refunds', part.refundId)).toMatchObject({ refundFen: 1990, shippingFen: 0, lines: [{ lineId: 'L1', refundFen: 1990 }] });
    const rest = await t.cloud.ok<{ refundId: string; refundFen: number; status: string }>('order', { action: 'refund', orderId: order.orderId }, 'o_ops');
    expect(rest).toMatchObject({ refundFen: 3900 + 600, status: 'refunded' });
    expect(await doc(t.cloud, 'refunds', rest.refundId)).toMatchObject({ refundFen: 4500, shippingFen: 600, lines: [{ lineId: 'L2', refundFen: 3900 }] });
    expect(await doc(t.cloud, 'orders', order.orderId)).toMatchObject({ paidFen: 6490, refundedFen: 6490, status: 'refunded' });
    await finishRefunds(t.cloud); // WeChat Pay's refund notices
    await expectMoneyBalances(t.cloud);
  });

  it('commission never applies to shipping: it is on the lines, which never carry it', async () => {
    const share = await t.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    await t.cloud.ok('share', { action: 'open', shareId: share.shareId }, 'o_cust_1');
    const order = await t.cloud.ok<Order>('order', { action: 'create', items: towel, addressId: HOME, shareId: share.shareId, idempotencyKey: 'ship-commission' }, 'o_cust_1');
    expect(order.totalFen).toBe(2590);
    await payOrder(t.cloud, order.orderId, 'o_cust_1');
    // 10% of the line's ¥19.90, not of the ¥25.90 paid.
    expect(await docs(t.cloud, 'commission_ledger', { orderId: order.orderId })).toEqual([expect.objectContaining({ kind: 'pending', lineId: 'L1', amountFen: 199 })]);
    expect(await doc(t.cloud, 'growth_orders', order.orderId)).toMatchObject({ totalFen: 2590, commissionFen: 199, lines: [expect.objectContaining({ paidFen: 1990, commissionFen: 199 })] });
  });
});
