/**
 * Receipt of a shipped order (`shipped → received`), by its buyer or by the sweep N days after
 * shipping. One guarded write decides between them: when both try at once exactly one moves the
 * order, and the other answers with the order as received (the buyer's confirmation is then the
 * same answer, not an error).
 */
import { AppError, store, type ActionContext } from '../../_platform';
import { decideOrder } from '../../../shared/lifecycle';
import type { Order, ReceivedBy } from '../../../shared/orders';
import { applyChangeReturning } from '../effects';

type Ctx = Pick<ActionContext, 'now'>;

const RECEIVED: ReadonlyArray<Order['status']> = ['received', 'completed'];

/**
 * Confirms receipt of `order` as read; `shippedBefore` (the sweep) also requires the order to have
 * shipped before that instant. Returns the order as it is now and whether this call moved it.
 * Round trips: 1 (a lost race: 1 more read).
 */
export async function confirmReceipt(ctx: Ctx, order: Order, by: ReceivedBy, shippedBefore?: Date): Promise<{ order: Order; moved: boolean }> {
  if (RECEIVED.includes(order.status)) return { order, moved: false };
  const decision = decideOrder(order, { type: 'confirmReceipt', by, shippedBefore }, ctx.now);
  const won = await applyChangeReturning<Order>(decision.change);
  if (won) return { order: won, moved: true };
  const now = await store.getById<Order>('orders', order._id);
  if (now && RECEIVED.includes(now.status)) return { order: now, moved: false };
  throw new AppError('FAILED_PRECONDITION', `the order is ${now?.status ?? 'gone'}`);
}
