/**
 * The order decider: `decideOrder(order, command, now) → { change, next, effects }`. The change
 * is the order's own guarded write (the table's source states plus `requires`); the effects are
 * what that move does to stock, coupons, seats and money, and the events it records. Moves of the
 * lines (ship, refund, return) are decided here too: the order's write stores the lines whole,
 * guarded on every line as it was read (`linesGuard`).
 */
import { AppError } from '../errors';
import { flashBuyerKey } from '../flash/flash-sale';
import { sumFen } from '../money/split';
import { NEW_REFUND_FIELDS, type Order, type OrderLine, type ReceivedBy, type Refund, type Shipment } from '../orders/order';
import type { Team } from '../groupbuy/team';
import { tierRebateLines, type Tier } from '../groupbuy/ladder';
import type { Condition, EntityChange } from './change';
import { stockHoldId, type Effect, type Gate } from './effects';
import { orderCompleted, orderPaid, orderRefunded, orderShipped } from './events';
import { afterSaleOf, assertNoOtherAfterSale, isKeptLine, lineStateOf, linesGuard, moveLine, normalizedLines, pickLines, type LineMoveMade } from './lines';
import { canMove, nextState } from './machine';
import { orderChange, readyToShipChange } from './order-changes';
import { orderMachine, teamMachine, type LineMove, type OrderMove, type OrderStatus } from './tables';

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
  /** A paid order is handed to the warehouse (a normal order once paid; a group order when its team succeeded). */
  | { type: 'readyToShip' }
  /** `lineIds` leave in one parcel (`shipmentId` is deterministic per order, carrier and tracking number). */
  | { type: 'ship'; lineIds: readonly string[]; shipmentId: string; carrier: string; trackingNo: string; by: string }
  /** The buyer confirms receipt, or the sweep does (`auto`) once the order `shippedBefore` the cutoff. */
  | { type: 'confirmReceipt'; by: ReceivedBy; shippedBefore?: Date }
  /** The sweep completes a received order once its after-sale window closed with no request open. */
  | { type: 'complete'; afterSaleWindowMs: number }
  /**
   * Refund `lineIds` (every kept line when omitted); `refundIdFor` names the refund from its sorted
   * line ids. `returned`: the goods came back (shipped lines `return`, stock back). An unshipped
   * line is `refund`ed (stock back), a shipped one `refundShipped` (the goods are out: no stock).
   * `afterSaleId`: the request this refund settles (its lines may have it open).
   */
  | { type: 'refund'; lineIds?: readonly string[]; reason: string; provider: string; refundIdFor: (lineIds: string[]) => string; returned?: boolean; afterSaleId?: string }
  /** Its ladder team reached `tier`: the difference from the joining price goes back, once (`refundId`). */
  | { type: 'rebate'; tier: Tier; provider: string; refundId: string }
  /** Money arrived for an order that was released meanwhile: keep the record, send it back. */
  | { type: 'acceptLatePayment'; tradeNo: string; amountFen: number; provider: string; refundId: string };

/**
 * An order decision: the order's own guarded write, the state it leads to, its effects, the lines'
 * moves — and, for a release, the gate that must pass at the payment provider before the write is made.
 */
export interface OrderDecision {
  change: Extract<EntityChange, { entity: 'order' }>;
  next: OrderStatus;
  effects: Effect[];
  /** Moves of single lines the change makes (stored with the lines). */
  lineMoves?: LineMoveMade[];
  gate?: Gate;
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
  if (order.flash) effects.push({ type: 'returnFlash', flashId: order.flash.flashId, buyerKey: flashBuyerKey(order.buyerOpenid), orderId: order._id });
  if (order.bargainId) effects.push({ type: 'releaseBargain', bargainId: order.bargainId, orderId: order._id });
  return effects;
}

/** The lines after some of them moved (`update` gives each moved line its new fields). */
function withMoved(order: Order, moves: readonly LineMoveMade[], update: (line: OrderLine, made: LineMoveMade) => OrderLine): OrderLine[] {
  const byId = new Map(moves.map((m) => [m.lineId, m]));
  return normalizedLines(order.lines).map((l) => {
    const made = byId.get(l.lineId);
    return made ? update({ ...l, state: made.to }, made) : l;
  });
}

/** The order move that follows line refunds: refunded when nothing is kept, shipped when only shipped lines are left to a to-ship order. */
function refundMoveOf(status: OrderStatus, lines: readonly OrderLine[]): OrderMove {
  if (!lines.some(isKeptLine)) return 'refundAll';
  if (status === 'to_ship' && !lines.some((l) => lineStateOf(l) === 'open')) return 'refundUnshipped';
  return 'refundPart';
}

