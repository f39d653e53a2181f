import type { Payout } from '../../shared/lifecycle';
import type { ResultOf } from '../../shared/contract';
import type { payoutViewSchema } from '../../shared/contract/payout';

/** A stored payout as the contract shows it. */
export function payoutView(p: Payout): ResultOf<{ input: Record<string, never>; reply: typeof payoutViewSchema }> {
  return {
    payoutId: p._id,
    salesId: p.salesId,
    salesName: p.salesName ?? null,
    amountFen: p.amountFen,
    status: p.status,
    balanceAtRequestFen: p.balanceAtRequestFen,
    requestedAt: p.requestedAt,
    reviewedAt: p.reviewedAt ?? null,
    reviewNote: p.reviewNote ?? null,
    cancelledAt: p.cancelledAt ?? null,
    paidAt: p.paidAt ?? null,
    reference: p.reference ?? null,
  };
}
