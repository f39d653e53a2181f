/**
 * The salesperson's "today" list: which customers to follow up now, ranked, with the reasons
 * (pure; the weights are written down in docs/briefcase.md).
 */
import type { CustomerSummary } from './summary';
import { tagsAt, type RuleTag } from './tags';

const DAY_MS = 86_400_000;

/** A follow-up reminder a salesperson set with a note. */
export interface Reminder {
  salesId: string;
  noteId: string;
  text: string;
  remindAt: Date;
}

/** A reminder is due from its date for this long (or until a newer note replaces it). */
export const REMINDER_DUE_MS = 7 * DAY_MS;

/** Why a customer is on the list. */
export type FollowUpReason = 'reminder_due' | RuleTag;

/** How much each reason weighs in the ranking. */
export const REASON_WEIGHTS: Record<FollowUpReason, number> = {
  reminder_due: 100,
  cart_unpaid: 80,
  hot_reader: 60,
  coupon_expiring: 50,
  frequent_viewer: 40,
  new_customer: 30,
};

/** A customer the today list may show. */
export interface FollowUpCandidate {
  openid: string;
  summary: CustomerSummary;
  reminder: Reminder | null;
  /** Holds an unused coupon expiring soon (see tagsAt). */
  couponSoon: boolean;
}

/** One row of the today list. */
export interface FollowUp {
  openid: string;
  score: number;
  /** Strongest first. */
  reasons: FollowUpReason[];
  reminder: Reminder | null;
  lastAt: Date | null;
}

/** True when `reminder` is due at `now` for `salesId` (the one who set it). */
export function isReminderDue(reminder: Reminder | null, salesId: string | null, now: Date): boolean {
  if (!reminder || (salesId !== null && reminder.salesId !== salesId)) return false;
  const t = now.getTime();
  const at = new Date(reminder.remindAt).getTime();
  return at <= t && t - at <= REMINDER_DUE_MS;
}

/**
 * Ranks the candidates: only those with a reason at `now`; by the sum of their reasons' weights,
 * then the latest activity, then openid (a stable order). `salesId`: whose reminders count (null:
 * everyone's, for the boss).
 * @example rankFollowUps([{ openid: 'a', summary, reminder: null }], 'o_sales_li', now)[0].reasons // ['cart_unpaid']
 */
export function rankFollowUps(candidates: readonly FollowUpCandidate[], salesId: string | null, now: Date): FollowUp[] {
  const rows: FollowUp[] = [];
  for (const c of candidates) {
    const reasons: FollowUpReason[] = [...(isReminderDue(c.reminder, salesId, now) ? (['reminder_due'] as const) : []), ...tagsAt(c.summary, now, c.couponSoon)];
    if (reasons.length === 0) continue;
    reasons.sort((a, b) => REASON_WEIGHTS[b] - REASON_WEIGHTS[a]);
    rows.push({
      openid: c.openid,
      score: reasons.reduce((n, r) => n + REASON_WEIGHTS[r], 0),
      reasons,
      reminder: c.reminder,
      lastAt: c.summary.lastAt,
    });
  }
  const last = (r: FollowUp) => (r.lastAt ? new Date(r.lastAt).getTime() : 0);
  return rows.sort((a, b) => b.score - a.score || last(b) - last(a) || a.openid.localeCompare(b.openid));
}
