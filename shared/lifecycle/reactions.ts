/**
 * The commerce reactions to an order's events: the moves of its coupon and team member (and, for
 * a normal order, its move to the warehouse) that follow from the order's own move, and a paid
 * order's stock holds becoming sales. They are applied by the event's consumer (again, safely, when
 * the sweep re-delivers it: every one is a guarded move), in the order the events happened — so a
 * member is always paid before it is refunded.
 */
import type { Order } from '../orders/order';
import { stockHoldId, type Effect } from './effects';
import type { OrderEvent } from './events';

/**
 * @example reactToOrderEvent(paidGroupOrderWithCoupon, orderPaid(now))
 *   // [{ type: 'useCoupon', ... }, { type: 'payMember', ... }]
 * @example reactToOrderEvent(paidNormalOrder, orderPaid(now)) // [{ type: 'readyToShip', orderId }]
 */
export function reactToOrderEvent(order: Pick<Order, '_id' | 'couponId' | 'teamId' | 'memberId' | 'lines'>, event: OrderEvent): Effect[] {
  const effects: Effect[] = [];
  switch (event.type) {
    case 'OrderPaid':
      for (const l of order.lines) effects.push({ type: 'settleStock', skuId: l.skuId, holdId: stockHoldId(order._id, l.lineId) });
      if (order.couponId) effects.push({ type: 'useCoupon', couponId: order.couponId, orderId: order._id });
      // A group order waits for its team: the team's success moves it (`shipTeam`).
      if (order.teamId && order.memberId) effects.push({ type: 'payMember', teamId: order.teamId, memberId: order.memberId });
      else effects.push({ type: 'readyToShip', orderId: order._id });
      return effects;
    case 'OrderRefunded':
      if (!event.full) return effects;
      if (order.couponId) effects.push({ type: 'returnCoupon', couponId: order.couponId, orderId: order._id });
      if (order.memberId) effects.push({ type: 'refundMember', memberId: order.memberId });
      return effects;
    case 'OrderCreated':
    case 'TeamSucceeded':
    case 'OrderShipped':
    case 'AfterSaleUpdated':
    case 'OrderCompleted':
      return effects;
  }
}
