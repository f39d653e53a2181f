import { getTempFileUrls, store } from '../_platform';
import type { StoredProduct, StoredSku } from '../../shared/catalog';
import type { ResultOf } from '../../shared/contract';
import type { catalog } from '../../shared/contract/catalog';

/** A product as the back office shows it (the contract's `catalogProductSchema`). */
export type CatalogProduct = ResultOf<typeof catalog.get>;

/** Temporary URLs for the `cloud://` images among `products` (one storage call; none when there are none). */
export function imageUrls(products: Array<Pick<StoredProduct, 'images'>>): Promise<Map<string, string>> {
  const ids = [...new Set(products.flatMap((p) => p.images ?? []).filter((i) => i.startsWith('cloud://')))];
  return getTempFileUrls(ids);
}

/** A stored product and its SKUs as the back office shows them; images get their URL from `urls`. */
export function presentProduct(p: StoredProduct, skus: StoredSku[], urls: Map<string, string>): CatalogProduct {
  const rows = skus
    .filter((s) => s.productId === p._id)
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id))
    .map((s) => ({ skuId: s._id, name: s.name, priceFen: s.priceFen, listPriceFen: s.listPriceFen, stock: Math.max(0, s.stock), sold: Math.max(0, s.sold ?? 0) }));
  return {
    productId: p._id,
    title: p.title,
    subtitle: p.subtitle ?? '',
    category: p.category ?? '',
    status: p.status === 'on' ? 'on' : 'off',
    images: (p.images ?? []).map((fileId) => ({ fileId, url: fileId.startsWith('cloud://') ? urls.get(fileId) ?? '' : fileId })),
    skus: rows,
    stock: rows.reduce((n, s) => n + s.stock, 0),
    createdAt: new Date(p.createdAt ?? 0),
  };
}

/** The SKUs of some products: one query (≤ 20 SKUs a product). */
export function skusOf(productIds: string[]): Promise<StoredSku[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return store.find<StoredSku>('skus', { productId: store.command().in(productIds) }, { limit: Math.min(1000, productIds.length * 20) });
}
