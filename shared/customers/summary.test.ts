import { applyEvent, emptySummary, summarize, summaryDelta, type CustomerSummary } from './summary';
import type { CustomerEvent } from './events';

const T = new Date('2026-06-01T02:00:00Z'); // 10:00 in China
const H = 3_600_000;
const at = (hours: number) => new Date(T.getTime() + hours * H);
const base = { openid: 'o_c', salesId: 'o_s' };

const E = {
  share: (h: number, bound: boolean): CustomerEvent => ({ ...base, _id: `s${h}`, type: 'share_opened', at: at(h), data: { shareId: 'S', targetType: 'card', targetId: 'o_s', bound } }),
  card: (h: number): CustomerEvent => ({ ...base, _id: `c${h}`, type: 'card_viewed', at: at(h), data: { cardSalesId: 'o_s' } }),
  product: (h: number, productId = 'p01'): CustomerEvent => ({ ...base, _id: `p${h}${productId}`, type: 'product_viewed', at: at(h), data: { productId, title: 'x' } }),
  read: (h: number): CustomerEvent => ({ ...base, _id: `r${h}`, type: 'material_read', at: at(h), data: { materialId: 'm1', title: 'x', kind: 'case' } }),
  claim: (h: number, couponId: string, validToAt: Date | null): CustomerEvent => ({ ...base, _id: `k${couponId}`, type: 'coupon_claimed', at: at(h), data: { couponId, templateId: 't', title: 'x', validToAt } }),
  created: (h: number, orderId = 'o1'): CustomerEvent => ({ ...base, _id: `oc${orderId}`, type: 'order_created', at: at(h), data: { orderId, totalFen: 990 } }),
  paid: (h: number, orderId = 'o1', couponId: string | null = null, paidFen = 990): CustomerEvent => ({ ...base, _id: `op${orderId}`, type: 'order_paid', at: at(h), data: { orderId, paidFen, couponId } }),
  refunded: (h: number, refundFen: number, full: boolean): CustomerEvent => ({ ...base, _id: `or${h}`, type: 'order_refunded', at: at(h), data: { orderId: 'o1', refundId: `r${h}`, refundFen, full } }),
};

describe('summaryDelta: what each event changes', () => {
  const cases: Array<[string, CustomerEvent, Partial<ReturnType<typeof summaryDelta>>]> = [
    ['a share open that bound the customer', E.share(0, true), { max: { lastAt: at(0), lastBoundAt: at(0), attentionUntil: at(72) } }],
    ['a share open that did not bind', E.share(0, false), { max: { lastAt: at(0) } }],
    ['a card view counts as a view of the day', E.card(0), { inc: { events: 1, 'byType.card_viewed': 1, 'viewDays.2026-06-01': 1 } }],
    ['a product view counts per product', E.product(0), { inc: { events: 1, 'byType.product_viewed': 1, 'viewDays.2026-06-01': 1, 'productViews.p01': 1 } }],
    ['a material read counts as a view and a read', E.read(0), { inc: { events: 1, 'byType.material_read': 1, 'viewDays.2026-06-01': 1, 'readDays.2026-06-01': 1 } }],
    ['a claim keeps the customer a candidate until the coupon expires (the coupon itself is read from coupons)', E.claim(0, 'c1', at(48)), { set: {}, max: { lastAt: at(0), attentionUntil: at(48) } }],
    ['a payment adds spend (its coupon is marked used on the coupon)', E.paid(0, 'o1', 'c1'), { inc: { events: 1, 'byType.order_paid': 1, ordersPaid: 1, spentFen: 990 }, set: {} }],
    ['a partial refund takes spend back', E.refunded(0, 300, false), { inc: { events: 1, 'byType.order_refunded': 1, spentFen: -300 } }],
    ['a full refund also counts the order refunded', E.refunded(0, 990, true), { inc: { events: 1, 'byType.order_refunded': 1, spentFen: -990, ordersRefunded: 1 } }],
  ];
  it.each(cases)('%s', (_name, event, expected) => {
    expect(summaryDelta(event)).toMatchObject(expected);
  });

  it('the day of a view is the China day (16:30 UTC is the next day in Beijing)', () => {
    expect(summaryDelta(E.card(14.5)).inc).toHaveProperty(['viewDays.2026-06-02'], 1);
  });

  it('ids that are not safe field names are not counted per key (never a path into the document)', () => {
    expect(summaryDelta(E.product(0, '__proto__')).inc).not.toHaveProperty(['productViews.__proto__']);
    expect(summaryDelta(E.product(0, 'a.b')).inc).not.toHaveProperty(['productViews.a.b']);
  });
});

describe('summarize: the fold of a customer story', () => {
  it('adds up views, reads, orders and spend, and keeps the first and last instants', () => {
    const s: CustomerSummary = summarize([E.share(0, true), E.card(1), E.read(2), E.product(3), E.product(4), E.claim(5, 'c1', at(100)), E.created(6), E.paid(6.1, 'o1', 'c1'), E.refunded(30, 300, false)]);
    expect(s).toMatchObject({
      events: 9,
      firstAt: at(0),
      lastAt: at(30),
      viewDays: { '2026-06-01': 4 },
      readDays: { '2026-06-01': 1 },
      productViews: { p01: 2 },
      ordersPaid: 1,
      ordersRefunded: 0,
      spentFen: 690,
      lastOrderAt: at(6),
      lastPaidAt: at(6.1),
      lastBoundAt: at(0),
      // the latest of: the last view + 7 days, the order + 3 days, the coupon's expiry
      attentionUntil: at(4 + 7 * 24),
    });
  });

  it('the order of arrival does not matter (every delta commutes)', () => {
    const events = [E.share(0, true), E.card(1), E.read(2), E.claim(3, 'c1', at(60)), E.created(4), E.paid(5, 'o1', 'c1'), E.refunded(6, 990, true)];
    expect(summarize([...events].reverse())).toEqual(summarize(events));
  });

  it('applyEvent never changes the summary it is given', () => {
    const s = emptySummary();
    applyEvent(s, E.card(0));
    expect(s).toEqual(emptySummary());
  });
});
