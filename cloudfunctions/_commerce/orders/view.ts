import { normalizedLines, type FullLine } from '../../../shared/lifecycle';
import { carrierName } from '../../../shared/fulfil/carriers';
import type { Order, Shipment } from '../../../shared/orders';

/** A parcel as pages show it (the carrier's name beside its code). */
export function shipmentView(s: Shipment) {
  return { shipmentId: s.shipmentId, lineIds: s.lineIds, carrier: s.carrier, carrierName: carrierName(s.carrier), trackingNo: s.trackingNo, shippedAt: s.shippedAt };
}

/** A line as the fulfilment and after-sale pages show it. */
export function fulfilLineView(l: FullLine) {
  return { lineId: l.lineId, title: l.title, skuName: l.skuName, qty: l.qty, paidFen: l.paidFen, state: l.state, afterSaleId: l.afterSaleId };
}

/** What the client sees of an order (an order stored before fulfilment existed reads as never shipped). */
export function orderView(order: Order) {
  return {
    orderId: order._id,
    status: order.status,
    kind: order.kind,
    lines: normalizedLines(order.lines),
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
    shipments: (order.shipments ?? []).map(shipmentView),
    shippedAt: order.shippedAt ?? null,
    receivedAt: order.receivedAt ?? null,
    receivedBy: order.receivedBy ?? null,
    completedAt: order.completedAt ?? null,
  };
}
