import { AppError, store, type ActionContext } from '../_platform';
import type { ProductStatus } from '../../shared/catalog';

/**
 * catalog.setStatus {productId, status} → the product on or off the brand pool. Off: every shelf
 * hides it at once (shelf.view, shelf.catalog and shelf.product match `status: 'on'`, orders
 * refuse it) and its forming teams close to joins (`joinsClosedAt`, which the seat's guarded write
 * requires null — shared/lifecycle). On: they reopen. Repeating it changes nothing more.
 * Round trips: 1 caller + 1 product write (+1 read when it was already so) + 1 bulk team write.
 */
export async function setProductStatus(input: { productId: string; status: ProductStatus }, ctx: ActionContext) {
  const changed = await store.guardedUpdate('products', { _id: input.productId }, { status: input.status, statusAt: ctx.now, statusBy: ctx.openid });
  if (!changed && !(await store.getById('products', input.productId))) throw new AppError('NOT_FOUND', `productId: no product ${input.productId}`);
  const teams = await store.updateMany(
    'teams',
    { 'terms.productId': input.productId, status: 'forming' },
    { joinsClosedAt: input.status === 'off' ? ctx.now : null },
  );
  return { productId: input.productId, status: input.status, teams };
}
