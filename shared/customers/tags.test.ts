import { emptySummary, type CustomerSummary } from './summary';
import { couponSoonWindow, tagsAt, TAG_RULES } from './tags';

const NOW = new Date('2026-06-05T02:00:00Z'); // 10:00, June 5 in China
const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const s = (fields: Partial<CustomerSummary>): CustomerSummary => ({ ...emptySummary(), events: 1, ...fields });

describe('rule tags at now', () => {
  const cases: Array<[string, Partial<CustomerSummary>, string[]]> = [
    ['nothing recent: no tag', { viewDays: { '2026-05-20': 9 } }, []],
    ['viewed 3 times over the last 7 days (today included): frequent viewer', { viewDays: { '2026-06-05': 1, '2026-06-02': 1, '2026-05-30': 1 } }, ['frequent_viewer']],
    ['3 views but one of them 7 days ago: not frequent', { viewDays: { '2026-06-05': 1, '2026-06-02': 1, '2026-05-29': 1 } }, []],
    ['2 material reads in the last 3 days: hot reader', { readDays: { '2026-06-04': 1, '2026-06-03': 1 } }, ['hot_reader']],
    ['reads 3 days apart: not hot', { readDays: { '2026-06-05': 1, '2026-06-02': 1 } }, []],
    ['an order created an hour ago, never paid: cart not paid', { lastOrderAt: ago(60 * MIN) }, ['cart_unpaid']],
    ['an order created 5 minutes ago: still paying, no tag', { lastOrderAt: ago(5 * MIN) }, []],
    ['an order created 4 days ago: too old', { lastOrderAt: ago(4 * DAY) }, []],
    ['an order paid after it was created: no tag', { lastOrderAt: ago(60 * MIN), lastPaidAt: ago(55 * MIN) }, []],
    ['a new order after an earlier payment: cart not paid', { lastOrderAt: ago(60 * MIN), lastPaidAt: ago(2 * DAY) }, ['cart_unpaid']],
    ['bound by a share 2 days ago: new customer', { lastBoundAt: ago(2 * DAY) }, ['new_customer']],
    [
      'several at once, strongest first',
      { lastOrderAt: ago(2 * 60 * MIN), readDays: { '2026-06-05': 2 }, viewDays: { '2026-06-05': 3 }, lastBoundAt: ago(DAY) },
      ['cart_unpaid', 'hot_reader', 'frequent_viewer', 'new_customer'],
    ],
  ];
  it.each(cases)('%s', (_name, fields, tags) => {
    expect(tagsAt(s(fields), NOW, false)).toEqual(tags);
  });

  it('an unused coupon expiring soon (a fact read from coupons) adds its tag in its place', () => {
    expect(tagsAt(s({}), NOW, true)).toEqual(['coupon_expiring']);
    expect(tagsAt(s({ lastOrderAt: ago(60 * MIN), viewDays: { '2026-06-05': 3 } }), NOW, true)).toEqual(['cart_unpaid', 'coupon_expiring', 'frequent_viewer']);
  });

  it('soon is after now and at the latest 3 days later', () => {
    expect(couponSoonWindow(NOW)).toEqual({ after: NOW, until: new Date(NOW.getTime() + 3 * DAY) });
  });

  it('the rules are the numbers docs/briefcase.md states', () => {
    expect(TAG_RULES).toMatchObject({ frequentViews: 3, frequentDays: 7, hotReads: 2, hotDays: 3, cartGraceMs: 10 * MIN, cartMaxMs: 3 * DAY, couponSoonMs: 3 * DAY, newMs: 3 * DAY });
  });
});
