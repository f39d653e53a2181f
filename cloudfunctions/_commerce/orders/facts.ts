import type { OrderFacts } from '../../_growth';
import type { Order } from '../../../shared/orders';

/** The view of an order the growth hooks take. */
export function orderFacts(order: Order): OrderFacts {
  return {
    _id: order._id,
    buyerOpenid: order.buyerOpenid,
    attribution: order.attribution,
    lines: order.lines.map((l) => ({ lineId: l.lineId, productId: l.productId, skuId: l.skuId, qty: l.qty, paidFen: l.paidFen })),
    totalFen: order.totalFen,
    paidAt: order.paidAt ?? undefined,
    couponId: order.couponId,
    discountFen: order.discountFen,
    dealId: order.dealTerms?._id ?? null,
    teamId: order.teamId,
  };
}
