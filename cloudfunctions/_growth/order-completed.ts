import { stableId, store } from '../_platform';
import { counterPaths, settleableOf, type GrowthOrder, type LedgerEntry } from '../../shared/growth';
import type { Order } from '../../shared/orders';
import type { GrowthCtx } from './context';
import { incDayCounters, incTotals } from './counters';

/** The commission an order's completion made settleable, for its salesperson. */
export interface Settled {
  salesId: string;
  amountFen: number;
}

/**
 * `OrderCompleted` for the growth loop: the only place commission becomes settleable. Each line's
 * commission less what refunds reversed gets one `settleable` entry (deterministic id per line:
 * a re-delivery inserts nothing new and moves no counter). Answers what this completion settled
 * (also on a re-delivery, so its message can still be sent), or null when the order earned nothing
 * (or its commission still waits for a valid plan: then the sweep settles it once computed).
 * Round trips: 1 read (growth copy) + 1 insert per line + 1 day counter + 1 totals (first delivery).
 */
export async function settleCompletedOrder(ctx: GrowthCtx, order: Pick<Order, '_id'>): Promise<Settled | null> {
  let g = await store.getById<GrowthOrder>('growth_orders', order._id);
  if (!g || !g.salesId) return null;
  if (g.commissionStatus === 'waiting' || g.commissionStatus === 'computing') {
    // Not known yet: the sweep settles it when it computes it (waiting-commission.ts). A guarded
    // mark, so a computation finishing meanwhile is seen (then it is settled here, now).
    const _ = store.command();
    if (await store.guardedUpdate('growth_orders', { _id: order._id, commissionStatus: _.in(['waiting', 'computing']) }, { completedAt: ctx.now })) return null;
    g = await store.getById<GrowthOrder>('growth_orders', order._id);
    if (!g?.salesId) return null;
  }
  const salesId = g.salesId;
  const lines = settleableOf(g.lines, g.reversals ?? []);
  const entries: LedgerEntry[] = lines.map((l) => ({
    _id: stableId(order._id, l.lineId, 'settleable'),
    kind: 'settleable',
    salesId,
    orderId: order._id,
    lineId: l.lineId,
    productId: l.productId,
    buyerOpenid: g.buyerOpenid,
    amountFen: l.amountFen,
    baseFen: l.paidFen,
    createdAt: ctx.now,
  }));
  const inserted = await Promise.all(entries.map((e) => store.insertOnce('commission_ledger', e)));
  const newlyFen = entries.filter((_e, i) => inserted[i]).reduce((s, e) => s + e.amountFen, 0);
  if (newlyFen > 0) {
    const paths = counterPaths({ salesId }, { settledFen: newlyFen });
    await Promise.all([incDayCounters(ctx.now, paths), incTotals(paths)]);
  }
  const amountFen = entries.reduce((s, e) => s + e.amountFen, 0);
  return amountFen > 0 ? { salesId, amountFen } : null;
}
