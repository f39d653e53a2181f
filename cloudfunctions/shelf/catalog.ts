import { livePromotions, presentProduct, type ProductDoc } from '../../shared/shelf/present';
import { getCommand, getDb, type ActionContext } from '../_platform';

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
  const _ = getCommand();
  const $ = _.aggregate;
  const res = await getDb()
    .collection('settings')
    .aggregate()
    .match({ _id: 'brand' })
    .lookup({
      from: 'products',
      pipeline: $.pipeline()
        .match({ status: 'on' })
        .sort({ sort: 1 })
        .limit(200)
        .lookup({ from: 'skus', localField: '_id', foreignField: 'productId', as: 'skus' })
        .done(),
      as: 'products',
    })
    .lookup({ from: 'coupon_templates', pipeline: $.pipeline().match({ status: 'active' }).done(), as: 'couponTemplates' })
    .lookup({ from: 'group_deals', pipeline: $.pipeline().match({ status: 'active' }).done(), as: 'groupDeals' })
    .end();
  const row = (res.data as CatalogRow[])[0];
  const onShelf = Array.isArray(ctx.user.shelfProductIds) ? (ctx.user.shelfProductIds as string[]) : [];
  if (!row) return { products: [], shelfProductIds: onShelf };
  const promos = livePromotions(row.couponTemplates, row.groupDeals, ctx.now);
  return {
    products: row.products.map((p) => ({ ...presentProduct(p, promos), onShelf: onShelf.includes(p._id) })),
    shelfProductIds: onShelf,
  };
}
