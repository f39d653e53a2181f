import { AppError } from '../../shared/errors';
import { store, type ActionContext } from '../_platform';

/** A salesperson sets the products on their shelf, in order; unknown or off-sale ids are refused. */
export async function curateShelf(input: { productIds: string[] }, ctx: ActionContext) {
  const ids = [...new Set(input.productIds)];
  const found = await store.find<{ _id: string }>('products', { _id: store.command().in(ids), status: 'on' }, { limit: ids.length, fields: { _id: true } });
  const known = new Set(found.map((d) => d._id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `productIds: not on sale: ${missing.join(', ')}`);
  await store.updateById('users', ctx.openid, { shelfProductIds: ids, shelfUpdatedAt: ctx.now });
  return { productIds: ids };
}
