import { action, store } from '../_platform';
import { fulfil } from '../../shared/contract';
import { normalizedLines } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import { fulfilLineView, shipmentView } from '../_commerce/orders/view';

const PAGE = { orderBy: ['paidAt', 'asc'] as const, limit: 20 };

/**
 * fulfil.toShip {cursor?}: orders waiting to ship, oldest paid first, with the buyer's name.
 * Round trips: 1 caller + 1 aggregate (the page with its buyers joined).
 */
export const toShip = action(fulfil.toShip)({
  access: ['ops', 'boss'],
  run: async (input) => {
    const page = { ...PAGE, orderBy: [...PAGE.orderBy] as [string, 'asc'], cursor: input.cursor };
    const res = await store
      .aggregate('orders')
      .match(store.pageQuery({ status: 'to_ship' }, page))
      .sort(store.pageSort(page))
      .limit(page.limit + 1)
      .lookup({ from: 'users', localField: 'buyerOpenid', foreignField: '_id', as: '_buyer' })
      .end();
    const { items: rows, nextCursor } = store.pageOf(store.aggregateRows<Order & { _buyer?: Array<{ name?: string }> }>(res), page.orderBy[0], page.limit);
    return {
      items: rows.map((o) => ({
        orderId: o._id,
        kind: o.kind,
        buyerOpenid: o.buyerOpenid,
        buyerName: o._buyer?.[0]?.name ?? '',
        paidAt: o.paidAt ?? o.createdAt,
        totalFen: o.totalFen,
        lines: normalizedLines(o.lines).map(fulfilLineView),
        shipments: (o.shipments ?? []).map(shipmentView),
      })),
      nextCursor,
    };
  },
});
