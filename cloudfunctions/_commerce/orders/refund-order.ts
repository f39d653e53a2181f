/**
 * Refunds some or all kept lines of a paid order (staff, a failed team, a payment its team could
 * not take): the decision (`decideOrder … refund`), the order's move and the refund record are one
 * transaction on the order (`writeOrderDecision`), so two concurrent refunds of the same lines —
 * e.g. two sweeps — make one refund, and a refund racing a shipment of the same line loses to it
 * or wins over it, never both. Only the request that created the refund asks the provider for the
 * money back (the refund's stable id is its out_refund_no; the refund notice or the sweep ends it:
 * follow-refunds.ts) and returns the stock. Its `OrderRefunded` event is delivered by the caller.
 */
import { stableId, type ActionContext } from '../../_platform';
import { decideOrder } from '../../../shared/lifecycle';
import type { Order, Refund } from '../../../shared/orders';
import { paymentPort } from '../payment';
import { writeOrderDecision } from './order-tx';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export interface RefundResult {
  refund: Refund;
  /** False when this refund already existed (a replay). */
  created: boolean;
  /** The order after the refund, its new event pending in its outbox. */
  order: Order;
}

/** How refunds of an order are named: the provider's out_refund_no, stable per order and lines. */
export function refundIdFor(orderId: string): (lineIds: string[]) => string {
  return (ids) => `r${stableId('refund', orderId, ...ids)}`;
}

export async function refundOrder(
  ctx: Ctx,
  orderId: string,
  lineIds: string[] | undefined,
  reason: string,
  check?: (order: Order) => void,
): Promise<RefundResult> {
  const provider = paymentPort();
  const r = await writeOrderDecision<Refund>(ctx, orderId, async (order, tx) => {
    check?.(order);
    // Same lines asked again (a retry, a second sweep): answer with the refund already made.
    if (lineIds === undefined && order.status === 'refunded') {
      const lastId = order.lines.find((l) => l.refundId)?.refundId;
      const existing = lastId ? await tx.get<Refund>('refunds', lastId) : undefined;
      if (existing) return { replay: { ...existing, _id: lastId as string } };
    }
    const decision = decideOrder(order, { type: 'refund', lineIds, reason, provider: provider.name, refundIdFor: refundIdFor(orderId) }, ctx.now);
    const recorded = decision.effects.find((e) => e.type === 'refund');
    if (!recorded || recorded.type !== 'refund') throw new Error('a refund decision without its refund');
    return { decision, value: recorded.refund };
  });
  return { refund: r.value, created: r.committed, order: r.order };
}
