/**
 * Refunds some or all lines of a paid order. The decision (`decideOrder … refund`), the order's
 * move, the refund record and the refunded lines' stock are one short transaction (so two
 * concurrent refunds of the same lines — e.g. two sweeps — make one refund, and the stock comes
 * back exactly once with it, even when the commit's reply is lost and the refund is asked again);
 * only the request that created the refund asks the provider for the money back (the refund's
 * stable id is its out_refund_no; the refund notice or the sweep ends it: follow-refunds.ts). Its
 * `OrderRefunded` event is recorded by the same transaction and delivered by the caller
 * (`deliver`, outbox.ts).
 */
import { AppError, runTransaction, stableId, store, type ActionContext } from '../../_platform';
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
  const refundIdFor = (ids: string[]) => `r${stableId('refund', orderId, ...ids)}`;
  const result = await runTransaction(async (tx) => {
    const order = await tx.get<Order>('orders', orderId);
    if (!order) throw new AppError('NOT_FOUND', `no order ${orderId}`);
    check?.(order);
    // A full refund asked again (a retry — also after a lost reply —, a second sweep): answer with the refund already made.
    const again = refundAskedAgain(order, lineIds);
    const existing = again ? await tx.get<Refund>('refunds', again) : undefined;
    if (existing) return { refund: existing, created: false, order, effects: [] };
    const decision = decideOrder(order, { type: 'refund', lineIds, reason, provider: provider.name, refundIdFor }, ctx.now);
    const recorded = decision.effects.find((e) => e.type === 'refund');
    if (!recorded || recorded.type !== 'refund') throw new Error('a refund decision without its refund');
    const next = { ...order, ...decision.change.set, ...recordEvents(order, eventsOf(decision.effects)) } as Order;
    await tx.update('orders', orderId, { ...decision.change.set, outbox: next.outbox, outboxPending: next.outboxPending, outboxPendingCount: next.outboxPendingCount });
    const { _id: refundDocId, ...refundFields } = recorded.refund;
    await tx.set('refunds', refundDocId, refundFields);
    const _ = store.command();
    for (const e of decision.effects) {
      if (e.type === 'restock') await tx.update('skus', e.skuId, { stock: _.inc(e.qty), sold: _.inc(-e.qty), holds: _.pull(e.holdId) });
    }
    return { refund: recorded.refund, created: true, order: next, effects: decision.effects };
  });
  if (!result.created) return { refund: result.refund, created: false, order: result.order };

  // This request created the refund: the money is asked of the provider (the stock came back with
  // the transaction; a failed ask leaves the refund pending for the sweep: follow-refunds.ts).
  for (const e of result.effects) if (e.type === 'refund') await applyEffect(ctx, e);
  return { refund: result.refund, created: true, order: result.order };
}

/**
 * The id of the refund a full refund asks again (a retry — also after a lost reply —, a second
 * sweep): an order already fully refunded. Undefined for a new ask; the same lines of a partial
 * refund asked again are refused by the decider (FAILED_PRECONDITION: already refunded).
 */
function refundAskedAgain(order: Order, lineIds: string[] | undefined): string | undefined {
  if (lineIds !== undefined || order.status !== 'refunded') return undefined;
  return order.lines.find((l) => l.refundId)?.refundId ?? undefined;
}
