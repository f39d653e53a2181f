/** cart: a customer's cart in the cloud, its live view, whole-cart writes, and checkout from it. */
import { useTestCloud } from '../../emulator/testing';
import type { Reply } from '../../shared/contract';
import { doc, HOME, outcomes } from '../../tests/support/commerce';

const t = useTestCloud();
type CartView = Reply<'cart', 'get'>;

const setCart = (openid: string, items: Array<{ skuId: string; qty: number }>) => t.cloud.call<CartView>('cart', { action: 'set', items }, openid);

describe('cart', () => {
  it('a new customer has an empty cart and nothing stored', async () => {
    const cart = await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_1');
    expect(cart).toEqual({ items: [], lineCount: 0, quantity: 0, subtotalFen: 0, maxLines: 20, updatedAt: null });
    expect(await doc(t.cloud, 'carts', 'o_cust_1')).toBeUndefined();
  });

  it('set stores the whole cart and answers live titles, prices and stock; the same set again changes nothing', async () => {
    const items = [{ skuId: 'p04-s2', qty: 2 }, { skuId: 'p12-s1', qty: 1 }];
    const first = await t.cloud.ok<CartView>('cart', { action: 'set', items }, 'o_cust_1');
    expect(first.items).toEqual([
      { skuId: 'p04-s2', productId: 'p04', title: '手工红糖姜茶', skuName: '24 块装', image: expect.stringMatching(new RegExp(`^${t.cloud.url}/_storage/[^/]+/products/p04\\.svg\\?sign=`)), qty: 2, unitPriceFen: 6900, listPriceFen: 8900, stock: 100, available: true, problem: null },
      { skuId: 'p12-s1', productId: 'p12', title: '竹纤维茶巾', skuName: '3 条', image: expect.stringMatching(new RegExp(`^${t.cloud.url}/_storage/[^/]+/products/p12\\.svg\\?sign=`)), qty: 1, unitPriceFen: 1990, listPriceFen: 2990, stock: 30, available: true, problem: null },
    ]);
    expect(first).toMatchObject({ lineCount: 2, quantity: 3, subtotalFen: 2 * 6900 + 1990, updatedAt: t.cloud.now().toISOString() });
    const stored = await doc(t.cloud, 'carts', 'o_cust_1');
    expect(stored).toEqual({ _id: 'o_cust_1', items: [{ skuId: 'p04-s2', productId: 'p04', qty: 2 }, { skuId: 'p12-s1', productId: 'p12', qty: 1 }], updatedAt: t.cloud.now() });

    const again = await t.cloud.ok<CartView>('cart', { action: 'set', items }, 'o_cust_1');
    expect(again).toEqual(first);
    expect(await doc(t.cloud, 'carts', 'o_cust_1')).toEqual(stored);
    expect(await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_1')).toEqual(first);
    // Another customer's cart is their own.
    expect((await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_2')).items).toEqual([]);
  });

  it('get flags the lines that cannot be bought as they stand, and counts only the others in the subtotal', async () => {
    await t.cloud.ok('cart', { action: 'set', items: [{ skuId: 'p03-s1', qty: 1 }, { skuId: 'p05-s1', qty: 1 }, { skuId: 'p06-s1', qty: 3 }, { skuId: 'p08-s1', qty: 1 }, { skuId: 'p12-s1', qty: 2 }] }, 'o_cust_1');
    await t.cloud.db.collection('products').doc('p03').update({ status: 'off' });
    await t.cloud.db.collection('skus').doc('p05-s1').update({ stock: 0 });
    await t.cloud.db.collection('skus').doc('p06-s1').update({ stock: 2 });
    await t.cloud.db.collection('skus').doc('p08-s1').remove();
    const cart = await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_1');
    expect(cart.items.map((l) => [l.skuId, l.available, l.problem, l.stock])).toEqual([
      ['p03-s1', false, 'off_sale', 60],
      ['p05-s1', false, 'sold_out', 0],
      ['p06-s1', false, 'short_stock', 2],
      ['p08-s1', false, 'gone', 0],
      ['p12-s1', true, null, 30],
    ]);
    expect(cart.subtotalFen).toBe(2 * 1990);
  });

  it('set refuses a repeated SKU, an unknown SKU (naming the item) and more than 20 lines, and writes nothing', async () => {
    const kept = await t.cloud.ok<CartView>('cart', { action: 'set', items: [{ skuId: 'p12-s1', qty: 1 }] }, 'o_cust_1');
    const twice = await setCart('o_cust_1', [{ skuId: 'p03-s1', qty: 1 }, { skuId: 'p03-s1', qty: 2 }]);
    expect(twice.ok === false && [twice.error.code, twice.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'items.1.skuId']);
    const unknown = await setCart('o_cust_1', [{ skuId: 'p03-s1', qty: 1 }, { skuId: 'p03-s9', qty: 1 }]);
    expect(unknown.ok === false && [unknown.error.code, unknown.error.message.split(':')[0]]).toEqual(['NOT_FOUND', 'items.1.skuId']);
    const many = await setCart('o_cust_1', Array.from({ length: 21 }, (_, i) => ({ skuId: `p${i}`, qty: 1 })));
    expect(many.ok === false && [many.error.code, many.error.message.split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'items']);
    expect(await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_1')).toEqual(kept);
  });

  it('10 devices setting the cart at once leave exactly one of the carts they sent, never a mix', async () => {
    const carts = Array.from({ length: 10 }, (_, i) => [{ skuId: 'p12-s1', qty: i + 1 }, { skuId: i % 2 ? 'p03-s1' : 'p05-s1', qty: 1 }]);
    expect(outcomes(await Promise.all(carts.map((items) => setCart('o_cust_1', items))))).toEqual({ ok: 10 });
    const stored = (await doc(t.cloud, 'carts', 'o_cust_1')) as unknown as { items: Array<{ skuId: string; qty: number }> };
    const sent = carts.map((items) => JSON.stringify(items));
    expect(sent).toContain(JSON.stringify(stored.items.map(({ skuId, qty }) => ({ skuId, qty }))));
  });

  it('clear empties the cart', async () => {
    await t.cloud.ok('cart', { action: 'set', items: [{ skuId: 'p12-s1', qty: 1 }] }, 'o_cust_1');
    expect(await t.cloud.ok<CartView>('cart', { action: 'clear' }, 'o_cust_1')).toMatchObject({ items: [], lineCount: 0, subtotalFen: 0 });
    expect(await doc(t.cloud, 'carts', 'o_cust_1')).toBeUndefined();
    expect((await t.cloud.ok<CartView>('cart', { action: 'get' }, 'o_cust_1')).items).toEqual([]);
  });
});

describe('checkout from the cart', () => {
  const items = [
    { productId: 'p04', skuId: 'p04-s2', qty: 2 },
    { productId: 'p12', skuId: 'p12-s1', qty: 1 },
  ];

  it('order.create {fromCart} takes the ordered lines out of the cart and leaves the others', async () => {
    await t.cloud.ok('cart', { action: 'set', items: [{ skuId: 'p04-s2', qty: 2 }, { skuId: 'p07-s2', qty: 1 }, { skuId: 'p12-s1', qty: 1 }] }, 'o_cust_1');
    const order = await t.cloud.ok<{ orderId: string; lines: Array<{ skuId: string; qty: number }> }>('order', { action: 'create', items, addressId: HOME, fromCart: true, idempotencyKey: 'cart-checkout-1' }, 'o_cust_1');
    expect(order.lines.map((l) => [l.skuId, l.qty])).toEqual([['p04-s2', 2], ['p12-s1', 1]]);
    expect((await doc(t.cloud, 'carts', 'o_cust_1'))?.items).toEqual([{ skuId: 'p07-s2', productId: 'p07', qty: 1 }]);
    // The same submit again (a retry) answers the same order and leaves the cart as it is.
    const again = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', items, addressId: HOME, fromCart: true, idempotencyKey: 'cart-checkout-1' }, 'o_cust_1');
    expect(again.orderId).toBe(order.orderId);
    expect((await doc(t.cloud, 'carts', 'o_cust_1'))?.items).toEqual([{ skuId: 'p07-s2', productId: 'p07', qty: 1 }]);
  });

  it('without fromCart (buy now) the cart is untouched; a refused order leaves it too', async () => {
    const lines = [{ skuId: 'p04-s2', qty: 2 }, { skuId: 'p12-s1', qty: 1 }];
    await t.cloud.ok('cart', { action: 'set', items: lines }, 'o_cust_1');
    await t.cloud.ok('order', { action: 'create', items, addressId: HOME, idempotencyKey: 'buy-now-0001' }, 'o_cust_1');
    expect((await doc(t.cloud, 'carts', 'o_cust_1'))?.items).toHaveLength(2);
    await t.cloud.db.collection('skus').doc('p12-s1').update({ stock: 0 });
    const refused = await t.cloud.call('order', { action: 'create', items, addressId: HOME, fromCart: true, idempotencyKey: 'cart-sold-out' }, 'o_cust_1');
    expect(refused.ok === false && refused.error.code).toBe('SOLD_OUT');
    expect((await doc(t.cloud, 'carts', 'o_cust_1'))?.items).toHaveLength(2);
  });
});
