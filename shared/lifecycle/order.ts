/**
 * The order decider: `decideOrder(order, command, now) → { change, next, effects }`. The change
 * is the order's own guarded write (the table's source states plus `requires`); the effects are
 * what that move does to stock, coupons, seats and money, and the events it records.
 */
import { AppError } from '../errors';
import { sumFen } from '../money/split';
import { NEW_REFUND_FIELDS, type Order, type OrderLine, type Refund } from '../orders/order';
import type { Team } from '../groupbuy/team';
import type { EntityChange } from './change';
import { stockHoldId, type Effect, type Gate } from './effects';
import { orderPaid, orderRefunded } from './events';
import { canMove, nextState } from './machine';
import { lineMachine, orderMachine, teamMachine, type LineState, type OrderMove, type OrderStatus } from './tables';

/** Why an unpaid order was closed. */
export type CloseReason = 'pay_timeout' | 'team_failed';

/**
 * Why the sweep closes an unpaid order past its pay deadline: a member order of a team that has
 * failed or expired is closed because of the team, whichever sweep step reaches it first (the
 * reason must not depend on which of two concurrent sweeps wins).
 * @example closeReasonFor({ teamId: 't1' }, { status: 'forming', expiresAt: past }, now) // 'team_failed'
 */
export function closeReasonFor(
  order: Pick<Order, 'teamId'>,
  team: Pick<Team, 'status' | 'expiresAt'> | undefined,
  now: Date,
): CloseReason {
  if (!order.teamId || !team) return 'pay_timeout';
  return team.status === 'failed' || team.expiresAt.getTime() <= now.getTime() ? 'team_failed' : 'pay_timeout';
}

/** What can be asked of an order. Money in fen. */
export type OrderCommand =
  /** The provider says the order was paid with `tradeNo`. */
  | { type: 'pay'; tradeNo: string; amountFen: number }
  /** The buyer gives up an unpaid order. */
  | { type: 'cancel' }
  /** The sweep releases an unpaid order. */
  | { type: 'close'; reason: CloseReason }
  /** Refund `lineIds` (every open line when omitted); `refundIdFor` names the refund from its sorted line ids. */
  | { type: 'refund'; lineIds?: readonly string[]; reason: string; provider: string; refundIdFor: (lineIds: string[]) => string }
  /** Money arrived for an order that was released meanwhile: keep the record, send it back. */
  | { type: 'acceptLatePayment'; tradeNo: string; amountFen: number; provider: string; refundId: string };

/**
 * An order decision: the order's own guarded write, the state it leads to, its effects — and, for a
 * release, the gate that must pass at the payment provider before the write is made.
 */
export interface OrderDecision {
  change: Extract<EntityChange, { entity: 'order' }>;
  next: OrderStatus;
  effects: Effect[];
  gate?: Gate;
}

/** The state of an order line in {@link lineMachine}. */
export function lineStateOf(line: Pick<OrderLine, 'refundId'>): LineState {
  return line.refundId === null ? 'open' : 'refunded';
}

function orderChange(orderId: string, move: OrderMove, set: Record<string, unknown>, requires: EntityChange['requires'] = []): OrderDecision['change'] {
  return { entity: 'order', id: orderId, move, requires, set, inc: {} };
}

/**
 * The payment move without reading the order: payNotify writes it blind, and the guard (the
 * table's `pending_pay`, the exact amount) decides whether it wins.
 * @example payDecision('o1', { tradeNo: 'wx1', amountFen: 9900 }, now).change.requires // [totalFen = 9900]
 */
export function payDecision(orderId: string, payment: { tradeNo: string; amountFen: number }, now: Date): OrderDecision {
  return {
    change: orderChange(
      orderId,
      'pay',
      { status: 'paid', paidAt: now, tradeNo: payment.tradeNo, paidFen: payment.amountFen, updatedAt: now },
      [{ field: 'totalFen', op: 'eq', value: payment.amountFen }],
    ),
    next: 'paid',
    effects: [{ type: 'emit', event: orderPaid(now) }],
  };
}

/** The effects of releasing an unpaid order: everything it reserved comes back. */
function releaseEffects(order: Order): Effect[] {
  const effects: Effect[] = order.lines.map((l) => ({ type: 'returnStock', skuId: l.skuId, qty: l.qty, holdId: stockHoldId(order._id, l.lineId) }));
  if (order.couponId) effects.push({ type: 'releaseCoupon', couponId: order.couponId, orderId: order._id });
  if (order.teamId && order.memberId) effects.push({ type: 'releaseSeat', teamId: order.teamId, memberId: order.memberId, orderId: order._id });
  if (order.dealTerms?.perUserLimit) effects.push({ type: 'uncountDealUse', dealId: order.dealTerms._id, openid: order.buyerOpenid, orderId: order._id });
  return effects;
}

