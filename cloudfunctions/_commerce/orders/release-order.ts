/**
 * Releases an unpaid order (buyer cancel, payment TTL, failed team): the order's guarded move
 * `pending_pay → cancelled|closed` picks one winner among concurrent releasers and payers; only
 * the winner applies the decision's effects (stock, coupon, seat, deal use back).
 */
import type { ActionContext } from '../../_platform';
import { decideOrder, type CloseReason } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import { applyChange, applyEffect } from '../effects';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** True when this call released the order. Refuses (FAILED_PRECONDITION) an order the table cannot release. */
export async function releaseOrder(ctx: Ctx, order: Order, command: { type: 'cancel' } | { type: 'close'; reason: CloseReason }): Promise<boolean> {
  const decision = decideOrder(order, command, ctx.now);
  if (!(await applyChange(decision.change))) return false;
  await Promise.all(decision.effects.map((e) => applyEffect(ctx, e)));
  return true;
}
