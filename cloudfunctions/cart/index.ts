/**
 * cart: the caller's cart, kept in the cloud (`carts/{openid}`). `get` answers live titles,
 * prices and stock with one aggregate; `set` replaces the whole cart (safe to repeat); `clear`
 * empties it. Round trips: get 2, set 3, clear 2 (caller included).
 */
import { action, defineFunction, store, withFileUrls } from '../_platform';
import { cart as contract } from '../../shared/contract';
import { decideCartItems, viewCart, type CartDoc, type LiveProduct, type LiveSku } from '../../shared/cart';

type CartRow = CartDoc & { _skus?: LiveSku[]; _products?: LiveProduct[] };

/**
 * The caller's cart with the SKUs and products its lines name: one aggregate. The joins match
 * `_id ∈ the lines' ids` (the shelf's pattern) rather than an array `localField`, which the local
 * cloud's mingo answers with a hole for an id that matches nothing.
 */
async function readCart(openid: string): Promise<{ doc: CartDoc | null; skus: LiveSku[]; products: LiveProduct[] }> {
  const _ = store.command();
  const $ = _.aggregate;
  const byIds = (ids: string) => $.pipeline().match(_.expr($.in(['$_id', $.ifNull([ids, []])]))).done();
  const res = await store
    .aggregate('carts')
    .match({ _id: openid })
    .limit(1)
    .lookup({ from: 'skus', let: { ids: '$items.skuId' }, pipeline: byIds('$$ids'), as: '_skus' })
    .lookup({ from: 'products', let: { ids: '$items.productId' }, pipeline: byIds('$$ids'), as: '_products' })
    .end();
  const row = store.aggregateRows<CartRow>(res)[0];
  if (!row) return { doc: null, skus: [], products: [] };
  const { _skus, _products, ...doc } = row;
  return { doc, skus: _skus ?? [], products: _products ?? [] };
}

/** The SKUs named (each with its product): one aggregate. */
async function readSkus(skuIds: string[]): Promise<{ skus: LiveSku[]; products: LiveProduct[] }> {
  if (skuIds.length === 0) return { skus: [], products: [] };
  const res = await store
    .aggregate('skus')
    .match({ _id: store.command().in(skuIds) })
    .limit(skuIds.length)
    .lookup({ from: 'products', localField: 'productId', foreignField: '_id', as: '_products' })
    .end();
  const rows = store.aggregateRows<LiveSku & { _products?: LiveProduct[] }>(res);
  return { skus: rows.map(({ _products, ...sku }) => sku), products: rows.flatMap((r) => r._products ?? []) };
}

export const main = defineFunction('cart', {
  get: action(contract.get)({
    run: async (_input, ctx) => {
      const { doc, skus, products } = await readCart(ctx.openid);
      return withFileUrls(viewCart(doc, skus, products));
    },
  }),

  set: action(contract.set)({
    run: async (input, ctx) => {
      const { skus, products } = await readSkus([...new Set(input.items.map((i) => i.skuId))]);
      const doc: CartDoc = { _id: ctx.openid, items: decideCartItems(input.items, skus), updatedAt: ctx.now };
      const { _id, ...fields } = doc;
      await store.setById('carts', _id, fields);
      return withFileUrls(viewCart(doc, skus, products));
    },
  }),

  clear: action(contract.clear)({
    run: async (_input, ctx) => {
      await store.removeById('carts', ctx.openid);
      return viewCart(null, [], []);
    },
  }),
});
