import { AppError, store, type ActionContext } from '../_platform';
import type { ProductStatus, StoredProduct } from '../../shared/catalog';
import { imageUrls, presentProduct, skusOf } from './present';

/** Products a page of the back office list shows. */
export const PRODUCTS_PAGE = 20;

/**
 * catalog.list {cursor?, status?} → products newest first, 20 a page, with SKUs and image URLs.
 * Round trips: 1 caller + 1 page of products + 1 of their SKUs + 1 storage call for image URLs.
 */
export async function listProducts(input: { cursor?: string; status?: ProductStatus }, _ctx: ActionContext) {
  const page = await store.findPage<StoredProduct>('products', input.status ? { status: input.status } : {}, {
    orderBy: ['createdAt', 'desc'],
    limit: PRODUCTS_PAGE,
    cursor: input.cursor,
  });
  const [skus, urls] = await Promise.all([skusOf(page.items.map((p) => p._id)), imageUrls(page.items)]);
  return { products: page.items.map((p) => presentProduct(p, skus, urls)), nextCursor: page.nextCursor };
}

/** catalog.get {productId} → one product. Round trips: 1 caller + 1 product + 1 SKUs + 1 storage call. */
export async function getProduct(input: { productId: string }, _ctx: ActionContext) {
  const [product, skus] = await Promise.all([store.getById<StoredProduct>('products', input.productId), skusOf([input.productId])]);
  if (!product) throw new AppError('NOT_FOUND', `productId: no product ${input.productId}`);
  return presentProduct(product, skus, await imageUrls([product]));
}
