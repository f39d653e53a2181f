import { action, store } from '../_platform';
import { customer as contract } from '../../shared/contract';
import { customerIdentity, foldFields, rankFollowUps, stageOf, type CustomerSummary, type IdentityFields } from '../../shared/customers';
import type { GrowthUserFields } from '../../shared/growth';
import type { SummaryDoc } from '../_customers/record-event';
import { holdersOfCouponsSoon } from '../_customers/coupons-soon';
import { CUSTOMER_360_ROLES, notesScope } from './scope';

/** The candidates read (summaries whose attention or reminder window is open now). */
const CANDIDATES = 500;
/** The rows shown. */
const SHOWN = 50;

type Row = SummaryDoc & { _user?: Array<IdentityFields & GrowthUserFields & { role?: string }> };

/**
 * customer.today: the customers to follow up now, ranked with their reasons (shared/customers
 * follow-up.ts). One aggregate reads the candidates — the caller's customers' summaries whose
 * attention window (`attentionUntil`, from their events) or reminder window (`remindUntil`) is open
 * at `now` — with each customer's user document; the rest is the pure ranking. A salesperson sees
 * only customers still bound to them. A second read finds which of them hold an unused coupon
 * expiring soon (`_customers/coupons-soon.ts`). Round trips: caller + 2 (caller + 1 with no
 * candidate), whatever the number of events or coupons.
 */
export const today = action(contract.today)({
  access: CUSTOMER_360_ROLES,
  async run(_input, ctx) {
    const _ = store.command();
    const salesId = notesScope(ctx);
    const mine = salesId ? { salesId } : {};
    const res = await store
      .aggregate('customer_summaries')
      .match(_.or([{ ...mine, attentionUntil: _.gte(ctx.now) }, { ...mine, remindUntil: _.gte(ctx.now) }]))
      .sort({ _id: 1 })
      .limit(CANDIDATES)
      // Not what the ranking reads: the applied-event ring (up to 100 ids), per-product views, and
      // the per-coupon map summaries kept before coupons were read from `coupons` (it only grew).
      .project({ seen: 0, productViews: 0, coupons: 0 })
      .lookup({ from: 'users', localField: '_id', foreignField: '_id', as: '_user' })
      .end();
    const rows = store.aggregateRows<Row>(res).filter((r) => !salesId || r._user?.[0]?.boundSalesId === salesId);
    // Each row with its summary, folded once (the ranking and the stage both read it).
    const byId = new Map(rows.map((r) => [r._id, { row: r, summary: foldFields(r) }]));
    const couponSoon = await holdersOfCouponsSoon([...byId.keys()], ctx.now);
    const ranked = rankFollowUps(
      [...byId.values()].map(({ row, summary }) => ({ openid: row._id, summary, reminder: row.reminder ?? null, couponSoon: couponSoon.has(row._id) })),
      salesId,
      ctx.now,
    ).slice(0, SHOWN);
    return {
      asOf: ctx.now,
      items: ranked.map((f) => {
        const { row, summary } = byId.get(f.openid) as { row: Row; summary: CustomerSummary };
        const who = customerIdentity(row._user?.[0], f.openid);
        const reminder = f.reasons.includes('reminder_due') && f.reminder ? f.reminder : null;
        return {
          openid: f.openid,
          nickname: who.nickname,
          avatar: who.avatar,
          salesId: row._user?.[0]?.boundSalesId ?? row.salesId ?? null,
          stage: stageOf(summary),
          score: f.score,
          reasons: f.reasons,
          reminder: reminder ? { noteId: reminder.noteId, text: reminder.text, remindAt: reminder.remindAt, salesId: reminder.salesId } : null,
          lastAt: f.lastAt,
        };
      }),
    };
  },
});
