import type { Payout } from '../../shared/lifecycle';
import { nullWhereAbsent } from '../../shared/records';
import type { ResultOf } from '../../shared/contract';
import type { payoutViewSchema } from '../../shared/contract/payout';

/** A stored payout as the contract shows it. */
export function payoutView(p: Payout): ResultOf<{ input: Record<string, never>; reply: typeof payoutViewSchema }> {
  return {
    payoutId: p._id,
    salesId: p.salesId,
    amountFen: p.amountFen,
    status: p.status,
    balanceAtRequestFen: p.balanceAtRequestFen,
    requestedAt: p.requestedAt,
    ...nullWhereAbsent(p, ['salesName', 'reviewedAt', 'reviewNote', 'cancelledAt', 'paidAt', 'reference']),
  };
}
