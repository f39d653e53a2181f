import { stableId, store } from '../_platform';
import { counterPaths, reversalFen, stillQualifies, type GrowthOrder, type LedgerEntry, type Metrics } from '../../shared/growth';
import type { RefundedLines } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import type { GrowthCtx } from './context';
import { incDayCounters, incTotals } from './counters';

/**
 * `OrderRefunded` for the growth loop: reverses commission proportionally to the refunded fen of
 * each line, once per (refundId, lineId), and voids a referral the order no longer qualifies for.
 * The claim on the growth copy (conditional on its `rev`) records the reversal entries with the
 * refund, so a re-delivery after a failed ledger write writes the same entries again.
 * Round trips: 1 read (growth_orders) + 1 conditional write (optimistic `rev`, retried on a
 * concurrent refund) + 1 write per reversed line (deterministic ids) + 1 day counter + 1 totals
 * (+1 conditional write voiding a referral). An order whose `OrderPaid` the growth loop has not
 * recorded has nothing to reverse (events are delivered in order, so that is an unattributed one).
 */
export async function reverseRefundedCommission(ctx: GrowthCtx, order: Pick<Order, '_id'>, refund: RefundedLines): Promise<void> {
  const refunds = refund.lines.map((l) => ({ ...l, refundId: refund.refundId }));
  const _ = store.command();
  for (let attempt = 0; attempt < 8; attempt++) {
    const g = await store.getById<GrowthOrder>('growth_orders', order._id);
    if (!g) return; // never paid (or the paid hook has not run): nothing to reverse
    // A re-delivery: the reversal was claimed before; its entries are written again (same ids).
    await reassertReversals(g, refund.refundId);
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
        reversals: _.push(entries),
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

/** The reversal entries of a refund already claimed on the growth copy: inserted again, once each (1 per entry). */
async function reassertReversals(g: GrowthOrder, refundId: string): Promise<void> {
  const entries = (g.reversals ?? []).filter((e) => e.refundId === refundId);
  await Promise.all(entries.map((e) => store.insertOnce('commission_ledger', e)));
}
