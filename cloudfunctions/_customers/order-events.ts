/**
 * The customer stream as a subscriber of order events (the outbox consumer, _commerce/outbox.ts,
 * calls it for every event of an order and again on re-delivery): each order event becomes the
 * buyer's customer event with a deterministic id, so a re-delivery records nothing twice.
 */
import { stableId, type ActionContext } from '../_platform';
import type { CustomerEvent } from '../../shared/customers';
import type { OrderEvent } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import { recordCustomerEvent } from './record-event';

/**
 * The customer event an order event is (pure but for the ids); null for the events the customer
 * stream does not record yet (team success, shipment, after-sale, completion).
 */
export function customerEventOf(order: Order, event: OrderEvent): CustomerEvent | null {
  const base = { openid: order.buyerOpenid, salesId: order.attribution?.salesId ?? null, at: new Date(event.at) };
  switch (event.type) {
    case 'OrderCreated':
      return { ...base, _id: stableId('order_created', order._id), type: 'order_created', data: { orderId: order._id, totalFen: order.totalFen } };
    case 'OrderPaid':
      return { ...base, _id: stableId('order_paid', order._id), type: 'order_paid', data: { orderId: order._id, paidFen: order.paidFen || order.totalFen, couponId: order.couponId } };
    case 'OrderRefunded':
      return {
        ...base,
        _id: stableId('order_refunded', order._id, event.refundId),
        type: 'order_refunded',
        data: { orderId: order._id, refundId: event.refundId, refundFen: event.lines.reduce((n, l) => n + l.refundFen, 0), full: event.full },
      };
    default:
      return null;
  }
}

/** Records the buyer's customer event for one order event (idempotent). */
export async function applyCustomerStreamOf(ctx: Pick<ActionContext, 'now' | 'requestId'>, order: Order, event: OrderEvent): Promise<void> {
  const customerEvent = customerEventOf(order, event);
  if (customerEvent) await recordCustomerEvent(ctx, customerEvent);
}
