/**
 * Every move an order, an order line, a team, a team member and a coupon can make — the one file
 * that says what may happen to them. A new state (e.g. `to_ship`, `shipped`) is a new state and a
 * new row here plus the effects its decider lists; the writer and the guards follow from the table.
 */
import { defineMachine, type MoveOf } from './machine';

/**
 * Order states. `pending_pay` holds reserved stock, seat and coupon until paid or released
 * (`cancelled` by the buyer, `closed` by the sweep after the payment TTL or when its team failed).
 * Refunds are per line: some lines → `partially_refunded`, the last ones → `refunded`.
 */
export const ORDER_STATUSES = ['pending_pay', 'paid', 'partially_refunded', 'refunded', 'cancelled', 'closed'] as const;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The order machine. */
export const orderMachine = defineMachine({
  name: 'order',
  states: ORDER_STATUSES,
  initial: 'pending_pay',
  moves: {
    pay: { from: ['pending_pay'], to: 'paid', writes: 'paidAt, tradeNo, paidFen; emits OrderPaid' },
    cancel: { from: ['pending_pay'], to: 'cancelled', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use' },
    close: { from: ['pending_pay'], to: 'closed', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use' },
    refundPart: { from: ['paid', 'partially_refunded'], to: 'partially_refunded', writes: 'lines refunded, refundedFen, a refund record; returns their stock; emits OrderRefunded' },
    refundAll: { from: ['paid', 'partially_refunded'], to: 'refunded', writes: 'the last lines refunded, refundedFen, a refund record; returns their stock; emits OrderRefunded' },
    acceptLatePayment: { from: ['cancelled', 'closed'], writes: 'paidFen = refundedFen = the money, a refund record: money for a released order goes back' },
  },
});
/** A move of the order machine. */
export type OrderMove = MoveOf<typeof orderMachine>;

/** Order line states: a line is `open` until it is refunded (stored as `refundId` on the line). */
export const LINE_STATES = ['open', 'refunded'] as const;
/** One of {@link LINE_STATES}. */
export type LineState = (typeof LINE_STATES)[number];

/** The order line machine. */
export const lineMachine = defineMachine({
  name: 'order line',
  states: LINE_STATES,
  initial: 'open',
  moves: {
    refund: { from: ['open'], to: 'refunded', writes: 'refundedFen = paidFen, refundId' },
  },
});
/** A move of the order line machine. */
export type LineMove = MoveOf<typeof lineMachine>;

/** Team states: a forming team succeeds when every seat is paid, fails when it expires short. */
export const TEAM_STATUSES = ['forming', 'succeeded', 'failed'] as const;
/** One of {@link TEAM_STATUSES}. */
export type TeamStatus = (typeof TEAM_STATUSES)[number];

/** The team machine. Seats and payments are counted without leaving `forming`. */
export const teamMachine = defineMachine({
  name: 'team',
  states: TEAM_STATUSES,
  initial: 'forming',
  moves: {
    seat: { from: ['forming'], writes: 'seatsTaken + 1 while below size, before expiresAt' },
    unseat: { from: ['forming', 'failed'], writes: 'seatsTaken − 1 (an unpaid seat released)' },
    countPayment: { from: ['forming'], writes: 'paidCount + 1 before expiresAt' },
    succeed: { from: ['forming'], to: 'succeeded', writes: 'succeededAt, once paidCount = size' },
    fail: { from: ['forming'], to: 'failed', writes: 'failedAt, at expiresAt; its paid orders are refunded, unpaid ones closed' },
    settle: { from: ['failed'], writes: 'refundsDoneAt, once every member order is refunded or closed' },
  },
});
/** A move of the team machine. */
export type TeamMove = MoveOf<typeof teamMachine>;

/**
 * Team member states as stored. A released unpaid seat deletes the member document (the machine
 * calls that `released`), so the customer may join again.
 */
export const MEMBER_STATUSES = ['pending_pay', 'paid', 'refunded'] as const;
/** One of {@link MEMBER_STATUSES}. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** A member's state in the machine: a stored status, or `released` (document removed). */
export type MemberState = MemberStatus | 'released';

/** The team member machine. */
export const memberMachine = defineMachine({
  name: 'member',
  states: [...MEMBER_STATUSES, 'released'] as readonly MemberState[],
  initial: 'pending_pay',
  moves: {
    pay: { from: ['pending_pay'], to: 'paid', writes: 'paidAt; the team counts the payment' },
    refund: { from: ['paid'], to: 'refunded', writes: 'refundedAt (its order was fully refunded)' },
    release: { from: ['pending_pay'], to: 'released', writes: 'the member document is removed; the team gives the seat back' },
  },
});
/** A move of the member machine. */
export type MemberMove = MoveOf<typeof memberMachine>;

/** States of a claimed coupon: `unused → locked(order) → used`, `unused → expired`. */
export const COUPON_STATUSES = ['unused', 'locked', 'used', 'expired'] as const;
/** One of {@link COUPON_STATUSES}. */
export type CouponStatus = (typeof COUPON_STATUSES)[number];

/** The coupon machine: `unused → locked(by an order) → used`, `unused → expired`; release and full refund give it back. */
export const couponMachine = defineMachine({
  name: 'coupon',
  states: COUPON_STATUSES,
  initial: 'unused',
  moves: {
    lock: { from: ['unused'], to: 'locked', writes: 'orderId, lockedAt (owner only, inside its window)' },
    use: { from: ['locked'], to: 'used', writes: 'usedAt (its order is paid)' },
    release: { from: ['locked'], to: 'unused', writes: 'orderId = null (its order is released)' },
    return: { from: ['used'], to: 'unused', writes: 'orderId = null (its order is fully refunded)' },
    expire: { from: ['unused'], to: 'expired', writes: 'nothing else (past validToAt, by the sweep)' },
  },
});
/** A move of the coupon machine. */
export type CouponMove = MoveOf<typeof couponMachine>;
