/**
 * The after-sale decider (售后): a buyer's request on some lines of a paid order, its review, the
 * return parcel and the money. Each decision is the request as it is written and, when the order
 * changes too (a line's `afterSaleId`, a refund, an event), the order's decision — the function
 * writes both in one transaction.
 */
import { AppError } from '../errors';
import { sumFen } from '../money/split';
import type { AfterSaleKind, AfterSaleRequest } from '../orders/aftersale';
import type { Order, OrderLine } from '../orders/order';
import type { EntityChange } from './change';
import { afterSaleUpdated, type AfterSaleOutcome } from './events';
import { assertNoOtherAfterSale, linesGuard, lineStateOf, moveLine, normalizedLines, pickLines, type LineMoveMade } from './lines';
import { canMove, nextState } from './machine';
import { decideRefund, type OrderDecision } from './order';
import { orderChange } from './order-changes';
import { afterSaleMachine, orderMachine, type AfterSaleMove } from './tables';

/** The brand's after-sale rules (settings/fulfilment). */
export interface AfterSaleRules {
  /** How long after receipt a request may be made, ms. */
  windowMs: number;
  /** A refund of lines that have not shipped is approved at once. */
  autoApproveUnshipped: boolean;
}

/** How a refund is named and who pays it back (the payment port). */
export interface RefundNaming {
  provider: string;
  refundIdFor: (lineIds: string[]) => string;
}

/** A new request, as the buyer asks it. */
export interface NewAfterSale extends RefundNaming {
  requestId: string;
  lineIds: readonly string[];
  kind: AfterSaleKind;
  reason: string;
  photos: readonly string[];
  rules: AfterSaleRules;
}

/** What can be asked of an open request. */
export type AfterSaleCommand =
  /** Ops or the boss approve: a refund pays at once, a return waits for the goods. */
  | ({ type: 'approve'; note: string; by: string } & RefundNaming)
  | { type: 'reject'; note: string; by: string }
  /** The buyer withdraws it. */
  | { type: 'cancel' }
  /** Ops received the goods back: money and stock come back. */
  | ({ type: 'receiveReturn'; by: string } & RefundNaming);

/** An after-sale decision: the request as written, its move, and the order's decision (written with it). */
export interface AfterSaleDecision {
  request: AfterSaleRequest;
  move: AfterSaleMove | 'open';
  order: OrderDecision;
}

/** Lines whose request holds (or releases) them: `afterSaleId` set or cleared, states unchanged. */
function markLines(order: Order, lineIds: readonly string[], afterSaleId: string | null, now: Date, outcome?: AfterSaleOutcome): OrderDecision {
  const moves: LineMoveMade[] = order.lines
    .filter((l) => lineIds.includes(l.lineId))
    .map((l) => moveLine(l, afterSaleId === null ? 'closeAfterSale' : 'openAfterSale'));
  const lines = normalizedLines(order.lines).map((l): OrderLine => (lineIds.includes(l.lineId) ? { ...l, afterSaleId } : l));
  return {
    change: orderChange(order._id, 'afterSale', { lines, updatedAt: now }, linesGuard(order.lines)),
    next: nextState(orderMachine, 'afterSale', order.status),
    effects: outcome ? [{ type: 'emit', event: afterSaleUpdated(now, outcome) }] : [],
    lineMoves: moves,
  };
}

/** An order write that only records a request's result (the lines stay as they are). */
function recordOutcome(order: Order, now: Date, outcome: AfterSaleOutcome): OrderDecision {
  return {
    change: orderChange(order._id, 'afterSale', { updatedAt: now }),
    next: nextState(orderMachine, 'afterSale', order.status),
    effects: [{ type: 'emit', event: afterSaleUpdated(now, outcome) }],
  };
}

function outcomeOf(request: AfterSaleRequest, status: AfterSaleOutcome['status']): AfterSaleOutcome {
  return { requestId: request._id, kind: request.kind, status, note: request.note, refundFen: request.refundFen };
}

/** The refund that settles a request (its lines, this request), with the request's result event. */
function settle(order: Order, request: AfterSaleRequest, naming: RefundNaming, returned: boolean, now: Date): { order: OrderDecision; refundId: string } {
  const decision = decideRefund(
    order,
    { type: 'refund', lineIds: request.lineIds, reason: returned ? 'aftersale_return' : 'aftersale_refund', provider: naming.provider, refundIdFor: naming.refundIdFor, returned, afterSaleId: request._id },
    now,
  );
  const refund = decision.effects.find((e) => e.type === 'refund');
  const refundId = refund && refund.type === 'refund' ? refund.refund._id : '';
  const outcome = { ...outcomeOf(request, 'refunded'), refundFen: refund && refund.type === 'refund' ? refund.refund.refundFen : request.refundFen };
  return { order: { ...decision, effects: [...decision.effects, { type: 'emit', event: afterSaleUpdated(now, outcome) }] }, refundId };
}

/**
 * A buyer's request on `lineIds`. Refusals: an order that cannot take one (unpaid, a group order
 * whose team has not succeeded, refunded) → FAILED_PRECONDITION; completed, or received longer
 * ago than the window → EXPIRED; a line already refunded, with a request open, or a `return` of a
 * line that has not shipped → FAILED_PRECONDITION; an unknown line → INVALID_ARGUMENT. A refund of
 * lines none of which shipped is approved and paid at once when `rules.autoApproveUnshipped`.
 * @example decideAfterSaleRequest(toShipOrder, { kind: 'refund', lineIds: ['L1'], ... }, now).request.status // 'refunded' (auto-approved)
 */
