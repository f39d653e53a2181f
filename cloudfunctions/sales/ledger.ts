import { action, AppError, store } from '../_platform';
import { sales } from '../../shared/contract';
import { ledgerTotals, type LedgerEntryLike } from '../../shared/growth';
import { SALES_ROLES, salesScope } from './scope';

/**
 * sales.ledger {salesId?} → the salesperson's commission entries (latest first, up to 200) and
 * totals by state. Round trips: 1 caller read + 1 query per 1000 entries of this salesperson.
 */
export const ledger = action(sales.ledger)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const salesId = salesScope(ctx, input.salesId);
    if (!salesId) throw new AppError('INVALID_ARGUMENT', 'salesId: required for the boss');
    const entries = await store.findAll<LedgerEntryLike & { _id: string; createdAt: Date; settleAt?: Date; productId: string; refundId?: string }>(
      'commission_ledger',
      { salesId },
      [['createdAt', 'desc']],
    );
    return {
      salesId,
      totals: ledgerTotals(entries),
      entries: entries.slice(0, 200).map((e) => ({
        entryId: e._id,
        kind: e.kind,
        orderId: e.orderId,
        lineId: e.lineId,
        productId: e.productId,
        amountFen: e.amountFen,
        createdAt: e.createdAt,
        settleAt: e.settleAt ?? null,
        refundId: e.refundId ?? null,
      })),
    };
  },
});
