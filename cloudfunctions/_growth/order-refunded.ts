import { stableId, store } from '../_platform';
import { counterPaths, reversalFen, stillQualifies, type Metrics } from '../../shared/growth';
import type { HookCtx, OrderFacts } from './index';
import type { GrowthOrder, LedgerEntry } from './order-paid';
import { incDayCounters, incTotals } from './counters';

/**
 * Reverses commission proportionally to the refunded fen of each line, once per (refundId, lineId).
 * Round trips: 1 read (growth_orders) + 1 conditional write (optimistic `rev`, retried on a
 * concurrent refund) + 1 write per reversed line (deterministic ids) + 1 day counter + 1 totals
 * (+1 conditional write voiding a referral that no longer qualifies).
 */
export async function onOrderRefundedImpl(
  ctx: HookCtx,
  order: OrderFacts,
  refunds: Array<{ lineId: string; refundFen: number; refundId: string }>,
): Promise<void> {
  const _ = store.command();
  for (let attempt = 0; attempt < 8; attempt++) {
    const g = await store.getById<GrowthOrder>('growth_orders', order._id);
    if (!g) return; // never paid (or the paid hook has not run): nothing to reverse
    const fresh = refunds.filter((r) => r.refundFen > 0 && !g.appliedRefunds.includes(`${r.refundId}:${r.lineId}`));
    if (fresh.length === 0) return;

    const refundedByLine = { ...g.refundedByLine };
    const entries: LedgerEntry[] = [];
    let refundFen = 0;
    for (const r of fresh) {
      const line = g.lines.find((l) => l.lineId === r.lineId);
      if (!line) continue;
      const before = refundedByLine[r.lineId] ?? 0;
      const amount = g.salesId ? reversalFen(line.commissionFen, line.paidFen, before, r.refundFen) : 0;
      refundedByLine[r.lineId] = before + r.refundFen;
      refundFen += r.refundFen;
      if (amount > 0 && g.salesId) {
        entries.push({
          _id: stableId(order._id, r.lineId, 'reversed', r.refundId),
          kind: 'reversed',
          salesId: g.salesId,
          orderId: order._id,
          lineId: r.lineId,
          productId: line.productId,
          buyerOpenid: g.buyerOpenid,
          amountFen: amount,
          baseFen: line.paidFen,
          refundId: r.refundId,
          refundFen: r.refundFen,
          createdAt: ctx.now,
        });
      }
    }
    const claimed = await store.guardedUpdate(
      'growth_orders',
      { _id: order._id, rev: g.rev },
      {
        rev: _.inc(1),
        refundedByLine,
        refundedFen: _.inc(refundFen),
        appliedRefunds: _.push(fresh.map((r) => `${r.refundId}:${r.lineId}`)),
      },
    );
    if (!claimed) continue; // a concurrent refund moved the order: re-read and recompute

    await Promise.all(entries.map((e) => store.insertOnce('commission_ledger', e)));
    const reversedFen = entries.reduce((s, e) => s + e.amountFen, 0);
    const m: Metrics = { refunds: 1, refundFen, reversedFen };
    const scopes = { salesId: g.salesId, campaign: g.campaign, experiments: g.experiments };
    const voidReferral =
      g.referral && !stillQualifies(g.referral, g.totalFen, g.refundedFen + refundFen)
        ? store.updateMany('referral_rewards', { _id: g.buyerOpenid, orderId: order._id, status: _.in(['waiting', 'review']) }, { status: 'void', voidedAt: ctx.now })
        : Promise.resolve();
    await Promise.all([
      incDayCounters(ctx.now, counterPaths(scopes, m)),
      g.salesId && reversedFen > 0 ? incTotals(counterPaths({ salesId: g.salesId }, { reversedFen })) : Promise.resolve(),
      voidReferral,
    ]);
    return;
  }
  throw new Error(`refund of ${order._id}: too many concurrent refunds, retry`);
}
