import { presentProduct, type ProductDoc } from '../../shared/shelf/present';
import { store, withFileUrls, type ActionContext } from '../_platform';
import { SKUS_LOOKUP } from '../_commerce/product-lookups';
import { callerPromotions, loadBrandWithPromotions } from './promotions';

interface CatalogRow {
  _id: string;
  products: ProductDoc[];
  couponTemplates: unknown[];
  groupDeals: unknown[];
}

/**
 * The brand's whole catalogue for a salesperson curating their shelf: every product on sale
 * (with SKUs and live promotion badges) and whether it is on the caller's shelf, in one aggregate.
 */
export async function viewCatalog(_input: Record<string, never>, ctx: ActionContext) {
  const $ = store.command().aggregate;
  const row = await loadBrandWithPromotions<CatalogRow>({
    from: 'products',
    pipeline: $.pipeline()
      .match({ status: 'on' })
      .sort({ sort: 1, _id: 1 })
      .limit(200)
      .lookup(SKUS_LOOKUP)
      .done(),
    as: 'products',
  });
  const onShelf = Array.isArray(ctx.user.shelfProductIds) ? (ctx.user.shelfProductIds as string[]) : [];
  if (!row) return { products: [], shelfProductIds: onShelf };
  const promos = callerPromotions(row, ctx);
  return withFileUrls({
    products: row.products.map((p) => ({ ...presentProduct(p, promos), onShelf: onShelf.includes(p._id) })),
    shelfProductIds: onShelf,
  });
}
