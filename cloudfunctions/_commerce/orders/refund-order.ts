/**
 * Refunds some or all lines of a paid order. The decision (`decideOrder … refund`), the order's
 * move and the refund record are one short transaction on the order (so two concurrent refunds of
 * the same lines — e.g. two sweeps — make one refund); only the request that created the refund
 * asks the provider for the money back (the refund's stable id is its out_refund_no; the refund
 * notice or the sweep ends it: follow-refunds.ts) and returns the stock. Its `OrderRefunded`
 * event is recorded by the same transaction and delivered by the caller (`deliver`, outbox.ts).
 */
import { AppError, runTransaction, stableId, type ActionContext } from '../../_platform';
import { decideOrder, recordEvents } from '../../../shared/lifecycle';
import type { Order, Refund } from '../../../shared/orders';
import { applyEffect, eventsOf } from '../effects';
import { paymentPort } from '../payment';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export interface RefundResult {
  refund: Refund;
  /** False when this refund already existed (a replay). */
  created: boolean;
  /** The order after the refund, its new event pending in its outbox. */
  order: Order;
}

export async function refundOrder(
  ctx: Ctx,
  orderId: string,
  lineIds: string[] | undefined,
  reason: string,
  check?: (order: Order) => void,
): Promise<RefundResult> {
  const provider = paymentPort();
  const result = await runTransaction(async (tx) => {
    const order = await tx.get<Order>('orders', orderId);
    if (!order) throw new AppError('NOT_FOUND', `no order ${orderId}`);
    check?.(order);
    // Same lines asked again (a retry, a second sweep): answer with the refund already made.
    if (lineIds === undefined && order.status === 'refunded') {
      const lastId = order.lines.find((l) => l.refundId)?.refundId;
      const existing = lastId ? await tx.get<Refund>('refunds', lastId) : undefined;
      if (existing) return { refund: existing, created: false, order, effects: [] };
    }
    const decision = decideOrder(
      order,
      { type: 'refund', lineIds, reason, provider: provider.name, refundIdFor: (ids) => `r${stableId('refund', orderId, ...ids)}` },
      ctx.now,
    );
    const recorded = decision.effects.find((e) => e.type === 'refund');
    if (!recorded || recorded.type !== 'refund') throw new Error('a refund decision without its refund');
    const next = { ...order, ...decision.change.set, ...recordEvents(order, eventsOf(decision.effects)) } as Order;
    await tx.update('orders', orderId, { ...decision.change.set, outbox: next.outbox, outboxPending: next.outboxPending, outboxPendingCount: next.outboxPendingCount });
    const { _id: refundDocId, ...refundFields } = recorded.refund;
    await tx.set('refunds', refundDocId, refundFields);
    return { refund: recorded.refund, created: true, order: next, effects: decision.effects };
  });
  if (!result.created) return { refund: result.refund, created: false, order: result.order };

  // This request created the refund: the money is asked of the provider, then the stock goes back.
  const immediate = result.effects.filter((e) => e.type !== 'emit');
  const money = immediate.filter((e) => e.type === 'refund');
  for (const e of money) await applyEffect(ctx, e);
  await Promise.all(immediate.filter((e) => e.type !== 'refund').map((e) => applyEffect(ctx, e)));
  return { refund: result.refund, created: true, order: result.order };
}
