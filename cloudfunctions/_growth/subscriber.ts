/**
 * The growth loop as a subscriber of order events: the one consumer (`_commerce/outbox.ts`) calls
 * this for every event of an order, in the order they happened, and again when the sweep
 * re-delivers an event nobody marked handled — so each handler is idempotent per event.
 */
import { counterPaths, type Metrics } from '../../shared/growth';
import type { OrderEvent } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import type { GrowthCtx } from './context';
import { incDayCounters } from './counters';
import { settleCompletedOrder, type Settled } from './order-completed';
import { recordPaidOrder, scopesOf } from './order-paid';
import { reverseRefundedCommission } from './order-refunded';

/** What the growth effects of an event tell the other subscribers (the commission a completion settled). */
export interface GrowthFacts {
  settled?: Settled;
}

/**
 * Applies the growth effects of one order event.
 * - `OrderCreated`: the funnel's order step (1 day-counter write; the consumer marks this event
 *   handled before calling, so a crash loses the count and never doubles it).
 * - `OrderPaid`: commission, first payment, referral candidate, counters (see order-paid.ts).
 * - `OrderRefunded`: reversal per line (see order-refunded.ts).
 * - `OrderCompleted`: the order's commission becomes settleable (see order-completed.ts).
 * Shipping and after-sale events have no growth effects.
 */
export async function applyGrowthOf(ctx: GrowthCtx, order: Order, event: OrderEvent): Promise<GrowthFacts> {
  switch (event.type) {
    case 'OrderCreated': {
      const m: Metrics = { orders: 1, shareOrders: order.attribution.shareId ? 1 : 0 };
      await incDayCounters(event.at, counterPaths(scopesOf(order), m));
      return {};
    }
    case 'OrderPaid':
      await recordPaidOrder(ctx, order);
      return {};
    case 'OrderRefunded':
      await reverseRefundedCommission(ctx, order, event);
      return {};
    case 'OrderCompleted': {
      const settled = await settleCompletedOrder(ctx, order);
      return settled ? { settled } : {};
    }
    case 'TeamSucceeded':
    case 'OrderShipped':
    case 'AfterSaleUpdated':
      return {};
  }
}

/** Events whose growth effects are counters only: marked handled before they are applied (at most once). */
export function isCountOnly(event: OrderEvent): boolean {
  return event.type === 'OrderCreated';
}
