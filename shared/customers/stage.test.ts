import { emptySummary, type CustomerSummary } from './summary';
import { stageOf, stageRank } from './stage';

const s = (fields: Partial<CustomerSummary>): CustomerSummary => ({ ...emptySummary(), ...fields });

describe('AIPL stage', () => {
  const cases: Array<[string, Partial<CustomerSummary>, string | null]> = [
    ['no events: no stage', {}, null],
    ['opened a share: aware', { events: 1, byType: { share_opened: 1 } }, 'aware'],
    ['looked at a card only: aware', { events: 2, byType: { share_opened: 1, card_viewed: 1 } }, 'aware'],
    ['viewed a product: interest', { events: 2, byType: { share_opened: 1, product_viewed: 1 } }, 'interest'],
    ['read a material: interest', { events: 1, byType: { material_read: 1 } }, 'interest'],
    ['tapped "save phone": interest', { events: 2, byType: { card_viewed: 1, card_tapped: 1 } }, 'interest'],
    ['claimed a coupon: interest', { events: 1, byType: { coupon_claimed: 1 } }, 'interest'],
    ['created an order, unpaid: interest', { events: 1, byType: { order_created: 1 } }, 'interest'],
    ['one paid order: purchase', { events: 2, byType: { order_created: 1, order_paid: 1 }, ordersPaid: 1 }, 'purchase'],
    ['one paid order, fully refunded: still purchase (refunds never demote)', { events: 3, ordersPaid: 1, ordersRefunded: 1 }, 'purchase'],
    ['two paid orders: loyal', { events: 4, ordersPaid: 2 }, 'loyal'],
  ];
  it.each(cases)('%s', (_name, fields, stage) => {
    expect(stageOf(s(fields))).toBe(stage);
  });

  it('ranks rise from aware to loyal, none is 0', () => {
    expect([null, 'aware', 'interest', 'purchase', 'loyal'].map((x) => stageRank(x as never))).toEqual([0, 1, 2, 3, 4]);
  });
});
