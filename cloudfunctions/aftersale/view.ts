import { getTempFileUrls, store, type PageSpec } from '../_platform';
import { carrierName } from '../../shared/fulfil/carriers';
import { normalizedLines } from '../../shared/lifecycle';
import type { AfterSaleRequest, Order } from '../../shared/orders';
import { fulfilLineView } from '../_commerce/orders/view';

/** A request as its pages show it: its lines as they are now, its photos with temporary URLs. */
export function afterSaleView(r: AfterSaleRequest, order: Pick<Order, 'lines'> | undefined, urls: Map<string, string>) {
  return {
    requestId: r._id,
    orderId: r.orderId,
    buyerOpenid: r.buyerOpenid,
    kind: r.kind,
    reason: r.reason,
    photos: r.photos.map((fileId) => ({ fileId, url: urls.get(fileId) ?? '' })),
    status: r.status,
    lineIds: r.lineIds,
    lines: order ? normalizedLines(order.lines).filter((l) => r.lineIds.includes(l.lineId)).map(fulfilLineView) : [],
    refundFen: r.refundFen,
    autoApproved: r.autoApproved,
    note: r.note,
    createdAt: r.createdAt,
    reviewedAt: r.reviewedAt,
    returnShipment: r.returnShipment ? { ...r.returnShipment, carrierName: carrierName(r.returnShipment.carrier) } : null,
    returnReceivedAt: r.returnReceivedAt,
    refundedAt: r.refundedAt,
    cancelledAt: r.cancelledAt,
  };
}

/** Views of requests with their photos' URLs in one storage call (none when no photo). */
export async function viewsOf(rows: Array<{ request: AfterSaleRequest; order: Pick<Order, 'lines'> | undefined }>) {
  const urls = await getTempFileUrls([...new Set(rows.flatMap((x) => x.request.photos))]);
  return rows.map((x) => afterSaleView(x.request, x.order, urls));
}

/** One page of requests matching `where`, each with its order's lines (1 aggregate). */
export async function requestPage(where: Record<string, unknown>, page: PageSpec) {
  const res = await store
    .aggregate('aftersale_requests')
    .match(store.pageQuery(where, page))
    .sort(store.pageSort(page))
    .limit(page.limit + 1)
    .lookup({ from: 'orders', localField: 'orderId', foreignField: '_id', as: '_order' })
    .end();
  const { items: rows, nextCursor } = store.pageOf(store.aggregateRows<AfterSaleRequest & { _order?: Order[] }>(res), page.orderBy[0], page.limit);
  const items = await viewsOf(rows.map(({ _order, ...request }) => ({ request, order: _order?.[0] })));
  return { items, nextCursor };
}