/** The line move a refund makes: a return brings shipped goods back; otherwise unshipped → refund, shipped → refundShipped. */
function refundLineMove(line: OrderLine, returned: boolean): LineMove {
  if (returned) return 'return';
  return lineStateOf(line) === 'shipped' ? 'refundShipped' : 'refund';
}

/**
 * A refund of some lines (see {@link OrderCommand} `refund`). Shipping comes back with the last
 * lines only when nothing of the order ever left the warehouse.
 */
export function decideRefund(order: Order, command: Extract<OrderCommand, { type: 'refund' }>, now: Date): OrderDecision {
  if (!canMove(orderMachine, 'refundAll', order.status)) {
    throw new AppError('FAILED_PRECONDITION', `an order in status ${order.status} cannot be refunded`);
  }
  const chosen = command.lineIds === undefined ? order.lines.filter(isKeptLine) : pickLines(order, command.lineIds);
  if (chosen.length === 0) throw new AppError('FAILED_PRECONDITION', 'nothing left to refund');
  const moves = chosen.map((l) => {
    assertNoOtherAfterSale(l, command.afterSaleId);
    return moveLine(l, refundLineMove(l, command.returned === true));
  });
  const refundId = command.refundIdFor(chosen.map((l) => l.lineId).sort());
  const nextLines = withMoved(order, moves, (l) => ({ ...l, refundedFen: l.paidFen, refundId, afterSaleId: null }));
  const move = refundMoveOf(order.status, nextLines);
  const next = nextState(orderMachine, move, order.status);
  const lines = chosen.map((l) => ({ lineId: l.lineId, refundFen: l.paidFen - l.refundedFen }));
  const neverShipped = nextLines.every((l) => lineStateOf(l) === 'open' || lineStateOf(l) === 'refunded');
  // Shipping comes back with the last lines only when nothing of the order ever left the warehouse.
  const shippingFen = move === 'refundAll' && neverShipped ? order.shippingFen ?? 0 : 0;
  const refundFen = sumFen(lines.map((l) => l.refundFen)) + shippingFen;
  const refund: Refund = {
    _id: refundId,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    tradeNo: order.tradeNo,
    lines,
    shippingFen,
    refundFen,
    reason: command.reason,
    ...(command.afterSaleId ? { afterSaleId: command.afterSaleId } : {}),
    provider: command.provider,
    createdAt: now,
    ...NEW_REFUND_FIELDS,
  };
  const set: Record<string, unknown> = { lines: nextLines, refundedFen: order.refundedFen + refundFen, status: next, updatedAt: now };
  if (move === 'refundUnshipped') set.shippedAt = now;
  const event = orderRefunded(now, { refundId, lines, full: move === 'refundAll', reason: command.reason, refundFen, ...(command.afterSaleId ? { afterSaleId: command.afterSaleId } : {}) });
  return {
    change: orderChange(order._id, move, set, linesGuard(order.lines)),
    next,
    lineMoves: moves,
    effects: [
      { type: 'refund', refund, orderTotalFen: order.totalFen },
      // Stock comes back, once with the refund's own transaction, only for goods never shipped or received back.
      ...moves.filter((m) => m.move !== 'refundShipped').map((m): Effect => {
        const line = chosen.find((l) => l.lineId === m.lineId) as OrderLine;
        return { type: 'restock', skuId: line.skuId, qty: line.qty, holdId: stockHoldId(order._id, line.lineId) };
      }),
      { type: 'emit', event },
    ],
  };
}

/**
 * A ladder team's difference refund: each kept line gets back what it paid above the reached
 * tier (`tierRebateLines`); lines stay kept, their `refundedFen` grows, so what the brand keeps
 * (and the commission on it: the growth loop reverses it per refunded fen) is the tier's price.
 * Refused once made (`tierRebateId`), on an order of no ladder team and when nothing is owed.
 */
function decideRebate(order: Order, command: Extract<OrderCommand, { type: 'rebate' }>, now: Date): OrderDecision {
  const next = nextState(orderMachine, 'rebate', order.status);
  if (order.tierRebateId) throw new AppError('FAILED_PRECONDITION', 'the difference was refunded already');
  if (!order.dealTerms?.tiers) throw new AppError('FAILED_PRECONDITION', 'not an order of a ladder team');
  const lines = tierRebateLines(order.lines.filter(isKeptLine), order.dealTerms.groupPriceFen, command.tier);
  if (lines.length === 0) throw new AppError('FAILED_PRECONDITION', 'nothing to give back at this tier');
  const byLine = new Map(lines.map((l) => [l.lineId, l.refundFen]));
  const refundFen = sumFen(lines.map((l) => l.refundFen));
  const refund: Refund = {
    _id: command.refundId,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    tradeNo: order.tradeNo,
    lines,
    shippingFen: 0,
    refundFen,
    reason: 'tier_rebate',
    provider: command.provider,
    createdAt: now,
    ...NEW_REFUND_FIELDS,
  };
  const nextLines = order.lines.map((l) => ({ ...l, refundedFen: l.refundedFen + (byLine.get(l.lineId) ?? 0) }));
  const set = { lines: nextLines, refundedFen: order.refundedFen + refundFen, tierRebateId: command.refundId, updatedAt: now };
  return {
    change: orderChange(order._id, 'rebate', set, [{ field: 'tierRebateId', op: 'eq', value: null }, ...linesGuard(order.lines)]),
    next,
    effects: [
      { type: 'refund', refund, orderTotalFen: order.totalFen },
      { type: 'emit', event: orderRefunded(now, { refundId: command.refundId, lines, full: false, reason: 'tier_rebate', refundFen }) },
    ],
  };
}

