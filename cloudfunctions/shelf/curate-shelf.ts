import { AppError } from '../../shared/errors';
import { getCommand, getDb, type ActionContext } from '../_platform';

/** A salesperson sets the products on their shelf, in order; unknown or off-sale ids are refused. */
export async function curateShelf(input: { productIds: string[] }, ctx: ActionContext) {
  const ids = [...new Set(input.productIds)];
  const _ = getCommand();
  const found = await getDb().collection('products').where({ _id: _.in(ids), status: 'on' }).field({ _id: true }).limit(ids.length).get();
  const known = new Set((found.data as Array<{ _id: string }>).map((d) => d._id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `productIds: not on sale: ${missing.join(', ')}`);
  await getDb().collection('users').doc(ctx.openid).update({ shelfProductIds: ids, shelfUpdatedAt: ctx.now });
  return { productIds: ids };
}
