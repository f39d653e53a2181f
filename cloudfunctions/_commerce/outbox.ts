/**
 * Delivering an order's events to their subscribers: the commerce reactions (coupon and team
 * member moves, the team's payment count and success) and the growth loop.
 */
import type { ActionContext } from '../_platform';
import { onOrderCreated, onOrderPaid, onOrderRefunded } from '../_growth';
import { decideAfterPayment, reactToOrderEvent, teamChange, type Effect, type OrderEvent } from '../../shared/lifecycle';
import type { Team } from '../../shared/groupbuy';
import type { Order } from '../../shared/orders';
import { applyChange, applyChangeReturning, applyEffect } from './effects';
import { orderFacts } from './orders/facts';
import { refundOrder } from './orders/refund-order';
import { mustWrite } from './steps';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** What delivering an order's events did that its caller reports. */
export interface Delivery {
  /** The order was paid into a team that could no longer take the payment, and was refunded. */
  refundedForTeam: boolean;
}

/**
 * A member's payment counted on its team (only when the member's own move won, so a replay never
 * counts twice); the last payer's count moves the team to `succeeded`. False when the team could
 * not take the payment (expired or failed meanwhile).
 */
async function countTeamPayment(ctx: Ctx, order: Order): Promise<boolean> {
  if (!order.teamId || !order.dealTerms) return true;
  const change = teamChange(order.teamId, order.dealTerms.groupSize, { type: 'countPayment' }, ctx.now);
  const after = decideAfterPayment(await mustWrite(() => applyChangeReturning<Team>(change)), ctx.now);
  if (after.type === 'succeed') await mustWrite(() => applyChange(after.decision.change));
  return after.type !== 'reject';
}

/** Applies the reactions to one event; returns false when the team rejected the payment. */
async function react(ctx: Ctx, order: Order, event: OrderEvent): Promise<{ teamTookPayment: boolean; failure?: unknown }> {
  let teamTookPayment = true;
  const apply = async (effect: Effect) => {
    const won = await applyEffect(ctx, effect);
    if (effect.type === 'payMember' && won) teamTookPayment = await countTeamPayment(ctx, order);
  };
  const settled = await Promise.allSettled(reactToOrderEvent(order, event).map(apply));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { teamTookPayment, failure: failed?.reason };
}

async function growth(ctx: Ctx, order: Order, event: OrderEvent): Promise<void> {
  if (event.type === 'OrderCreated') await onOrderCreated(ctx, orderFacts(order));
  if (event.type === 'OrderPaid') await onOrderPaid(ctx, orderFacts(order));
  if (event.type === 'OrderRefunded') await onOrderRefunded(ctx, orderFacts(order), event.lines.map((l) => ({ ...l, refundId: event.refundId })));
}

/**
 * Delivers `events` of `order` in the order they happened: reactions, then growth (which runs even
 * when a reaction failed; the failure is thrown after it). A payment the team could not take is
 * refunded, and that refund's events are delivered too.
 */
export async function deliver(ctx: Ctx, order: Order, events: OrderEvent[]): Promise<Delivery> {
  let refundedForTeam = false;
  for (const event of events) {
    const reaction = await react(ctx, order, event);
    await growth(ctx, order, event);
    if (reaction.failure) throw reaction.failure;
    if (!reaction.teamTookPayment) {
      // Never keep a rejected payer's money.
      const refunded = await refundOrder(ctx, order._id, undefined, 'team_failed');
      await deliver(ctx, refunded.order, refunded.events);
      refundedForTeam = true;
    }
  }
  return { refundedForTeam };
}
