/**
 * The one consumer of order events. A move records its events in the order's outbox in the same
 * write (the order insert, the paid update, a shipment, the refund and after-sale transactions,
 * completion); right after it, the request delivers them here to their subscribers — the commerce
 * reactions (coupon and member moves, the move to the warehouse, the team's payment count and
 * success), the growth loop, the customer stream and the subscribe messages — and marks each handled. An event whose
 * delivery did not finish (an error, a crashed process) stays pending and the sweep delivers it
 * again: every reaction is a guarded move and every growth effect is idempotent per event.
 */
import { store, type ActionContext } from '../_platform';
import { applyGrowthOf, isCountOnly } from '../_growth/subscriber';
import { applyCustomerStreamOf } from '../_customers/order-events';
import { notifyOf } from './notify';
import { decideAfterPayment, reactToOrderEvent, recordEvents, shipTeamEffect, teamChange, type Effect, type OrderEvent } from '../../shared/lifecycle';
import type { Team } from '../../shared/groupbuy';
import type { Order } from '../../shared/orders';
import { applyChange, applyChangeReturning, applyEffect } from './effects';
import { refundOrder } from './orders/refund-order';
import { mustWrite } from './steps';
import { applySuccessEffects } from './team-success';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** Events younger than this are left to the request that recorded them; the sweep delivers older ones. */
export const REDELIVER_AFTER_MS = 60_000;

/** What delivering an order's events did that its caller reports. */
export interface Delivery {
  /** The order as it is after delivery (refunded, when its team could not take the payment). */
  order: Order;
  /** The order was paid into a team that could no longer take the payment, and was refunded. */
  refundedForTeam: boolean;
}

/** Marks one event handled, once (1 round trip; false when someone else already did). */
function markHandled(orderId: string, eventId: string): Promise<boolean> {
  const _ = store.command();
  return mustWrite(() => store.guardedUpdate('orders', { _id: orderId, outboxPending: eventId }, { outboxPending: _.pull(eventId), outboxPendingCount: _.inc(-1) }));
}

/** What a member's payment did to its team. */
type TeamOutcome = { takes: boolean; succeeded: boolean };

/**
 * Whether the member's team takes the payment. The team counts the order's payment once (its
 * `paidOrders` marker), whoever delivers the event and however often; when the count matched
 * nothing (counted before, by a delivery whose reply was lost or that stopped half-way; or a team
 * that can no longer count) the team is read. A team that counted it keeps it, and the last
 * counted seat makes it succeed; a failed or expired team that never counted it does not — the
 * order is then refunded (`takes` false). Once the team succeeded its paid orders go to the warehouse
 * (`shipTeam`). Round trips: 1, +1 read when the count matched nothing, +2 success.
 */
async function teamTakesPayment(ctx: Ctx, order: Order): Promise<TeamOutcome> {
  if (!order.teamId || !order.dealTerms) return { takes: true, succeeded: false };
  const teamId = order.teamId;
  const change = teamChange(teamId, order.dealTerms.groupSize, { type: 'countPayment', orderId: order._id }, ctx.now);
  const counted = await mustWrite(() => applyChangeReturning<Team>(change));
  const team = counted ?? (await store.getById<Team>('teams', teamId));
  const after = decideAfterPayment(team, order._id, ctx.now);
  if (after.type === 'reject') return { takes: false, succeeded: false };
  if (after.type === 'succeed') await mustWrite(() => applyChange(after.decision.change));
  // The team's orders go to the warehouse once it succeeded — also on a re-delivery after the
  // success was written with its reply lost (shipTeam moves only the team's orders still paid).
  const succeeded = after.type === 'succeed' || team?.status === 'succeeded';
  // A ladder team's difference refunds follow (the sweep settles the ones this request could not make).
  if (succeeded && team) await applySuccessEffects(ctx, after.type === 'succeed' ? after.effects : [shipTeamEffect(team)]);
  return { takes: true, succeeded };
}

/** Applies the commerce reactions to one event (in parallel); the first failure is returned, not thrown. */
async function react(ctx: Ctx, order: Order, event: OrderEvent): Promise<{ team: TeamOutcome; failure?: unknown }> {
  let team: TeamOutcome = { takes: true, succeeded: false };
  const apply = async (effect: Effect) => {
    await applyEffect(ctx, effect);
    if (effect.type === 'payMember') team = await teamTakesPayment(ctx, order);
  };
  const settled = await Promise.allSettled(reactToOrderEvent(order, event).map(apply));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  return { team, failure: failed?.reason };
}

