import { cartProblem, decideCartItems, viewCart, type LiveProduct, type LiveSku } from './cart';

const NOW = new Date('2026-06-01T02:00:00Z');
const sku = (id: string, productId: string, priceFen: number, stock: number): LiveSku => ({ _id: id, productId, name: id, priceFen, listPriceFen: priceFen + 100, stock });
const product = (id: string, status = 'on'): LiveProduct => ({ _id: id, title: `T${id}`, status, images: [`/${id}.svg`] });

describe('cart', () => {
  it.each([
    [1, sku('s', 'p', 100, 5), product('p'), null],
    [5, sku('s', 'p', 100, 5), product('p'), null],
    [6, sku('s', 'p', 100, 5), product('p'), 'short_stock'],
    [1, sku('s', 'p', 100, 0), product('p'), 'sold_out'],
    [1, sku('s', 'p', 100, 5), product('p', 'off'), 'off_sale'],
    [1, undefined, product('p'), 'gone'],
    [1, sku('s', 'p', 100, 5), undefined, 'gone'],
  ] as const)('qty %i of %j / %j → %s', (qty, s, p, problem) => {
    expect(cartProblem(qty, s, p)).toBe(problem);
  });

  it('the view keeps the stored order, shows live prices and counts only available lines in the subtotal', () => {
    const v = viewCart(
      { items: [{ skuId: 'a', productId: 'p1', qty: 2 }, { skuId: 'b', productId: 'p2', qty: 1 }, { skuId: 'c', productId: 'p3', qty: 1 }], updatedAt: NOW },
      [sku('a', 'p1', 1000, 9), sku('b', 'p2', 500, 0)],
      [product('p1'), product('p2')],
    );
    expect(v.items.map((l) => [l.skuId, l.title, l.unitPriceFen, l.available, l.problem])).toEqual([
      ['a', 'Tp1', 1000, true, null],
      ['b', 'Tp2', 500, false, 'sold_out'],
      ['c', '', 0, false, 'gone'],
    ]);
    expect(v).toMatchObject({ lineCount: 3, quantity: 4, subtotalFen: 2000, maxLines: 20, updatedAt: NOW });
    expect(viewCart(null, [], [])).toEqual({ items: [], lineCount: 0, quantity: 0, subtotalFen: 0, maxLines: 20, updatedAt: null });
  });

  it('a whole cart: each SKU once and known, its product id taken from the SKU', () => {
    const skus = [sku('a', 'p1', 1, 1), sku('b', 'p2', 1, 1)];
    expect(decideCartItems([{ skuId: 'b', qty: 3 }, { skuId: 'a', qty: 1 }], skus)).toEqual([{ skuId: 'b', productId: 'p2', qty: 3 }, { skuId: 'a', productId: 'p1', qty: 1 }]);
    expect(() => decideCartItems([{ skuId: 'a', qty: 1 }, { skuId: 'a', qty: 2 }], skus)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^items\.1\.skuId:/) }));
    expect(() => decideCartItems([{ skuId: 'z', qty: 1 }], skus)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/^items\.0\.skuId:/) }));
    expect(decideCartItems([], skus)).toEqual([]);
  });
});