/** `lineIds` leave in one parcel; the last unshipped lines make the order `shipped`. */
function decideShip(order: Order, command: Extract<OrderCommand, { type: 'ship' }>, now: Date): OrderDecision {
  nextState(orderMachine, 'shipAll', order.status);
  const chosen = pickLines(order, command.lineIds);
  const moves = chosen.map((l) => {
    const made = moveLine(l, 'ship');
    assertNoOtherAfterSale(l);
    return made;
  });
  const nextLines = withMoved(order, moves, (l) => ({ ...l, shipmentId: command.shipmentId }));
  const move: OrderMove = nextLines.some((l) => lineStateOf(l) === 'open') ? 'shipPart' : 'shipAll';
  const next = nextState(orderMachine, move, order.status);
  const lineIds = chosen.map((l) => l.lineId);
  const shipment: Shipment = { shipmentId: command.shipmentId, lineIds, carrier: command.carrier, trackingNo: command.trackingNo, shippedAt: now, shippedBy: command.by };
  const set: Record<string, unknown> = { lines: nextLines, shipments: [...(order.shipments ?? []), shipment], status: next, updatedAt: now };
  if (move === 'shipAll') set.shippedAt = now;
  return {
    change: orderChange(order._id, move, set, linesGuard(order.lines)),
    next,
    lineMoves: moves,
    effects: [{ type: 'emit', event: orderShipped(now, { shipmentId: command.shipmentId, lineIds, carrier: command.carrier, trackingNo: command.trackingNo }) }],
  };
}

/** Completion: the after-sale window after receipt has closed and no line has a request open. */
function decideComplete(order: Order, command: Extract<OrderCommand, { type: 'complete' }>, now: Date): OrderDecision {
  const next = nextState(orderMachine, 'complete', order.status);
  const receivedAt = order.receivedAt ? new Date(order.receivedAt).getTime() : now.getTime();
  if (receivedAt + command.afterSaleWindowMs > now.getTime()) throw new AppError('FAILED_PRECONDITION', 'the after-sale window is still open');
  const open = order.lines.find((l) => afterSaleOf(l) !== null);
  if (open) throw new AppError('FAILED_PRECONDITION', `line ${open.lineId} has an after-sale request open`);
  return {
    change: orderChange(order._id, 'complete', { status: next, completedAt: now, updatedAt: now }, linesGuard(order.lines)),
    next,
    effects: [{ type: 'emit', event: orderCompleted(now) }],
  };
}

/**
 * Decides what `command` does to `order` at `now`. Refusals: a move the table does not allow (for the
 * order or one of its lines) → FAILED_PRECONDITION; a payment of another amount, a line with an
 * after-sale request open, completion inside the window → FAILED_PRECONDITION; an unknown line →
 * INVALID_ARGUMENT.
 * A release (cancel, close) carries the gate `closeCharge`: its write is made only once the charge
 * is closed at the provider; a charge paid meanwhile is applied instead (the order is kept).
 * @example decideOrder(order, { type: 'cancel' }, now).effects // [returnStock…, releaseCoupon?, releaseSeat?, uncountDealUse?, returnFlash?, releaseBargain?]
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
    case 'readyToShip': {
      const next = nextState(orderMachine, 'readyToShip', order.status);
      return { change: readyToShipChange(order._id, now), next, effects: [] };
    }
    case 'ship':
      return decideShip(order, command, now);
    case 'confirmReceipt': {
      const next = nextState(orderMachine, 'confirmReceipt', order.status);
      const requires: Condition[] = command.shippedBefore ? [{ field: 'shippedAt', op: 'lte', value: command.shippedBefore }] : [];
      return { change: orderChange(order._id, 'confirmReceipt', { status: next, receivedAt: now, receivedBy: command.by, updatedAt: now }, requires), next, effects: [] };
    }
    case 'complete':
      return decideComplete(order, command, now);
    case 'refund':
      return decideRefund(order, command, now);
    case 'rebate':
      return decideRebate(order, command, now);
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
