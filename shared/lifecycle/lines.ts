/**
 * Order lines in the line machine: reading a stored line's state, moving lines, and the guard that
 * pins every line of an order as it was read — so a move decided on the lines (ship, refund, an
 * after-sale request) wins only if no other move changed any line meanwhile.
 */
import { AppError } from '../errors';
import type { Order, OrderLine } from '../orders/order';
import type { Condition } from './change';
import { canMove, nextState } from './machine';
import { lineMachine, type LineMove, type LineState } from './tables';

/** A move one line made, as a decision reports it (the writer stores the lines whole). */
export interface LineMoveMade {
  lineId: string;
  move: LineMove;
  from: LineState;
  to: LineState;
}

/**
 * The state of a stored line. Lines stored before fulfilment existed carry only `refundId`.
 * @example lineStateOf({ refundId: null }) // 'open'
 */
export function lineStateOf(line: Pick<OrderLine, 'refundId' | 'state'>): LineState {
  return line.state ?? (line.refundId === null ? 'open' : 'refunded');
}

/** The after-sale request open on a line, or null. */
export function afterSaleOf(line: Pick<OrderLine, 'afterSaleId'>): string | null {
  return line.afterSaleId ?? null;
}

/** Lines whose money the brand keeps (not refunded or returned): `open` or `shipped`. */
export function isKeptLine(line: Pick<OrderLine, 'refundId' | 'state'>): boolean {
  const s = lineStateOf(line);
  return s === 'open' || s === 'shipped';
}

/** True when the line's goods came back to stock: never shipped and refunded, or returned. */
export function isStockReturned(line: Pick<OrderLine, 'refundId' | 'state'>): boolean {
  const s = lineStateOf(line);
  return s === 'refunded' || s === 'returned';
}

/**
 * The guard of a move decided on an order's lines: each line's stored `state` and `afterSaleId`
 * as read (a missing field pins null, which also matches a missing field).
 * @example linesGuard([{ state: 'open', afterSaleId: null, ... }]) // [{ field: 'lines.0.state', op: 'eq', value: 'open' }, { field: 'lines.0.afterSaleId', ... }]
 */
export function linesGuard(lines: readonly OrderLine[]): Condition[] {
  return lines.flatMap((l, i): Condition[] => [
    { field: `lines.${i}.state`, op: 'eq', value: l.state ?? null },
    { field: `lines.${i}.afterSaleId`, op: 'eq', value: l.afterSaleId ?? null },
  ]);
}

/**
 * The lines of `order` named by `lineIds` (deduplicated), in order. Refuses an unknown line
 * (INVALID_ARGUMENT naming it) and an empty choice.
 */
export function pickLines(order: Pick<Order, 'lines'>, lineIds: readonly string[]): OrderLine[] {
  const wanted = [...new Set(lineIds)];
  for (const id of wanted) if (!order.lines.some((l) => l.lineId === id)) throw new AppError('INVALID_ARGUMENT', `lineIds: no line ${id} in this order`);
  const chosen = order.lines.filter((l) => wanted.includes(l.lineId));
  if (chosen.length === 0) throw new AppError('INVALID_ARGUMENT', 'lineIds: name at least one line');
  return chosen;
}

/**
 * Moves one line as the table allows; FAILED_PRECONDITION naming the line and its state otherwise.
 * @example moveLine(line, 'ship') // { lineId: 'L1', move: 'ship', from: 'open', to: 'shipped' }
 */
export function moveLine(line: OrderLine, move: LineMove): LineMoveMade {
  const from = lineStateOf(line);
  if (!canMove(lineMachine, move, from)) throw new AppError('FAILED_PRECONDITION', `line ${line.lineId} is ${from.replace('_', ' ')}`);
  return { lineId: line.lineId, move, from, to: nextState(lineMachine, move, from) };
}

/** Refuses a line with an after-sale request open (other than `allowed`): FAILED_PRECONDITION. */
export function assertNoOtherAfterSale(line: OrderLine, allowed?: string): void {
  const open = afterSaleOf(line);
  if (open !== null && open !== allowed) throw new AppError('FAILED_PRECONDITION', `line ${line.lineId} has an after-sale request open`);
}

/** A line with every fulfilment field present. */
export type FullLine = OrderLine & Required<Pick<OrderLine, 'state' | 'shipmentId' | 'afterSaleId'>>;

/** The lines with every field stored (a line stored before fulfilment gains its state and nulls). */
export function normalizedLines(lines: readonly OrderLine[]): FullLine[] {
  return lines.map((l) => ({ ...l, state: lineStateOf(l), shipmentId: l.shipmentId ?? null, afterSaleId: afterSaleOf(l) }));
}
