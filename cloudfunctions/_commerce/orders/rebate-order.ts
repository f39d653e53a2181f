/**
 * A ladder team's difference refund for one member order: the decision (`decideOrder … rebate`),
 * the order's move and the refund record are one short transaction (`writeOrderDecision`), so two
 * deliveries or sweeps make one refund; only the request that committed asks the provider (the
 * refund's stable id is its out_refund_no; the refund notice or the sweep's queryRefund ends it).
 * Its `OrderRefunded` event is delivered by the caller.
 */
import { stableId, type ActionContext } from '../../_platform';
import { decideOrder } from '../../../shared/lifecycle';
import type { Tier } from '../../../shared/groupbuy';
import type { Order, Refund } from '../../../shared/orders';
import { paymentPort } from '../payment';
import { writeOrderDecision } from './order-tx';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** The refund id of an order's difference refund (one per order). */
export function rebateIdFor(orderId: string): string {
  return `r${stableId('tier_rebate', orderId)}`;
}

/**
 * Refunds the difference `tier` owes order `orderId`, once. Answers the order after it and whether
 * this call made the refund (false: it existed). Refusals as the decider's (FAILED_PRECONDITION:
 * refunded meanwhile, nothing owed).
 */
export async function rebateOrder(ctx: Ctx, orderId: string, tier: Tier): Promise<{ order: Order; created: boolean }> {
  const provider = paymentPort();
  const refundId = rebateIdFor(orderId);
  const r = await writeOrderDecision<Refund | null>(ctx, orderId, async (order) => {
    if (order.tierRebateId === refundId) return { replay: null };
    const decision = decideOrder(order, { type: 'rebate', tier, provider: provider.name, refundId }, ctx.now);
    return { decision, value: null };
  });
  return { order: r.order, created: r.committed };
}
