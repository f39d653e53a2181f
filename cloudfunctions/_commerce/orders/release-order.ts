/**
 * Releases an unpaid order (buyer cancel, payment TTL, failed team): the order's guarded move
 * `pending_pay → cancelled|closed` picks one winner among concurrent releasers and payers; the
 * winner applies the decision's effects (stock, coupon, seat, deal use back). A move whose reply is
 * lost is read back: when the order is released as this command releases it, the effects are
 * applied all the same — each applies once (effects.ts), so applying them again is harmless.
 */
import { store, type ActionContext } from '../../_platform';
import { decideOrder, type CloseReason } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import { applyChange, applyEffect } from '../effects';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** True when this call released the order. Refuses (FAILED_PRECONDITION) an order the table cannot release. */
export async function releaseOrder(ctx: Ctx, order: Order, command: { type: 'cancel' } | { type: 'close'; reason: CloseReason }): Promise<boolean> {
  const decision = decideOrder(order, command, ctx.now);
  let won: boolean;
  try {
    won = await applyChange(decision.change);
  } catch (err) {
    const stored = await store.getById<Order>('orders', order._id);
    const released = stored?.status === decision.next && stored.closeReason === decision.change.set.closeReason;
    if (!released) throw err;
    won = true;
  }
  if (!won) return false;
  await Promise.all(decision.effects.map((e) => applyEffect(ctx, e)));
  return true;
}
