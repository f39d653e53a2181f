import { action, AppError, store, type Page, type SortKey } from '../_platform';
import { sales } from '../../shared/contract';
import { ledgerTotals, type LedgerEntryLike, type LedgerTotals } from '../../shared/growth';
import { nullWhereAbsent } from '../../shared/records';
import { SALES_ROLES, salesScope } from './scope';

type Entry = LedgerEntryLike & { _id: string; createdAt: Date; settleAt?: Date; productId: string; refundId?: string };

const LATEST_FIRST: SortKey = ['createdAt', 'desc'];

/**
 * sales.ledger {salesId?, cursor?, limit?} → the salesperson's commission entries, latest first, a
 * page at a time; the first page also carries the totals by state (they need every entry: one
 * query per 1000 entries, which gives the first page too). Round trips: 1 caller read + 1 query
 * (per 1000 entries on the first page).
 */
export const ledger = action(sales.ledger)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const salesId = salesScope(ctx, input.salesId);
    if (!salesId) throw new AppError('INVALID_ARGUMENT', 'salesId: required for the boss');
    const limit = input.limit ?? 20;
    let totals: LedgerTotals | null = null;
    let page: Page<Entry>;
    if (input.cursor === undefined) {
      const all = await store.findAll<Entry>('commission_ledger', { salesId }, [LATEST_FIRST, ['_id', 'desc']]);
      totals = ledgerTotals(all);
      page = store.pageOf(all, LATEST_FIRST[0], limit);
    } else {
      page = await store.findPage<Entry>('commission_ledger', { salesId }, { orderBy: LATEST_FIRST, limit, cursor: input.cursor });
    }
    return {
      salesId,
      totals,
      entries: page.items.map((e) => ({
        entryId: e._id,
        kind: e.kind,
        orderId: e.orderId,
        lineId: e.lineId,
        productId: e.productId,
        amountFen: e.amountFen,
        createdAt: e.createdAt,
        ...nullWhereAbsent(e, ['settleAt', 'refundId']),
      })),
      nextCursor: page.nextCursor,
    };
  },
});
