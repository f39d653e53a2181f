/**
 * Releases an unpaid order (buyer cancel, payment TTL, failed team). The decision's gate comes
 * first: the order's charge is closed at WeChat Pay, so nobody can pay it once its stock is back
 * on sale; a charge paid meanwhile is applied as the payment instead and the order is kept
 * (paying after the timeout returned the stock cannot happen). Then the order's guarded move
 * `pending_pay → cancelled|closed` picks one winner among concurrent releasers and payers; the
 * winner applies the decision's effects (stock, coupon, seat, deal use back). A move whose reply
 * is lost is read back: when the order is released as this command releases it, the effects are
 * applied all the same — each applies once (effects.ts), so applying them again is harmless.
 */
import { store, type ActionContext } from '../../_platform';
import { decideOrder, type CloseReason } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import { applyChange, applyEffect } from '../effects';
import { paymentPort } from '../payment';
import { applyPayment } from './apply-payment';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** `released` by this call; `lost` to another releaser or a payment; `paid`: the charge was paid, the payment applied. */
export type ReleaseOutcome = 'released' | 'lost' | 'paid';

/**
 * Refuses (FAILED_PRECONDITION) an order the table cannot release; throws when the charge cannot be
 * closed (the provider is unreachable or not configured) — then nothing is released.
 */
export async function releaseOrder(ctx: Ctx, order: Order, command: { type: 'cancel' } | { type: 'close'; reason: CloseReason }): Promise<ReleaseOutcome> {
  const decision = decideOrder(order, command, ctx.now);
  if (decision.gate?.type === 'closeCharge') {
    const closing = await paymentPort().closeCharge(decision.gate.orderId);
    if (closing.outcome === 'paid') {
      await applyPayment(ctx, closing.notice);
      return 'paid';
    }
  }
  let won: boolean;
  try {
    won = await applyChange(decision.change);
  } catch (err) {
    const stored = await store.getById<Order>('orders', order._id);
    const released = stored?.status === decision.next && stored.closeReason === decision.change.set.closeReason;
    if (!released) throw err;
    won = true;
  }
  if (!won) return 'lost';
  await Promise.all(decision.effects.map((e) => applyEffect(ctx, e)));
  return 'released';
}
