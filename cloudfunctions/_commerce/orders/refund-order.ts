/**
 * Refunds some or all lines of a paid order. The decision (`decideOrder … refund`), the order's
 * move, the refund record and the refunded lines' stock are one short transaction on the order
 * (`writeOrderDecision`: so two concurrent refunds of the same lines — e.g. two sweeps — make one
 * refund, a refund racing a shipment of the same line loses to it or wins over it, never both,
 * and the stock of goods never shipped or received back comes
 * back exactly once with it, even when the commit's reply is lost and the refund is asked again);
 * only the request that created the refund asks the provider for the money back (the refund's
 * stable id is its out_refund_no; the refund notice or the sweep ends it: follow-refunds.ts). Its
 * `OrderRefunded` event is recorded by the same transaction and delivered by the caller
 * (`deliver`, outbox.ts).
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
    // A full refund asked again (a retry — also after a lost reply —, a second sweep): answer with the refund already made.
    const again = refundAskedAgain(order, lineIds);
    const existing = again ? await tx.get<Refund>('refunds', again) : undefined;
    if (existing && again) return { replay: { ...existing, _id: again } };
    const decision = decideOrder(order, { type: 'refund', lineIds, reason, provider: provider.name, refundIdFor: refundIdFor(orderId) }, ctx.now);
    const recorded = decision.effects.find((e) => e.type === 'refund');
    if (!recorded || recorded.type !== 'refund') throw new Error('a refund decision without its refund');
    return { decision, value: recorded.refund };
  });
  return { refund: r.value, created: r.committed, order: r.order };
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
