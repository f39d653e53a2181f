/**
 * One short transaction on an order: read it (and what the decision needs), decide with
 * shared/lifecycle, write the order's move with the events it records, the refund record a
 * refund makes and any other document the decision names (an after-sale request) — all or
 * nothing; a refund's stock comes back in it too (once with the refund, also when the commit's
 * reply is lost and the refund is asked again). A transaction that loses a race is run again by the SDK and decides again on what it
 * reads then — but never a different move of a line: the lines as first read are the decision's
 * guard, as they are for a guarded update (`linesGuard`), so when a shipment moved a line
 * meanwhile the refund decided on it is refused (FAILED_PRECONDITION), it does not quietly become
 * a refund of a shipped line. Only the request whose
 * transaction committed applies the decision's follow-ups afterwards: the money goes back (the
 * refund's stable id is the provider's out_refund_no). The events are delivered
 * by the caller (`deliver`, outbox.ts). Round trips: 2 + reads + writes, then 1 per follow-up.
 */
import { AppError, runTransaction, store, type ActionContext, type CollectionName, type Transaction } from '../../_platform';
import { afterSaleOf, lineStateOf, recordEvents, type Effect, type OrderDecision } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import { applyEffect, eventsOf } from '../effects';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** What a decision on an order writes: the order's move (none: only `writes`), other documents, and the reply. */
export interface OrderTxPlan<R> {
  decision: OrderDecision | null;
  /** Whole documents to write with it (e.g. the after-sale request). */
  writes?: Array<{ collection: CollectionName; id: string; doc: Record<string, unknown> }>;
  value: R;
}

/** The outcome: the order as written, the decider's value, and whether this call committed it (false: a replay answered). */
export interface OrderTxResult<R> {
  order: Order;
  value: R;
  committed: boolean;
}

/**
 * Runs `decide` on the order read inside a transaction and writes what it planned. `decide` may
 * answer `{ replay }` (the same request made before: nothing is written). Refusals are thrown as
 * AppError (NOT_FOUND when there is no such order).
 */
export async function writeOrderDecision<R>(
  ctx: Ctx,
  orderId: string,
  decide: (order: Order, tx: Transaction) => Promise<OrderTxPlan<R> | { replay: R }>,
): Promise<OrderTxResult<R>> {
  let firstRead: Order['lines'] | undefined;
  const done = await runTransaction(async (tx) => {
    const order = await tx.get<Order>('orders', orderId);
    if (!order) throw new AppError('NOT_FOUND', `no order ${orderId}`);
    if (firstRead) assertLinesAsRead(firstRead, order.lines);
    else firstRead = order.lines;
    const plan = await decide(order, tx);
    if ('replay' in plan) return { order, value: plan.replay, effects: [] as Effect[], committed: false };
    let next = order;
    if (plan.decision) {
      const { change, effects } = plan.decision;
      next = { ...order, ...change.set, ...recordEvents(order, eventsOf(effects)) } as Order;
      const fields: Record<string, unknown> = { ...change.set };
      if (eventsOf(effects).length > 0) Object.assign(fields, { outbox: next.outbox, outboxPending: next.outboxPending, outboxPendingCount: next.outboxPendingCount });
      await tx.update('orders', orderId, fields);
      const _ = store.command();
      for (const e of effects) {
        if (e.type === 'refund') {
          const { _id: refundId, ...refund } = e.refund;
          await tx.set('refunds', refundId, refund);
        }
        // Refunded goods never shipped or received back: their stock comes back with the refund, once.
        if (e.type === 'restock') await tx.update('skus', e.skuId, { stock: _.inc(e.qty), sold: _.inc(-e.qty), holds: _.pull(e.holdId) });
      }
    }
    for (const w of plan.writes ?? []) {
      const { _id: _ignored, ...doc } = w.doc;
      await tx.set(w.collection, w.id, doc);
    }
    return { order: next, value: plan.value, effects: plan.decision?.effects ?? [], committed: true };
  });
  if (!done.committed) return { order: done.order, value: done.value, committed: false };
  // This call committed the decision: the money goes back first, then the rest (each retried on failure).
  const followUps = done.effects.filter((e) => e.type !== 'emit' && e.type !== 'restock');
  for (const e of followUps.filter((x) => x.type === 'refund')) await applyEffect(ctx, e);
  await Promise.all(followUps.filter((x) => x.type !== 'refund').map((e) => applyEffect(ctx, e)));
  return { order: done.order, value: done.value, committed: true };
}

/** A transaction run again (it lost a race): its lines must be as first read, or the decision is refused. */
function assertLinesAsRead(before: Order['lines'], now: Order['lines']): void {
  for (const line of now) {
    const was = before.find((l) => l.lineId === line.lineId);
    if (!was || lineStateOf(was) !== lineStateOf(line) || afterSaleOf(was) !== afterSaleOf(line)) {
      throw new AppError('FAILED_PRECONDITION', `line ${line.lineId} changed meanwhile (it is ${lineStateOf(line).replace('_', ' ')}${afterSaleOf(line) ? ', with an after-sale request open' : ''})`);
    }
  }
}
