/**
 * aftersale.request: the buyer's request on some lines. The photos must be the buyer's own
 * uploads and exist (one storage call, not a database round trip). The decision and its writes —
 * the request, the lines it holds (or, approved at once, the refund) and the order's events —
 * are one transaction on the order: 20 requests on one line at once make one request, the
 * others are refused (FAILED_PRECONDITION: a request is open) or asked to retry (CONFLICT). The
 * same request repeated (a retry after a lost reply) answers the first one.
 * Round trips: the settings and the order (in parallel), then the transaction (2 + order read + writes), then the follow-ups
 * and the delivery of its events.
 */
import { AppError, getTempFileUrls, store, type ActionContext, type Transaction } from '../../_platform';
import { afterSaleOf, decideAfterSaleRequest, pickLines } from '../../../shared/lifecycle';
import type { AfterSaleKind, AfterSaleRequest, Order, Refund } from '../../../shared/orders';
import { afterSaleWindowMs } from '../../../shared/settings/fulfilment';
import { isOwnUpload } from '../../../shared/uploads';
import { refundIdFor } from '../orders/refund-order';
import { writeOrderDecision } from '../orders/order-tx';
import { deliver } from '../outbox';
import { paymentPort } from '../payment';
import { fulfilmentSettings } from '../settings';

export interface AfterSaleAsk {
  orderId: string;
  lineIds: string[];
  kind: AfterSaleKind;
  reason: string;
  photos?: string[];
}

/** Refuses photos that are not the caller's own existing uploads (INVALID_ARGUMENT naming the photo). */
async function checkPhotos(ctx: ActionContext, photos: readonly string[]): Promise<void> {
  photos.forEach((id, i) => {
    if (!isOwnUpload(id, ctx.openid, 'aftersale')) throw new AppError('INVALID_ARGUMENT', `photos.${i}: not one of your uploads`);
  });
  if (photos.length === 0) return;
  const found = await getTempFileUrls([...photos]);
  photos.forEach((id, i) => {
    if (!found.has(id)) throw new AppError('INVALID_ARGUMENT', `photos.${i}: no such file`);
  });
}

/**
 * The request these lines already made (a repeated ask): the one holding them, or the one whose
 * refund settled them — when it asked the same.
 */
async function askedBefore(tx: Transaction, order: Order, ask: AfterSaleAsk): Promise<AfterSaleRequest | undefined> {
  const lines = order.lines.filter((l) => ask.lineIds.includes(l.lineId));
  const holders = [...new Set(lines.map(afterSaleOf))];
  const refunds = [...new Set(lines.map((l) => l.refundId))];
  let candidate = holders.length === 1 ? holders[0] : null;
  if (!candidate && refunds.length === 1 && refunds[0]) candidate = (await tx.get<Refund>('refunds', refunds[0]))?.afterSaleId ?? null;
  if (!candidate) return undefined;
  const r = await tx.get<AfterSaleRequest>('aftersale_requests', candidate);
  if (!r || r.kind !== ask.kind || r.reason !== ask.reason || [...r.lineIds].sort().join() !== [...new Set(ask.lineIds)].sort().join()) return undefined;
  return { ...r, _id: candidate };
}

export async function requestAfterSale(ctx: ActionContext, ask: AfterSaleAsk): Promise<{ request: AfterSaleRequest; order: Order }> {
  await checkPhotos(ctx, ask.photos ?? []);
  // The order read beside the settings: a request naming another's order or lines the order does
  // not have is refused before any transaction starts (the transaction decides again on its read).
  const [settings, seen] = await Promise.all([fulfilmentSettings(ctx), store.getById<Order>('orders', ask.orderId)]);
  if (!seen || seen.buyerOpenid !== ctx.openid) throw new AppError('NOT_FOUND', `no order ${ask.orderId}`);
  pickLines(seen, ask.lineIds);
  const requestId = `as${ctx.newId(14)}`;
  const r = await writeOrderDecision<AfterSaleRequest>(ctx, ask.orderId, async (order, tx) => {
    if (order.buyerOpenid !== ctx.openid) throw new AppError('NOT_FOUND', `no order ${ask.orderId}`);
    pickLines(order, ask.lineIds);
    const before = await askedBefore(tx, order, ask);
    if (before) return { replay: before };
    const d = decideAfterSaleRequest(
      order,
      {
        requestId,
        lineIds: ask.lineIds,
        kind: ask.kind,
        reason: ask.reason,
        photos: ask.photos ?? [],
        rules: { windowMs: afterSaleWindowMs(settings), autoApproveUnshipped: settings.autoApproveUnshippedRefund },
        provider: paymentPort().name,
        refundIdFor: refundIdFor(order._id),
      },
      ctx.now,
    );
    return { decision: d.order, writes: [{ collection: 'aftersale_requests', id: requestId, doc: { ...d.request } }], value: d.request };
  });
  return { request: r.value, order: (await deliver(ctx, r.order)).order };
}
