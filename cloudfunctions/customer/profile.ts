import { action, store } from '../_platform';
import { customer as contract } from '../../shared/contract';
import { customerIdentity, foldFields, isReminderDue, stageOf, tagsAt } from '../../shared/customers';
import type { SummaryDoc } from '../_customers/record-event';
import { couponSoonLookup } from '../_customers/coupons-soon';
import { CUSTOMER_360_ROLES, notesScope, ownCustomer } from './scope';

interface NoteDoc {
  _id: string;
  openid: string;
  salesId: string;
  text: string;
  remindAt: Date | null;
  at: Date;
}

/**
 * customer.profile {openid}: who they are, AIPL stage, rule tags at now, manual tags, spend and
 * counts — all from the stored summary, whatever the number of events — the reminder due and the
 * latest 20 notes (a salesperson's own only). Round trips: caller and customer together, then the
 * summary (with its unused coupon expiring soon joined) and the notes in parallel = 3.
 */
export const profile = action(contract.profile)({
  access: CUSTOMER_360_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ownCustomer(ctx, input.openid);
    const scope = notesScope(ctx);
    const [doc, notes] = await Promise.all([
      // The summary, with the customer's first unused coupon expiring soon joined (the tag's fact).
      store
        .aggregate('customer_summaries')
        .match({ _id: u._id })
        .limit(1)
        .project({ seen: 0, coupons: 0 }) // the ring of applied events; a per-coupon map summaries once kept
        .lookup(couponSoonLookup(u._id, ctx.now, '_couponSoon'))
        .end()
        .then((res) => store.aggregateRows<SummaryDoc & { _couponSoon?: unknown[] }>(res)[0]),
      store.find<NoteDoc>('customer_notes', { openid: u._id, ...(scope ? { salesId: scope } : {}) }, { orderBy: [['at', 'desc']], limit: 20 }),
    ]);
    const s = foldFields(doc ?? {});
    const who = customerIdentity(u, u._id);
    const reminder = doc?.reminder && isReminderDue(doc.reminder, scope, ctx.now) ? doc.reminder : null;
    const sum = (byDay: Record<string, number>) => Object.values(byDay).reduce((n, x) => n + x, 0);
    return {
      openid: u._id,
      nickname: who.nickname,
      avatar: who.avatar,
      salesId: u.boundSalesId ?? null,
      boundAt: u.boundAt ?? null,
      stage: stageOf(s),
      ruleTags: tagsAt(s, ctx.now, (doc?._couponSoon?.length ?? 0) > 0),
      manualTags: doc?.manualTags ?? [],
      spentFen: s.spentFen,
      ordersPaid: s.ordersPaid,
      ordersRefunded: s.ordersRefunded,
      events: s.events,
      views: sum(s.viewDays),
      reads: sum(s.readDays),
      firstAt: s.firstAt,
      lastAt: s.lastAt,
      reminder: reminder ? { noteId: reminder.noteId, text: reminder.text, remindAt: reminder.remindAt, salesId: reminder.salesId } : null,
      notes: notes.map((n) => ({ noteId: n._id, text: n.text, remindAt: n.remindAt ?? null, at: n.at, salesId: n.salesId })),
    };
  },
});

