/** Stored documents for lifecycle unit tests: valid defaults, fixed ids and times, overridable. */
import type { Coupon } from '../../shared/coupons';
import type { Team, TeamMember } from '../../shared/groupbuy';
import { NO_EVENTS } from '../../shared/lifecycle';
import type { DealTerms, Order, OrderLine } from '../../shared/orders';

export const NOW = new Date('2026-06-01T02:00:00Z');
export const MIN = 60_000;
export const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * MIN);

export const DUO: DealTerms = {
  _id: 'duo',
  title: '2人拼团',
  productId: 'p01',
  skuId: 'p01-s1',
  groupSize: 2,
  groupPriceFen: 12800,
  listPriceFen: 16800,
  validHours: 24,
  joinEligibility: 'anyone',
  allowCoupon: false,
  perUserLimit: 2,
};

export function aLine(lineId: string, overrides: Partial<OrderLine> = {}): OrderLine {
  return {
    lineId,
    productId: 'p03',
    skuId: 'p03-s1',
    title: 'p03',
    skuName: 's1',
    qty: 1,
    unitPriceFen: 9800,
    listPriceFen: 9800,
    subtotalFen: 9800,
    activityDiscountFen: 0,
    couponDiscountFen: 0,
    discountFen: 0,
    paidFen: 9800,
    refundedFen: 0,
    refundId: null,
    ...overrides,
  };
}

export function anOrder(overrides: Partial<Order> = {}): Order {
  const lines = overrides.lines ?? [aLine('L1')];
  const totalFen = lines.reduce((s, l) => s + l.paidFen, 0);
  return {
    _id: 'o1',
    buyerOpenid: 'o_cust_1',
    idempotencyKey: 'key-0001',
    kind: 'normal',
    status: 'pending_pay',
    lines,
    subtotalFen: totalFen,
    activityDiscountFen: 0,
    couponDiscountFen: 0,
    discountFen: 0,
    totalFen,
    couponId: null,
    teamId: null,
    memberId: null,
    dealTerms: null,
    attribution: { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} },
    createdAt: NOW,
    payDeadlineAt: at(15),
    paidAt: null,
    tradeNo: null,
    paidFen: 0,
    refundedFen: 0,
    closedAt: null,
    closeReason: null,
    updatedAt: NOW,
    ...NO_EVENTS,
    ...overrides,
  };
}

/** A paid order of `lines`. */
export function aPaidOrder(overrides: Partial<Order> = {}): Order {
  const o = anOrder(overrides);
  return { ...o, status: 'paid', paidAt: NOW, tradeNo: 'wx1', paidFen: o.totalFen, ...overrides };
}

export function aTeam(overrides: Partial<Team> = {}): Team {
  return {
    _id: 't1',
    dealId: DUO._id,
    terms: DUO,
    size: 2,
    leaderOpenid: 'o_cust_1',
    salesId: null,
    status: 'forming',
    seatsTaken: 1,
    paidCount: 0,
    createdAt: NOW,
    expiresAt: at(24 * 60),
    succeededAt: null,
    failedAt: null,
    refundsDoneAt: null,
    ...overrides,
  };
}

export function aMember(overrides: Partial<TeamMember> = {}): TeamMember {
  return { _id: 't1_o_cust_2', teamId: 't1', openid: 'o_cust_2', orderId: 'o2', isLeader: false, status: 'pending_pay', joinedAt: NOW, paidAt: null, ...overrides };
}

export function aCoupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    _id: 'c1',
    templateId: 'ct_flat5',
    ownerOpenid: 'o_cust_1',
    title: '无门槛减5',
    rule: { kind: 'flat_off', amountOffFen: 500 },
    scope: { mode: 'all' },
    allowOnGroup: false,
    status: 'unused',
    claimedAt: NOW,
    validFromAt: NOW,
    validToAt: at(7 * 24 * 60),
    orderId: null,
    ...overrides,
  };
}
