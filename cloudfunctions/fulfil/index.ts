/**
 * fulfil (ops and the boss): the to-ship list, shipping one order's lines, shipping many orders
 * from pasted rows. Thin: each parcel is `shipOrder` (one decision, one guarded write).
 */
import { AppError, action, defineFunction } from '../_platform';
import { fulfil as contract } from '../../shared/contract';
import { isAppError } from '../../shared/errors';
import type { OrderStatus } from '../../shared/lifecycle';
import { shipOrder } from '../_commerce/orders/ship-order';
import { toShip } from './to-ship';

const STAFF = ['ops', 'boss'] as const;
/** Rows of one paste shipped at once (each is a few round trips; the rest wait their turn). */
const ROWS_AT_ONCE = 5;

export const main = defineFunction('fulfil', {
  toShip,

  ship: action(contract.ship)({
    access: STAFF,
    run: async (input, ctx) => {
      const r = await shipOrder(ctx, input);
      return { orderId: r.order._id, status: r.order.status, shipmentId: r.shipmentId, lineIds: r.lineIds, alreadyShipped: r.alreadyShipped };
    },
  }),

  shipMany: action(contract.shipMany)({
    access: STAFF,
    run: async (input, ctx) => {
      const seen = new Set<string>();
      for (const [i, row] of input.rows.entries()) {
        if (seen.has(row.orderId)) throw new AppError('INVALID_ARGUMENT', `rows.${i}.orderId: ${row.orderId} is listed twice`);
        seen.add(row.orderId);
      }
      const results: Array<{ orderId: string; outcome: 'shipped' | 'already_shipped' | 'refused'; status: OrderStatus | null; shipmentId: string | null; code: string | null; message: string | null }> = [];
      for (let i = 0; i < input.rows.length; i += ROWS_AT_ONCE) {
        const batch = input.rows.slice(i, i + ROWS_AT_ONCE);
        results.push(
          ...(await Promise.all(
            batch.map(async (row) => {
              try {
                const r = await shipOrder(ctx, row);
                return { orderId: row.orderId, outcome: r.alreadyShipped ? ('already_shipped' as const) : ('shipped' as const), status: r.order.status, shipmentId: r.shipmentId, code: null, message: null };
              } catch (err) {
                if (!isAppError(err)) throw err;
                return { orderId: row.orderId, outcome: 'refused' as const, status: null, shipmentId: null, code: err.code, message: err.message };
              }
            }),
          )),
        );
      }
      return { results };
    },
  }),
});