function decideRefund(order: Order, command: Extract<OrderCommand, { type: 'refund' }>, now: Date): OrderDecision {
  if (!canMove(orderMachine, 'refundAll', order.status)) {
    throw new AppError('FAILED_PRECONDITION', `an order in status ${order.status} cannot be refunded`);
  }
  const open = order.lines.filter((l) => lineStateOf(l) === 'open');
  let chosen: OrderLine[];
  if (command.lineIds === undefined) {
    chosen = open;
  } else {
    const wanted = [...new Set(command.lineIds)];
    for (const id of wanted) {
      const line = order.lines.find((l) => l.lineId === id);
      if (!line) throw new AppError('INVALID_ARGUMENT', `lineIds: no line ${id} in this order`);
      if (!canMove(lineMachine, 'refund', lineStateOf(line))) throw new AppError('FAILED_PRECONDITION', `line ${id} is already refunded`);
    }
    chosen = order.lines.filter((l) => wanted.includes(l.lineId));
  }
  if (chosen.length === 0) throw new AppError('FAILED_PRECONDITION', 'nothing left to refund');
  const full = chosen.length === open.length;
  const move: OrderMove = full ? 'refundAll' : 'refundPart';
  const next = nextState(orderMachine, move, order.status);
  const chosenIds = new Set(chosen.map((l) => l.lineId));
  const refundId = command.refundIdFor([...chosenIds].sort());
  const lines = chosen.map((l) => ({ lineId: l.lineId, refundFen: l.paidFen - l.refundedFen }));
  // Refunding the last lines gives the shipping back too: nothing has shipped yet (fulfilment will
  // decide what a refund after shipping returns; the fee is stored apart for that).
  const shippingFen = full ? (order.shippingFen ?? 0) : 0;
  const refundFen = sumFen(lines.map((l) => l.refundFen)) + shippingFen;
  const nextLines = order.lines.map((l) => (chosenIds.has(l.lineId) ? { ...l, refundedFen: l.paidFen, refundId } : l));
  const refund: Refund = {
    _id: refundId,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    tradeNo: order.tradeNo,
    lines,
    shippingFen,
    refundFen,
    reason: command.reason,
    provider: command.provider,
    createdAt: now,
    ...NEW_REFUND_FIELDS,
  };
  return {
    change: orderChange(order._id, move, { lines: nextLines, refundedFen: order.refundedFen + refundFen, status: next, updatedAt: now }),
    next,
    effects: [
      { type: 'refund', refund, orderTotalFen: order.totalFen },
      ...chosen.map((l): Effect => ({ type: 'restock', skuId: l.skuId, qty: l.qty, holdId: stockHoldId(order._id, l.lineId) })),
      { type: 'emit', event: orderRefunded(now, { refundId, lines, full }) },
    ],
  };
}

/**
 * Decides what `command` does to `order` at `now`. Refusals: a move the table does not allow →
 * FAILED_PRECONDITION; a payment of another amount → FAILED_PRECONDITION; refund of an unknown
 * line → INVALID_ARGUMENT.
 * A release (cancel, close) carries the gate `closeCharge`: its write is made only once the charge
 * is closed at the provider; a charge paid meanwhile is applied instead (the order is kept).
 * @example decideOrder(order, { type: 'cancel' }, now).effects // [returnStock…, releaseCoupon?, releaseSeat?, uncountDealUse?]
 */
export function decideOrder(order: Order, command: OrderCommand, now: Date): OrderDecision {
  switch (command.type) {
    case 'pay': {
      nextState(orderMachine, 'pay', order.status);
      if (command.amountFen !== order.totalFen) {
        throw new AppError('FAILED_PRECONDITION', `paid ${command.amountFen} fen for an order of ${order.totalFen}`);
      }
      return payDecision(order._id, command, now);
    }
    case 'cancel':
    case 'close': {
      const move: OrderMove = command.type;
      const next = nextState(orderMachine, move, order.status);
      const reason = command.type === 'cancel' ? 'buyer_cancelled' : command.reason;
      return {
        change: orderChange(order._id, move, { status: next, closedAt: now, closeReason: reason, updatedAt: now }),
        next,
        effects: releaseEffects(order),
        // The charge is closed first, so it can no longer be paid once the stock is back on sale.
        gate: { type: 'closeCharge', orderId: order._id },
      };
    }
    case 'refund':
      return decideRefund(order, command, now);
    case 'acceptLatePayment': {
      const next = nextState(orderMachine, 'acceptLatePayment', order.status);
      const set = { tradeNo: command.tradeNo, paidFen: command.amountFen, refundedFen: command.amountFen, latePaymentRefundId: command.refundId, updatedAt: now };
      return {
        change: orderChange(order._id, 'acceptLatePayment', set, [{ field: 'tradeNo', op: 'eq', value: null }]),
        next,
        effects: [strayPaymentRefund(order, command, now)],
      };
    }
  }
}

/**
 * Sending back money that no order keeps: a payment for a released order (recorded on the order
 * by `acceptLatePayment`), or a second payment of an order paid by another trade (nothing on the
 * order changes).
 */
export function strayPaymentRefund(
  order: Pick<Order, '_id' | 'buyerOpenid'>,
  payment: { tradeNo: string; amountFen: number; provider: string; refundId: string },
  now: Date,
): Extract<Effect, { type: 'refund' }> {
  const refund: Refund = {
    _id: payment.refundId,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    tradeNo: payment.tradeNo,
    lines: [],
    shippingFen: 0,
    refundFen: payment.amountFen,
    reason: 'late_payment',
    provider: payment.provider,
    createdAt: now,
    ...NEW_REFUND_FIELDS,
  };
  return { type: 'refund', refund, orderTotalFen: payment.amountFen };
}

/**
 * Whether the buyer may start paying `order` now: the table allows `pay`, the payment deadline
 * has not passed, and a group order's team can still count a payment. Throws FAILED_PRECONDITION
 * or EXPIRED.
 * @example decideStartPayment(order, null, now) // ok for a fresh normal order
 */
export function decideStartPayment(order: Order, team: Team | null, now: Date): void {
  nextState(orderMachine, 'pay', order.status);
  if (order.payDeadlineAt.getTime() <= now.getTime()) throw new AppError('EXPIRED', 'the time to pay this order has passed');
  if (order.teamId && (!team || !canMove(teamMachine, 'countPayment', team.status) || team.expiresAt.getTime() <= now.getTime())) {
    throw new AppError('EXPIRED', 'this team has expired');
  }
}
