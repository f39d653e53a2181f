import { action, getDb } from '../_platform';
import { sales, type ResultOf } from '../../shared/contract';
import { C } from '../_growth/store';
import { SALES_ROLES, salesScope } from './scope';

/**
 * sales.orders {salesId?, skip?, limit?} → paid orders attributed to the salesperson (latest
 * first) with commission and refunds. Round trips: 1 caller read + 1 query.
 */
export const orders = action(sales.orders)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const salesId = salesScope(ctx, input.salesId);
    const _ = getDb().command;
    const res = await getDb()
      .collection(C.growthOrders)
      .where({ salesId: salesId ?? _.neq(null) })
      .orderBy('paidAt', 'desc')
      .skip(input.skip ?? 0)
      .limit(input.limit ?? 20)
      .get();
    const items = (res.data as Array<Omit<ResultOf<typeof sales.orders>['items'][number], 'orderId'> & { _id: string }>).map((o) => ({
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
    return { items, skip: input.skip ?? 0, limit: input.limit ?? 20 };
  },
});
