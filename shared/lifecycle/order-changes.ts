/**
 * An order's guarded write as data, for the moves written without a decision on a read order
 * (the payment, the move to the warehouse) and for the decider.
 */
import type { Condition, EntityChange } from './change';
import type { OrderMove } from './tables';

/** The change of one order move. */
export type OrderChange = Extract<EntityChange, { entity: 'order' }>;

/** One move of order `orderId`: the table's source states plus `requires` guard it. */
export function orderChange(orderId: string, move: OrderMove, set: Record<string, unknown>, requires: Condition[] = []): OrderChange {
  return { entity: 'order', id: orderId, move, requires, set, inc: {} };
}

/**
 * The move of a paid order to the warehouse, without reading it (the reaction to `OrderPaid` of a
 * normal order; for a group order the team's success moves all its paid orders at once).
 * @example readyToShipChange('o1', now).set // { status: 'to_ship', readyAt: now, updatedAt: now }
 */
export function readyToShipChange(orderId: string, now: Date): OrderChange {
  return orderChange(orderId, 'readyToShip', { status: 'to_ship', readyAt: now, updatedAt: now });
}

