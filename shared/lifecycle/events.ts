/**
 * Order events: facts recorded in the order's outbox by the same write that made them true
 * (past tense, one per fact). Subscribers (the commerce reactions, the growth loop) apply them
 * idempotently; the sweep re-delivers the ones nobody marked handled.
 */

/** A refund of some lines, as an event carries it. Money in fen. */
export interface RefundedLines {
  refundId: string;
  lines: Array<{ lineId: string; refundFen: number }>;
  /** True when this refund left no line open (the coupon comes back, a team member is refunded). */
  full: boolean;
}

/** An order event. `id` is unique within its order (the same fact always has the same id). */
export type OrderEvent =
  | { id: string; type: 'OrderCreated'; at: Date }
  | { id: string; type: 'OrderPaid'; at: Date }
  | ({ id: string; type: 'OrderRefunded'; at: Date } & RefundedLines);

/** The order was created with every reservation made. @example orderCreated(now).id // 'OrderCreated' */
export function orderCreated(at: Date): OrderEvent {
  return { id: 'OrderCreated', type: 'OrderCreated', at };
}

/** The order was paid. */
export function orderPaid(at: Date): OrderEvent {
  return { id: 'OrderPaid', type: 'OrderPaid', at };
}

/** Some lines of the order were refunded. @example orderRefunded(now, { refundId: 'r1', lines, full: false }).id // 'OrderRefunded:r1' */
export function orderRefunded(at: Date, refund: RefundedLines): OrderEvent {
  return { id: `OrderRefunded:${refund.refundId}`, type: 'OrderRefunded', at, ...refund };
}

/** The outbox fields of an order (see `Order`). */
export interface Outbox {
  outbox: OrderEvent[];
  outboxPending: string[];
  outboxPendingCount: number;
}

/**
 * The outbox after recording `events`: appended to the log and to the pending list (for an
 * insert, or a transaction that read the order; a single update pushes them instead). An order
 * stored before outboxes existed has none: it starts empty.
 * @example recordEvents({ outbox: [], outboxPending: [], outboxPendingCount: 0 }, [orderPaid(now)]).outboxPending // ['OrderPaid']
 */
export function recordEvents(current: Partial<Outbox>, events: readonly OrderEvent[]): Outbox {
  return {
    outbox: [...(current.outbox ?? []), ...events],
    outboxPending: [...(current.outboxPending ?? []), ...events.map((e) => e.id)],
    outboxPendingCount: (current.outboxPendingCount ?? 0) + events.length,
  };
}

/** An empty outbox. */
export const NO_EVENTS: Outbox = { outbox: [], outboxPending: [], outboxPendingCount: 0 };
