/**
 * Shipping lines of an order (`fulfil.ship`, `fulfil.shipMany`): decide on the order as read
 * (`decideOrder … ship`: each line `open → shipped`, none with an after-sale request open), then
 * one guarded write that pins every line as read — a refund or an after-sale request that moved a
 * line meanwhile makes it lose, and the next read decides again (ship then refuses with the
 * line's state, a clear code). The parcel's id is deterministic per (order, carrier, tracking
 * number): the same row shipped again changes nothing. Round trips: 1 read + 1 write + the
 * delivery of `OrderShipped` (its message, the mark).
 */
import { AppError, stableId, store, type ActionContext } from '../../_platform';
import { afterSaleOf, decideOrder, lineStateOf } from '../../../shared/lifecycle';
import { normalizeTrackingNo } from '../../../shared/fulfil/carriers';
import type { Order } from '../../../shared/orders';
import { applyChangeReturning, eventsOf } from '../effects';
import { deliver } from '../outbox';

/** One parcel to record. `lineIds` omitted: every line still to ship without an after-sale request open. */
export interface ShipRequest {
  orderId: string;
  lineIds?: readonly string[];
  carrier: string;
  trackingNo: string;
}

/** What shipping did. */
export interface ShipResult {
  order: Order;
  shipmentId: string;
  lineIds: string[];
  /** The same parcel was recorded before: nothing changed. */
  alreadyShipped: boolean;
}

/** The id of the parcel `trackingNo` of `carrier` carrying lines of `orderId`. */
export function shipmentIdOf(orderId: string, carrier: string, trackingNo: string): string {
  return `sh${stableId('shipment', orderId, carrier, trackingNo)}`;
}

const ATTEMPTS = 3;

export async function shipOrder(ctx: ActionContext, req: ShipRequest): Promise<ShipResult> {
  const trackingNo = normalizeTrackingNo(req.trackingNo);
  if (!trackingNo) throw new AppError('INVALID_ARGUMENT', 'trackingNo: not a tracking number');
  const shipmentId = shipmentIdOf(req.orderId, req.carrier, trackingNo);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const order = await store.getById<Order>('orders', req.orderId);
    if (!order) throw new AppError('NOT_FOUND', `no order ${req.orderId}`);
    const recorded = order.shipments?.find((s) => s.shipmentId === shipmentId);
    if (recorded) {
      if (req.lineIds && !req.lineIds.every((id) => recorded.lineIds.includes(id))) {
        throw new AppError('FAILED_PRECONDITION', 'this tracking number already carried other lines of this order');
      }
      return { order, shipmentId, lineIds: recorded.lineIds, alreadyShipped: true };
    }
    const lineIds = req.lineIds ? [...req.lineIds] : order.lines.filter((l) => lineStateOf(l) === 'open' && afterSaleOf(l) === null).map((l) => l.lineId);
    if (lineIds.length === 0) {
      const held = order.lines.find((l) => lineStateOf(l) === 'open');
      throw new AppError('FAILED_PRECONDITION', held ? `line ${held.lineId} has an after-sale request open` : `nothing left to ship (the order is ${order.status})`);
    }
    const decision = decideOrder(order, { type: 'ship', lineIds, shipmentId, carrier: req.carrier, trackingNo, by: ctx.openid }, ctx.now);
    const won = await applyChangeReturning<Order>(decision.change, eventsOf(decision.effects));
    if (won) return { order: (await deliver(ctx, won)).order, shipmentId, lineIds, alreadyShipped: false };
    // A line moved meanwhile (a refund, an after-sale request, another parcel): decide again.
  }
  throw new AppError('CONFLICT', 'the order keeps changing, please retry');
}
