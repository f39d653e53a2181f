import { AppError } from '../errors';
import { sumFen } from '../money/split';
import { assertTransition } from '../state/machine';
import { orderTransitions, type OrderStatus } from '../state/tables';
import { REFUNDABLE_STATUSES, type Order, type OrderLine } from './order';

/** What a refund changes, decided from the order alone. */
export interface RefundDecision {
  /** Deterministic id of this refund (same lines of the same order → same id). */
  refundId: string;
  /** Lines refunded now, each for what is left of its paid amount. */
  lines: Array<{ lineId: string; refundFen: number }>;
  refundFen: number;
  /** The order's lines after the refund. */
  nextLines: OrderLine[];
  nextStatus: OrderStatus;
  nextRefundedFen: number;
  /** True when every line is now refunded (the coupon goes back, a team member is refunded). */
  isFull: boolean;
}

/**
 * Decides a refund of `lineIds` (all unrefunded lines when omitted). Refuses orders that are not
 * paid, unknown lines, and lines already refunded (`FAILED_PRECONDITION`).
 * @example decideRefund(order, ['L1'], (ids) => `${order._id}:${ids}`).nextStatus // 'partially_refunded' for a 2-line order
 */
export function decideRefund(
  order: Pick<Order, 'status' | 'lines' | 'refundedFen'>,
  lineIds: readonly string[] | undefined,
  refundIdFor: (lineIds: string[]) => string,
): RefundDecision {
  if (!REFUNDABLE_STATUSES.includes(order.status)) {
    throw new AppError('FAILED_PRECONDITION', `an order in status ${order.status} cannot be refunded`);
  }
  const open = order.lines.filter((l) => l.refundId === null);
  let chosen: OrderLine[];
  if (lineIds === undefined) {
    chosen = open;
  } else {
    const wanted = [...new Set(lineIds)];
    for (const id of wanted) {
      const line = order.lines.find((l) => l.lineId === id);
      if (!line) throw new AppError('INVALID_ARGUMENT', `lineIds: no line ${id} in this order`);
      if (line.refundId !== null) throw new AppError('FAILED_PRECONDITION', `line ${id} is already refunded`);
    }
    chosen = order.lines.filter((l) => wanted.includes(l.lineId));
  }
  if (chosen.length === 0) throw new AppError('FAILED_PRECONDITION', 'nothing left to refund');
  const lines = chosen.map((l) => ({ lineId: l.lineId, refundFen: l.paidFen - l.refundedFen }));
  const refundFen = sumFen(lines.map((l) => l.refundFen));
  const isFull = chosen.length === open.length;
  const nextStatus: OrderStatus = isFull ? 'refunded' : 'partially_refunded';
  assertTransition(orderTransitions, 'order', order.status, nextStatus);
  const chosenIds = new Set(chosen.map((l) => l.lineId));
  const refundId = refundIdFor([...chosenIds].sort());
  return {
    refundId,
    lines,
    refundFen,
    nextLines: order.lines.map((l) => (chosenIds.has(l.lineId) ? { ...l, refundedFen: l.paidFen, refundId } : l)),
    nextStatus,
    nextRefundedFen: order.refundedFen + refundFen,
    isFull,
  };
}
