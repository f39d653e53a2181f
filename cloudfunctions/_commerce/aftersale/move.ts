/**
 * The moves of an open after-sale request: review (approve / reject), the buyer's cancel, the
 * goods received back — each a transaction on its order that re-reads the request, decides
 * (`decideAfterSale`) and writes the request, the order's lines and events, and any refund; the
 * follow-ups (money, stock) are applied by the call that committed. The buyer's return parcel is
 * the request's own guarded write. Round trips: 1 read (the request) + the transaction + follow-ups
 * + the delivery of its events.
 */
import { AppError, store, type ActionContext } from '../../_platform';
import { decideAfterSale, decideShipBack, type AfterSaleCommand } from '../../../shared/lifecycle';
import type { AfterSaleRequest, Order } from '../../../shared/orders';
import { applyChangeReturning } from '../effects';
import { refundIdFor } from '../orders/refund-order';
import { writeOrderDecision } from '../orders/order-tx';
import { deliver } from '../outbox';
import { paymentPort } from '../payment';

/** A request the caller may act on: the buyer's own (`ownerOnly`), or any for staff. NOT_FOUND otherwise. */
export async function loadRequest(ctx: ActionContext, requestId: string, ownerOnly: boolean): Promise<AfterSaleRequest> {
  const request = await store.getById<AfterSaleRequest>('aftersale_requests', requestId);
  const staff = ctx.user.role === 'ops' || ctx.user.role === 'boss';
  if (!request || (request.buyerOpenid !== ctx.openid && (ownerOnly || !staff))) throw new AppError('NOT_FOUND', `no after-sale request ${requestId}`);
  return request;
}

/** What the buyer or staff ask of a request, without the refund naming (added here). */
export type RequestMove = { type: 'approve'; note: string } | { type: 'reject'; note: string } | { type: 'cancel' } | { type: 'receiveReturn' };

export async function moveAfterSale(ctx: ActionContext, request: AfterSaleRequest, move: RequestMove): Promise<{ request: AfterSaleRequest; order: Order }> {
  const naming = { provider: paymentPort().name, refundIdFor: refundIdFor(request.orderId) };
  const command: AfterSaleCommand =
    move.type === 'approve' || move.type === 'reject'
      ? { ...move, by: ctx.openid, ...naming }
      : move.type === 'receiveReturn'
        ? { type: 'receiveReturn', by: ctx.openid, ...naming }
        : move;
  const r = await writeOrderDecision<AfterSaleRequest>(ctx, request.orderId, async (order, tx) => {
    const current = await tx.get<AfterSaleRequest>('aftersale_requests', request._id);
    if (!current) throw new AppError('NOT_FOUND', `no after-sale request ${request._id}`);
    const d = decideAfterSale(order, { ...current, _id: request._id }, command, ctx.now);
    return { decision: d.order, writes: [{ collection: 'aftersale_requests', id: request._id, doc: { ...d.request } }], value: d.request };
  });
  return { request: r.value, order: (await deliver(ctx, r.order)).order };
}

/** The buyer's return parcel left (1 guarded write; a lost guard: 1 read to say why). */
export async function shipBack(ctx: ActionContext, request: AfterSaleRequest, parcel: { carrier: string; trackingNo: string }): Promise<AfterSaleRequest> {
  const d = decideShipBack(request, parcel, ctx.now);
  const written = await applyChangeReturning<AfterSaleRequest>(d.change);
  if (written) return written;
  const now = await loadRequest(ctx, request._id, true);
  if (now.status === 'return_shipped' && now.returnShipment?.trackingNo === parcel.trackingNo) return now;
  throw new AppError('FAILED_PRECONDITION', `the request is ${now.status}`);
}
