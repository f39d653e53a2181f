import { emptySummary, type CustomerSummary } from './summary';
import { isReminderDue, rankFollowUps, REASON_WEIGHTS, type Reminder } from './follow-up';

const NOW = new Date('2026-06-05T02:00:00Z');
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const s = (fields: Partial<CustomerSummary>): CustomerSummary => ({ ...emptySummary(), events: 1, lastAt: ago(DAY), ...fields });
const reminder = (salesId: string, remindAt: Date): Reminder => ({ salesId, noteId: 'n', text: 'call', remindAt });

describe('the today list', () => {
  it('ranks by the sum of reason weights, then the latest activity, then openid; customers without a reason are left out', () => {
    const rows = rankFollowUps(
      [
        { openid: 'quiet', summary: s({}), reminder: null, couponSoon: false },
        { openid: 'cart', summary: s({ lastOrderAt: ago(3600_000) }), reminder: null, couponSoon: false },
        { openid: 'due', summary: s({}), reminder: reminder('o_li', ago(60_000)), couponSoon: false },
        { openid: 'reader-b', summary: s({ readDays: { '2026-06-05': 2 }, lastAt: ago(1000) }), reminder: null, couponSoon: false },
        { openid: 'reader-a', summary: s({ readDays: { '2026-06-05': 2 }, lastAt: ago(1000) }), reminder: null, couponSoon: false },
        { openid: 'reader-old', summary: s({ readDays: { '2026-06-04': 2 }, lastAt: ago(DAY) }), reminder: null, couponSoon: false },
        { openid: 'coupon', summary: s({}), reminder: null, couponSoon: true },
      ],
      'o_li',
      NOW,
    );
    expect(rows.map((r) => [r.openid, r.reasons, r.score])).toEqual([
      ['due', ['reminder_due'], REASON_WEIGHTS.reminder_due],
      ['cart', ['cart_unpaid'], REASON_WEIGHTS.cart_unpaid],
      ['reader-a', ['hot_reader'], REASON_WEIGHTS.hot_reader],
      ['reader-b', ['hot_reader'], REASON_WEIGHTS.hot_reader],
      ['reader-old', ['hot_reader'], REASON_WEIGHTS.hot_reader],
      ['coupon', ['coupon_expiring'], REASON_WEIGHTS.coupon_expiring],
    ]);
  });

  it('a reminder is due from its date for 7 days, only for the salesperson who set it (the boss sees everyone\'s)', () => {
    expect(isReminderDue(reminder('o_li', ago(60_000)), 'o_li', NOW)).toBe(true);
    expect(isReminderDue(reminder('o_li', new Date(NOW.getTime() + 60_000)), 'o_li', NOW)).toBe(false);
    expect(isReminderDue(reminder('o_li', ago(8 * DAY)), 'o_li', NOW)).toBe(false);
    expect(isReminderDue(reminder('o_li', ago(60_000)), 'o_wang', NOW)).toBe(false);
    expect(isReminderDue(reminder('o_li', ago(60_000)), null, NOW)).toBe(true);
  });
});
