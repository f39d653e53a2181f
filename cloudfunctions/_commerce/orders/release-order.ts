/**
 * Releases an unpaid order (buyer cancel, payment TTL, failed team). The decision's gate comes
 * first: the order's charge is closed at WeChat Pay, so nobody can pay it once its stock is back
 * on sale; a charge paid meanwhile is applied as the payment instead and the order is kept
 * (paying after the timeout returned the stock cannot happen). Then the order's guarded move
 * `pending_pay → cancelled|closed` picks one winner among concurrent releasers and payers; only
 * the winner applies the decision's effects (stock, coupon, seat, deal use back).
 */
import type { ActionContext } from '../../_platform';
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
  if (!(await applyChange(decision.change))) return 'lost';
  await Promise.all(decision.effects.map((e) => applyEffect(ctx, e)));
  return 'released';
}
