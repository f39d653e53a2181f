/**
 * The sweep gives back flash units whose order never came (a `flash.buy` that died between its take
 * and its order insert; docs/flash.md "Orphaned units"). The sales with a take older than the grace
 * period come in the sweep's one due-work aggregate, each with the orders of its takes; per orphan,
 * the guarded `returnFlashUnit` (while the sale lists the order: once, also with two sweeps at once),
 * then one write drops the sale's old take records. Round trips: 0 when nothing is due; else 1 per
 * orphan + 1 per sale.
 */
import { store, type ActionContext } from '../_platform';
import { FLASH_TAKE_GRACE_MS, sortOldTakes, type FlashTake } from '../../shared/flash';
import { returnFlashUnit } from './effects';

/** A sale as the sweep reads it: its takes and the orders they name that exist. */
export interface SaleWithTakes {
  _id: string;
  takes?: FlashTake[];
  _orders?: Array<{ _id: string } | null>;
}

/** The due-work `$lookup` (its field: `flashTakes`) of the sales with a take older than the grace period. */
export function flashTakesLookup(now: Date): { from: 'flash_sales'; pipeline: unknown; as: 'flashTakes' } {
  const _ = store.command();
  return {
    from: 'flash_sales',
    pipeline: _.aggregate
      .pipeline()
      .match({ 'takes.takenAt': _.lte(new Date(now.getTime() - FLASH_TAKE_GRACE_MS)) })
      .limit(100)
      .project({ takes: 1 })
      .lookup({ from: 'orders', localField: 'takes.orderId', foreignField: '_id', as: '_orders' })
      .project({ takes: 1, '_orders._id': 1 }) // whether each order exists, not the orders
      .done(),
    as: 'flashTakes',
  };
}

/** Gives back the orphaned units of the sales read; returns how many units came back. */
export async function reclaimOrphanedUnits(ctx: Pick<ActionContext, 'now' | 'requestId'>, sales: readonly SaleWithTakes[]): Promise<number> {
  const _ = store.command();
  const counts = await Promise.all(
    sales.map(async (sale) => {
      const orders = sale._orders ?? [];
      const orderIds = orders.flatMap((o) => (typeof o?._id === 'string' ? [o._id] : []));
      // A joined order without its id cannot be told from a missing one; giving a unit back that
      // an order holds would sell it twice. Such a sale waits for the next run.
      if (orderIds.length !== orders.length) {
        console.warn(`[sweep] request ${ctx.requestId}: flash sale ${sale._id} came with an unreadable order; its takes are left for the next run`);
        return 0;
      }
      const { orphans, done } = sortOldTakes(sale.takes ?? [], new Set(orderIds), ctx.now);
      try {
        const given = await Promise.all(orphans.map((t) => returnFlashUnit(sale._id, t.buyerKey, t.orderId)));
        // Only after the units are back: a run dying here leaves the records for the next run.
        if (done.length > 0) await store.guardedUpdate('flash_sales', { _id: sale._id }, { takes: _.pull({ orderId: _.in(done) }) });
        return given.filter(Boolean).length;
      } catch (err) {
        console.error(`[sweep] request ${ctx.requestId}: orphaned flash units of ${sale._id}`, err);
        return 0;
      }
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}
