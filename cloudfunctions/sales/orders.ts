import { action } from '../_platform';
import { sales, type ResultOf } from '../../shared/contract';
import { readSalesPage, SALES_ROLES } from './scope';

/**
 * sales.orders {salesId?, cursor?, limit?} → paid orders attributed to the salesperson (latest
 * first) with commission and refunds. Round trips: 1 caller read + 1 query.
 */
export const orders = action(sales.orders)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const page = await readSalesPage<Omit<ResultOf<typeof sales.orders>['items'][number], 'orderId'> & { _id: string }>(ctx, input, {
      collection: 'growth_orders',
      salesField: 'salesId',
      latestField: 'paidAt',
    });
    const items = page.items.map((o) => ({
      orderId: o._id,
      buyerOpenid: o.buyerOpenid,
      salesId: o.salesId,
      shareId: o.shareId,
      depth: o.depth,
      totalFen: o.totalFen,
      refundedFen: o.refundedFen,
      commissionFen: o.commissionFen,
      paidAt: o.paidAt,
      lines: o.lines,
    }));
    return { items, nextCursor: page.nextCursor, limit: page.limit };
  },
});