/**
 * After a team succeeded, each of its orders records `TeamSucceeded` (and a ladder team's
 * difference refunds their `OrderRefunded`): the orders other than `current` are delivered now
 * (each on its own: one failing is left to the sweep), and `current`'s own new events are picked
 * up from its stored copy. 1 read + their deliveries.
 */
export async function deliverTeam(ctx: Ctx, teamId: string, current?: Order): Promise<Order | undefined> {
  const orders = await store.find<Order>('orders', { teamId, status: 'to_ship' }, { limit: 100 });
  await Promise.all(
    orders
      .filter((o) => o._id !== current?._id)
      .map((o) => deliver(ctx, o).catch((err: unknown) => console.error(`[outbox] request ${ctx.requestId}: events of order ${o._id} still pending`, err))),
  );
  return orders.find((o) => o._id === current?._id) ?? current;
}

/**
 * Delivers `order`'s pending events in the order they happened, each to the commerce reactions
 * then to the growth loop (which runs even when a reaction failed), the customer stream (idempotent: a deterministic event id, a summary guarded by it), then its messages, and marks
 * it handled; the first event that fails stops delivery (it and later events stay pending) and is
 * thrown. A payment its team could not take is refunded, and that refund's event is delivered
 * too; a payment that made its team succeed delivers the team's orders' `TeamSucceeded`.
 * Counter-only events (OrderCreated) are marked first and applied by the request that marked
 * them: at most once (the customer stream records them before the mark: at least once, never
 * twice). Round trips: the subscribers' own, plus 1 per event marked handled.
 */
export async function deliver(ctx: Ctx, order: Order): Promise<Delivery> {
  // Orders stored before outboxes existed have none.
  let current: Order = { ...order, ...recordEvents(order, []) };
  let refundedForTeam = false;
  for (let guard = 0; guard < 50 && current.outboxPending.length > 0; guard++) {
    const [id, ...rest] = current.outboxPending;
    const event = current.outbox.find((e) => e.id === id);
    if (!event || isCountOnly(event)) {
      if (event) await applyCustomerStreamOf(ctx, current, event);
      if ((await markHandled(current._id, id)) && event) await applyGrowthOf(ctx, current, event);
      current = { ...current, outboxPending: rest };
      continue;
    }
    const reaction = await react(ctx, current, event);
    const facts = await applyGrowthOf(ctx, current, event);
    await applyCustomerStreamOf(ctx, current, event);
    if (reaction.failure) throw reaction.failure;
    await notifyOf(ctx, current, event, facts);
    if (!reaction.team.takes) {
      // Never keep a rejected payer's money; the refund records its own event, delivered next.
      current = (await refundOrder(ctx, current._id, undefined, 'team_failed')).order;
      refundedForTeam = true;
    }
    await markHandled(current._id, id);
    current = { ...current, outboxPending: current.outboxPending.filter((x) => x !== id) };
    if (reaction.team.succeeded && current.teamId) current = (await deliverTeam(ctx, current.teamId, current)) ?? current;
  }
  return { order: current, refundedForTeam };
}

/**
 * The sweep's half of the outbox: delivers again the events of orders whose oldest pending event
 * is older than {@link REDELIVER_AFTER_MS}. Each order on its own (one failing never blocks the
 * others); returns how many orders were delivered completely.
 */
export async function redeliver(ctx: Ctx, orders: Order[]): Promise<number> {
  const due = orders.filter((o) => {
    const first = o.outbox.find((e) => e.id === o.outboxPending[0]);
    return !first || new Date(first.at).getTime() <= ctx.now.getTime() - REDELIVER_AFTER_MS;
  });
  const done = await Promise.all(
    due.map((o) =>
      deliver(ctx, o).then(
        () => true,
        (err: unknown) => {
          console.error(`[outbox] request ${ctx.requestId}: events of order ${o._id} still pending`, err);
          return false;
        },
      ),
    ),
  );
  return done.filter(Boolean).length;
}
