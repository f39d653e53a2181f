import { store } from '../_platform';

/**
 * The aggregate of one product on sale with its SKUs (`skus`) and group deals (`groupDeals`);
 * callers add their own lookups and `.end()` it. One round trip.
 */
export function productWithDeals(productId: string) {
  return store
    .aggregate('products')
    .match({ _id: productId, status: 'on' })
    .limit(1)
    .lookup({ from: 'skus', localField: '_id', foreignField: 'productId', as: 'skus' })
    .lookup({ from: 'group_deals', localField: '_id', foreignField: 'productId', as: 'groupDeals' });
}
