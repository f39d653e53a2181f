import { assessReferral, stillQualifies, type ReferralFacts, type ReferralProgram } from './referral';

const program: ReferralProgram = {
  _id: 'rp1',
  status: 'active',
  minOrderFen: 5000,
  refundWindowDays: 7,
  referrerRewardTemplateId: 'ct_ref',
  dailyCapPerReferrer: 3,
  review: { maxPerReferrerPerDay: 5, minMinutesBindToPay: 2 },
};
const paidAt = new Date('2025-03-01T04:00:00Z');
const facts = (f: Partial<ReferralFacts> = {}): ReferralFacts => ({
  buyerOpenid: 'o_cust_2',
  referrerOpenid: 'o_cust_1',
  referrerRole: 'customer',
  referrerReferrerOpenid: null,
  buyerWasNew: true,
  isFirstPaidOrder: true,
  orderPaidFen: 9900,
  boundAt: new Date(paidAt.getTime() - 3_600_000),
  paidAt,
  referrerQualifiedToday: 0,
  ...f,
});

describe('assessReferral', () => {
  it.each([
    ['a new customer referred by a customer waits for the window', facts(), 'waiting', []],
    ['self-referral never counts', facts({ referrerOpenid: 'o_cust_2' }), 'rejected', ['self_referral']],
    ['an existing customer never counts', facts({ buyerWasNew: false }), 'rejected', ['existing_customer']],
    ['staff referrers are not rewarded', facts({ referrerRole: 'sales' }), 'rejected', ['staff_referrer']],
    ['only the first paid order counts', facts({ isFirstPaidOrder: false }), 'rejected', ['not_first_order']],
    ['below the minimum never counts', facts({ orderPaidFen: 4999 }), 'rejected', ['below_minimum']],
    ['mutual referral is held for review', facts({ referrerReferrerOpenid: 'o_cust_2' }), 'review', ['mutual_referral']],
    ['too many in a day is held for review', facts({ referrerQualifiedToday: 5 }), 'review', ['velocity']],
    ['paying seconds after binding is held for review', facts({ boundAt: new Date(paidAt.getTime() - 30_000) }), 'review', ['fast_conversion']],
  ])('%s', (_t, f, status, reasons) => {
    expect(assessReferral(program, f)).toEqual({ status, reasons });
  });

  it('a refund below the minimum voids the referral', () => {
    expect(stillQualifies(program, 9900, 0)).toBe(true);
    expect(stillQualifies(program, 9900, 4900)).toBe(true);
    expect(stillQualifies(program, 9900, 4901)).toBe(false);
    expect(stillQualifies({ minOrderFen: 0 }, 9900, 9900)).toBe(false);
  });
});
