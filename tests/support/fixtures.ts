/**
 * Stored documents for tests: valid defaults built from the demo seed or the production deciders,
 * fixed ids and times, overridable.
 */
import { PROMO_IDS, seedPromotions } from '../../emulator/seed/promotions';
import type { SeedDoc } from '../../emulator/seed/window';
import type { Coupon } from '../../shared/coupons';
import type { Team, TeamMember } from '../../shared/groupbuy';
import { decideCreateOrder } from '../../shared/lifecycle';
import { dealTermsOf, type DealTerms, type Order, type OrderLine } from '../../shared/orders';
import { checkPromotion } from '../../shared/promotions';
import { NO_DELIVERY } from '../../shared/shipping';
import type { TrainingProgress } from '../../shared/training/progress';

export const NOW = new Date('2026-06-01T02:00:00Z');
export const MIN = 60_000;
export const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * MIN);

/** A demo coupon template as seeded at `now` (e.g. `PROMO_IDS.flatOff`). */
export function seedTemplate(id: string, now: Date): SeedDoc {
  const template = seedPromotions(now).coupon_templates.find((t) => t._id === id);
  if (!template) throw new Error(`no seeded coupon template ${id}`);
  return template;
}

/** The terms of the demo 2-person deal (`gd_p01_duo`), with a per-customer limit of 2 teams. */
export const DUO: DealTerms = (() => {
  const checked = checkPromotion('group_deals', seedPromotions(NOW).group_deals.find((d) => d._id === PROMO_IDS.dealDuo));
  if (!checked.ok) throw new Error(checked.problems.join('; '));
  return { ...dealTermsOf(checked.value), perUserLimit: 2 };
})();

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
    state: 'open',
    shipmentId: null,
    afterSaleId: null,
    ...overrides,
  };
}

/** An unpaid order as `decideCreateOrder` makes it (one line of p03 by default); totals follow the lines. */
export function anOrder(overrides: Partial<Order> = {}): Order {
  const lines = overrides.lines ?? [aLine('L1')];
  const { order } = decideCreateOrder({
    orderId: 'o1',
    buyerOpenid: 'o_cust_1',
    idempotencyKey: 'key-0001',
    cart: { mode: 'items', lines, activityDiscountFen: 0, terms: null, team: null },
    coupon: null,
    delivery: NO_DELIVERY,
    attribution: { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} },
    newTeamId: 't1',
    now: NOW,
    payDeadlineAt: at(15),
  });
  const totalFen = lines.reduce((s, l) => s + l.paidFen, 0);
  return { ...order, lines, subtotalFen: totalFen, totalFen, ...overrides };
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

/** Salesperson s1's progress on `courseId`, assigned at `assignedAt` with nothing done yet, then `overrides`. */
export function aTrainingProgress(courseId: string, assignedAt: Date, overrides: Partial<TrainingProgress> = {}): TrainingProgress {
  return { _id: `${courseId}:s1`, courseId, salesId: 's1', assignedAt, doneLessonIds: [], attemptCount: 0, attempts: [], updatedAt: assignedAt, ...overrides };
}