export function decideAfterSaleRequest(order: Order, input: NewAfterSale, now: Date): AfterSaleDecision {
  if (order.status === 'completed') throw new AppError('EXPIRED', 'the after-sale window of this order has closed');
  if (!canMove(orderMachine, 'afterSale', order.status)) throw new AppError('FAILED_PRECONDITION', `an order in status ${order.status} cannot take an after-sale request`);
  if (order.status === 'received' && order.receivedAt && new Date(order.receivedAt).getTime() + input.rules.windowMs <= now.getTime()) {
    throw new AppError('EXPIRED', 'the after-sale window of this order has closed');
  }
  const lines = pickLines(order, input.lineIds);
  for (const l of lines) {
    moveLine(l, 'openAfterSale');
    assertNoOtherAfterSale(l);
    if (input.kind === 'return' && lineStateOf(l) !== 'shipped') throw new AppError('FAILED_PRECONDITION', `line ${l.lineId} has not shipped: ask for a refund instead`);
  }
  const lineIds = lines.map((l) => l.lineId);
  const request: AfterSaleRequest = {
    _id: input.requestId,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    lineIds,
    kind: input.kind,
    reason: input.reason,
    photos: [...input.photos],
    status: afterSaleMachine.initial,
    refundFen: sumFen(lines.map((l) => l.paidFen - l.refundedFen)),
    autoApproved: false,
    createdAt: now,
    updatedAt: now,
    reviewedAt: null,
    reviewedBy: null,
    note: '',
    returnShipment: null,
    returnReceivedAt: null,
    refundId: null,
    refundedAt: null,
    cancelledAt: null,
  };
  const unshipped = lines.every((l) => lineStateOf(l) === 'open');
  if (input.kind === 'refund' && unshipped && input.rules.autoApproveUnshipped) {
    const approved: AfterSaleRequest = { ...request, autoApproved: true, reviewedAt: now };
    const settled = settle(order, approved, input, false, now);
    const status = nextState(afterSaleMachine, 'approveRefund', request.status);
    return { request: { ...approved, status, refundId: settled.refundId, refundedAt: now }, move: 'approveRefund', order: settled.order };
  }
  return { request, move: 'open', order: markLines(order, lineIds, request._id, now) };
}

/**
 * A move of an open request. Refusals: a move its table does not allow (approving twice, shipping
 * back before approval, cancelling a request being refunded) → FAILED_PRECONDITION.
 * @example decideAfterSale(order, returnRequest, { type: 'receiveReturn', ... }, now).request.status // 'refunded'
 */
export function decideAfterSale(order: Order, request: AfterSaleRequest, command: AfterSaleCommand, now: Date): AfterSaleDecision {
  const move: AfterSaleMove = command.type === 'approve' ? (request.kind === 'refund' ? 'approveRefund' : 'approveReturn') : command.type;
  const status = nextState(afterSaleMachine, move, request.status);
  const next: AfterSaleRequest = { ...request, status, updatedAt: now };
  switch (command.type) {
    case 'approve': {
      const reviewed = { ...next, reviewedAt: now, reviewedBy: command.by, note: command.note };
      if (move === 'approveReturn') return { request: reviewed, move, order: recordOutcome(order, now, outcomeOf(reviewed, 'approved')) };
      const settled = settle(order, reviewed, command, false, now);
      return { request: { ...reviewed, refundId: settled.refundId, refundedAt: now }, move, order: settled.order };
    }
    case 'reject': {
      const reviewed = { ...next, reviewedAt: now, reviewedBy: command.by, note: command.note };
      return { request: reviewed, move, order: markLines(order, request.lineIds, null, now, outcomeOf(reviewed, 'rejected')) };
    }
    case 'cancel':
      return { request: { ...next, cancelledAt: now }, move, order: markLines(order, request.lineIds, null, now) };
    case 'receiveReturn': {
      const received = { ...next, returnReceivedAt: now };
      const settled = settle(order, received, command, true, now);
      return { request: { ...received, refundId: settled.refundId, refundedAt: now }, move, order: settled.order };
    }
  }
}

/**
 * The buyer's return parcel left: the request's own guarded write (only the request changes; its
 * owner is part of the guard). A request not approved for a return → FAILED_PRECONDITION.
 * @example decideShipBack(approved, { carrier: 'SF', trackingNo: 'SF1234567890123' }, now).change.set.status // 'return_shipped'
 */
export function decideShipBack(request: AfterSaleRequest, parcel: { carrier: string; trackingNo: string }, now: Date): { request: AfterSaleRequest; change: Extract<EntityChange, { entity: 'aftersale' }> } {
  const status = nextState(afterSaleMachine, 'shipBack', request.status);
  const set = { status, returnShipment: { ...parcel, shippedAt: now }, updatedAt: now };
  return {
    request: { ...request, ...set },
    change: { entity: 'aftersale', id: request._id, move: 'shipBack', requires: [{ field: 'buyerOpenid', op: 'eq', value: request.buyerOpenid }], set, inc: {} },
  };
}
