import { stableId, type ActionContext } from '../_platform';
import { visitWindow, type CustomerEventData, type CustomerEventOf, type VisitType } from '../../shared/customers';
import { recordCustomerEvent } from './record-event';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/**
 * Opens a visit (a card, product or material page seen by a customer): one event per customer,
 * target and half hour — a reload or a retried request reuses it — carrying the time spent that
 * the page reports afterwards (material.progress). Returns the visit id.
 * Round trips: recordCustomerEvent's (1 for a visit already open).
 */
export async function openVisit<T extends VisitType>(
  ctx: Ctx,
  visit: { type: T; openid: string; salesId: string | null; targetId: string; data: CustomerEventData[T]; customerName?: string },
): Promise<string> {
  const visitId = stableId(visit.type, visit.openid, visit.targetId, String(visitWindow(ctx.now)));
  const event = {
    _id: visitId,
    openid: visit.openid,
    salesId: visit.salesId,
    type: visit.type,
    at: ctx.now,
    data: visit.data,
    seconds: 0,
    depth: 0,
    lastReportAt: null,
  } as CustomerEventOf<T>;
  await recordCustomerEvent(ctx, event as never, { customerName: visit.customerName });
  return visitId;
}
