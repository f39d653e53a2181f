import type { Order } from '../../../shared/orders';

/** What the client sees of an order. */
export function orderView(order: Order) {
  return {
    orderId: order._id,
    status: order.status,
    kind: order.kind,
    lines: order.lines,
    subtotalFen: order.subtotalFen,
    activityDiscountFen: order.activityDiscountFen,
    couponDiscountFen: order.couponDiscountFen,
    discountFen: order.discountFen,
    // Orders made before shipping existed (issue 12) carry neither field.
    shippingFen: order.shippingFen ?? 0,
    totalFen: order.totalFen,
    paidFen: order.paidFen,
    refundedFen: order.refundedFen,
    couponId: order.couponId,
    teamId: order.teamId,
    dealTerms: order.dealTerms,
    address: order.address ?? null,
    createdAt: order.createdAt,
    payDeadlineAt: order.payDeadlineAt,
    paidAt: order.paidAt,
    closedAt: order.closedAt,
    closeReason: order.closeReason,
  };
}
