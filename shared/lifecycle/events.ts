/**
 * Order events: facts recorded in the order's outbox by the same write that made them true
 * (past tense, one per fact). Subscribers (the commerce reactions, the growth loop) apply them
 * idempotently; the sweep re-delivers the ones nobody marked handled.
 */

/** A refund of some lines, as an event carries it. Money in fen. */
export interface RefundedLines {
  refundId: string;
  lines: Array<{ lineId: string; refundFen: number }>;
  /** True when this refund left no line kept (the coupon comes back, a team member is refunded). */
  full: boolean;
  /** Why (`team_failed`, `staff_refund`, `aftersale`, ...); absent on events recorded before it was kept. */
  reason?: string;
  /** The after-sale request it settles (its result is told by `AfterSaleUpdated`). */
  afterSaleId?: string;
  /** Lines plus shipping, fen. */
  refundFen?: number;
}

/** A parcel left, as `OrderShipped` carries it. */
export interface ShippedLines {
  shipmentId: string;
  lineIds: string[];
  carrier: string;
  trackingNo: string;
}

/** What an after-sale request came to, as `AfterSaleUpdated` carries it. */
export interface AfterSaleOutcome {
  requestId: string;
  kind: 'refund' | 'return';
  status: 'approved' | 'rejected' | 'refunded';
  note: string;
  refundFen: number;
}

/** An order event. `id` is unique within its order (the same fact always has the same id). */
export type OrderEvent =
  | { id: string; type: 'OrderCreated'; at: Date }
  | { id: string; type: 'OrderPaid'; at: Date }
  | ({ id: string; type: 'OrderRefunded'; at: Date } & RefundedLines)
  | { id: string; type: 'TeamSucceeded'; at: Date; teamId: string }
  | ({ id: string; type: 'OrderShipped'; at: Date } & ShippedLines)
  | ({ id: string; type: 'AfterSaleUpdated'; at: Date } & AfterSaleOutcome)
  | { id: string; type: 'OrderCompleted'; at: Date };

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

/** The order's team succeeded: the order is now to be shipped. @example teamSucceeded(now, 't1').id // 'TeamSucceeded' */
export function teamSucceeded(at: Date, teamId: string): OrderEvent {
  return { id: 'TeamSucceeded', type: 'TeamSucceeded', at, teamId };
}

/** Some lines left in a parcel. @example orderShipped(now, shipped).id // 'OrderShipped:<shipmentId>' */
export function orderShipped(at: Date, shipped: ShippedLines): OrderEvent {
  return { id: `OrderShipped:${shipped.shipmentId}`, type: 'OrderShipped', at, ...shipped };
}

/** An after-sale request was approved, rejected or refunded. @example afterSaleUpdated(now, outcome).id // 'AfterSale:<requestId>:rejected' */
export function afterSaleUpdated(at: Date, outcome: AfterSaleOutcome): OrderEvent {
  return { id: `AfterSale:${outcome.requestId}:${outcome.status}`, type: 'AfterSaleUpdated', at, ...outcome };
}

/** The order completed: its after-sale window closed with nothing open. */
export function orderCompleted(at: Date): OrderEvent {
  return { id: 'OrderCompleted', type: 'OrderCompleted', at };
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
