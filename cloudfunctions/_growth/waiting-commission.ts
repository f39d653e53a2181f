/**
 * Commission that waits for a valid plan (an invalid `commission_plans` document could have been
 * the salesperson's when the order was paid): the sweep computes it once the plan reads valid
 * again, exactly once per line, and reverses what was refunded meanwhile.
 */
import { stableId, store } from '../_platform';
import { choosePlan, counterPaths, mergePaths, reversalFen, type GrowthOrder, type LedgerEntry } from '../../shared/growth';
import type { GrowthCtx } from './context';
import { incDayCounters, incTotals } from './counters';
import { loadCommissionPlanDocs } from './live-docs';
import { settleCompletedOrder } from './order-completed';
import { commissionFieldsOf, pendingEntries } from './order-paid';

const BATCH = 200;

/** The refund id of reversals for refunds that arrived while the commission waited. */
export const WHILE_WAITING = 'while-waiting';

/**
 * The reversals of refunds made before the commission was known: per line, what the existing
 * rule would have reversed for everything refunded so far.
 */
function catchUpReversals(ctx: GrowthCtx, g: GrowthOrder): LedgerEntry[] {
  if (!g.salesId) return [];
  return g.lines.flatMap((l) => {
    const refunded = g.refundedByLine[l.lineId] ?? 0;
    const amountFen = reversalFen(l.commissionFen, l.paidFen, 0, refunded);
    if (amountFen <= 0) return [];
    return [{ _id: stableId(g._id, l.lineId, 'reversed', WHILE_WAITING), kind: 'reversed' as const, salesId: g.salesId as string, orderId: g._id, lineId: l.lineId, productId: l.productId, buyerOpenid: g.buyerOpenid, amountFen, baseFen: l.paidFen, refundId: WHILE_WAITING, refundFen: refunded, createdAt: ctx.now }];
  });
}

/**
 * One sweep step. For each order whose commission waits: the plan is chosen again for its
 * salesperson at its payment time; when one applies, a claim (conditional on `waiting` and on
 * the copy's `rev`, so a concurrent refund and this claim cannot both miss each other) writes the
 * commission per line and the catch-up reversals onto the copy and moves it to `computing`; then
 * the ledger entries are inserted by their deterministic ids and the copy moves to `computed`,
 * whose winner counts the commission. A sweep that dies between the two leaves `computing`, and
 * the next one inserts the same entries and finishes. Still invalid: it keeps waiting.
 * Round trips: 1 query + 1 plans read (when any waits) + per order: 1 claim + 1 per entry + 1 mark
 * (+ 2 counters).
 */
export async function computeWaitingCommission(ctx: GrowthCtx): Promise<{ commissionComputed: number; commissionWaiting: number }> {
  const _ = store.command();
  const due = await store.find<GrowthOrder>('growth_orders', { commissionStatus: _.in(['waiting', 'computing']) }, { orderBy: [['paidAt', 'asc']], limit: BATCH });
  if (due.length === 0) return { commissionComputed: 0, commissionWaiting: 0 };
  const planDocs = await loadCommissionPlanDocs();
  let computed = 0;
  let waiting = 0;
  for (const g of due) {
    let claimed = g;
    if (g.commissionStatus === 'waiting') {
      const choice = choosePlan(planDocs, g.salesId as string, new Date(g.paidAt));
      if (choice.kind !== 'plan') {
        waiting++;
        continue;
      }
      const fields = commissionFieldsOf(g.lines, g.salesId, choice, new Date(g.paidAt), ctx.now);
      claimed = { ...g, ...fields, commissionStatus: 'computing', commissionWaiting: null };
      const reversals = catchUpReversals(ctx, claimed);
      claimed.reversals = [...(g.reversals ?? []), ...reversals];
      const won = await store.guardedUpdate(
        'growth_orders',
        { _id: g._id, commissionStatus: 'waiting', rev: g.rev },
        { ...fields, commissionStatus: 'computing', commissionWaiting: null, rev: _.inc(1), reversals: _.push(reversals), computedAt: ctx.now },
      );
      if (!won) continue; // a refund or another sweep moved it: the next run sees it again
    }
    const entries = [...pendingEntries(ctx, claimed), ...(claimed.reversals ?? []).filter((r) => r.refundId === WHILE_WAITING)];
    await Promise.all(entries.map((e) => store.insertOnce('commission_ledger', e)));
    const done = await store.updateAndReturn<GrowthOrder>('growth_orders', { _id: g._id, commissionStatus: 'computing' }, { commissionStatus: 'computed' });
    if (!done) continue;
    computed++;
    // The order completed while this waited: settle now (order-completed.ts marked it).
    if (done.completedAt) await settleCompletedOrder(ctx, done);
    const reversedFen = entries.filter((e) => e.kind === 'reversed').reduce((s, e) => s + e.amountFen, 0);
    const scopes = { salesId: claimed.salesId, campaign: claimed.campaign, experiments: claimed.experiments };
    await Promise.all([
      incDayCounters(new Date(claimed.paidAt), mergePaths(counterPaths(scopes, { commissionFen: claimed.commissionFen }), counterPaths(scopes, { reversedFen }))),
      incTotals(counterPaths({ salesId: claimed.salesId }, { commissionFen: claimed.commissionFen, reversedFen })),
    ]);
  }
  return { commissionComputed: computed, commissionWaiting: waiting };
}
