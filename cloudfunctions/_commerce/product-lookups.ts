import { store, type CollectionName } from '../_platform';

/** A `$lookup` of a product's SKUs (`skus`). */
export const SKUS_LOOKUP = { from: 'skus', localField: '_id', foreignField: 'productId', as: 'skus' };

/**
 * A `$lookup` of the documents of `from` whose `_id` is in the outer document's array at
 * `idsField` (e.g. `'$card.featuredProductIds'`; absent: none), at most `limit`; products come
 * with their SKUs, only those on sale when `onSale`. Order is not the array's: callers sort.
 */
export function lookupByIds(from: Extract<CollectionName, 'products' | 'materials'>, idsField: string, as: string, opts: { limit: number; onSale?: boolean }) {
  const _ = store.command();
  const $ = _.aggregate;
  let pipeline = $.pipeline().match(_.expr($.in(['$_id', $.ifNull(['$$ids', []])])));
  if (opts.onSale) pipeline = pipeline.match({ status: 'on' });
  pipeline = pipeline.limit(opts.limit);
  if (from === 'products') pipeline = pipeline.lookup(SKUS_LOOKUP);
  return { from, let: { ids: idsField }, pipeline: pipeline.done(), as };
}
