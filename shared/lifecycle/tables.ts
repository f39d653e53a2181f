/**
 * Every move an order, an order line, a team, a team member, a coupon and a refund can make — the one file
 * that says what may happen to them. A new state (e.g. `to_ship`, `shipped`) is a new state and a
 * new row here plus the effects its decider lists; the writer and the guards follow from the table.
 */
import { defineMachine, type MoveOf, type StateOf } from './machine';

/**
 * The order machine. `pending_pay` holds reserved stock, seat and coupon until paid or released
 * (`cancelled` by the buyer, `closed` by the sweep after the payment TTL or when its team failed).
 * Refunds are per line: some lines → `partially_refunded`, the last ones → `refunded`.
 */
export const orderMachine = defineMachine({ name: 'order', states: ['pending_pay', 'paid', 'partially_refunded', 'refunded', 'cancelled', 'closed'], initial: 'pending_pay', moves: {
  pay: { from: ['pending_pay'], to: 'paid', writes: 'paidAt, tradeNo, paidFen; emits OrderPaid' },
  cancel: { from: ['pending_pay'], to: 'cancelled', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use — once its charge is closed (paid meanwhile: paid instead)' },
  close: { from: ['pending_pay'], to: 'closed', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use — once its charge is closed (paid meanwhile: paid instead)' },
  refundPart: { from: ['paid', 'partially_refunded'], to: 'partially_refunded', writes: 'lines refunded, refundedFen, a refund record; returns their stock; emits OrderRefunded' },
  refundAll: { from: ['paid', 'partially_refunded'], to: 'refunded', writes: 'the last lines refunded and the shipping, refundedFen, a refund record; returns their stock; emits OrderRefunded' },
  acceptLatePayment: { from: ['cancelled', 'closed'], writes: 'paidFen = refundedFen = the money, a refund record: money for a released order goes back' },
} });

/** The order line machine: a line is `open` until it is refunded (stored as `refundId` on the line). */
export const lineMachine = defineMachine({ name: 'order line', states: ['open', 'refunded'], initial: 'open', moves: {
  refund: { from: ['open'], to: 'refunded', writes: 'refundedFen = paidFen, refundId' },
} });

/**
 * The team machine: a forming team succeeds when every seat is paid, fails when it expires short.
 * Seats and payments are counted without leaving `forming`.
 */
export const teamMachine = defineMachine({ name: 'team', states: ['forming', 'succeeded', 'failed'], initial: 'forming', moves: {
  seat: { from: ['forming'], writes: 'seatsTaken + 1 while below size, before expiresAt, while joins are open (its product on sale)' },
  unseat: { from: ['forming', 'failed'], writes: 'seatsTaken − 1 (an unpaid seat released)' },
  countPayment: { from: ['forming'], writes: 'paidCount + 1 before expiresAt' },
  succeed: { from: ['forming'], to: 'succeeded', writes: 'succeededAt, once paidCount = size' },
  fail: { from: ['forming'], to: 'failed', writes: 'failedAt, at expiresAt; its paid orders are refunded, unpaid ones closed' },
  settle: { from: ['failed'], writes: 'refundsDoneAt, once every member order is refunded or closed' },
} });

/**
 * The team member machine. A released unpaid seat deletes the member document (`released`), so
 * the customer may join again; the other states are stored.
 */
export const memberMachine = defineMachine({ name: 'member', states: ['pending_pay', 'paid', 'refunded', 'released'], initial: 'pending_pay', moves: {
  pay: { from: ['pending_pay'], to: 'paid', writes: 'paidAt; the team counts the payment' },
  refund: { from: ['paid'], to: 'refunded', writes: 'refundedAt (its order was fully refunded)' },
  release: { from: ['pending_pay'], to: 'released', writes: 'the member document is removed; the team gives the seat back' },
} });

/** The coupon machine: `unused → locked(by an order) → used`, `unused → expired`; release and full refund give it back. */
export const couponMachine = defineMachine({ name: 'coupon', states: ['unused', 'locked', 'used', 'expired'], initial: 'unused', moves: {
  lock: { from: ['unused'], to: 'locked', writes: 'orderId, lockedAt (owner only, inside its window)' },
  use: { from: ['locked'], to: 'used', writes: 'usedAt (its order is paid)' },
  release: { from: ['locked'], to: 'unused', writes: 'orderId = null (its order is released)' },
  return: { from: ['used'], to: 'unused', writes: 'orderId = null (its order is fully refunded)' },
  expire: { from: ['unused'], to: 'expired', writes: 'nothing else (past validToAt, by the sweep)' },
} });

/**
 * The refund machine. A refund is `pending` from the write that records it until WeChat Pay ends
 * it: `succeeded` (the refund notice, or queryRefund in the sweep), or `failed` when WeChat Pay
 * ended it without paying (CHANGE: the payer's account refused the money, handled by hand at the
 * merchant platform; REFUNDCLOSE: closed) — a state ops see. A REFUNDCLOSE is asked again with the
 * same out_refund_no (WeChat Pay: 退款失败后重新提交，请使用原商户退款单号), a few times at most.
 */
export const refundMachine = defineMachine({ name: 'refund', states: ['pending', 'succeeded', 'failed'], initial: 'pending', moves: {
  succeed: { from: ['pending', 'failed'], to: 'succeeded', writes: 'doneAt, providerRefundId (WeChat Pay says SUCCESS for this amount)' },
  fail: { from: ['pending'], to: 'failed', writes: 'failedAt, providerStatus CHANGE or REFUNDCLOSE (for ops)' },
  retry: { from: ['failed'], to: 'pending', writes: 'attempts + 1, retriedAt: asked again with the same out_refund_no (REFUNDCLOSE, under MAX_REFUND_ATTEMPTS)' },
} });

/** Order states, e.g. for filtering a list. */
export const ORDER_STATUSES = orderMachine.states;
/** One of {@link ORDER_STATUSES}. */
export type OrderStatus = StateOf<typeof orderMachine>;
/** A move of the order machine, e.g. `'refundPart'`. */
export type OrderMove = MoveOf<typeof orderMachine>;
/** `open` or `refunded`. */
export type LineState = StateOf<typeof lineMachine>;
/** Team states. */
export const TEAM_STATUSES = teamMachine.states;
/** `forming`, `succeeded` or `failed`. */
export type TeamStatus = StateOf<typeof teamMachine>;
/** A member's state in the machine: a stored status, or `released` (document removed). */
export type MemberState = StateOf<typeof memberMachine>;
/** A member's stored status. */
export type MemberStatus = Exclude<MemberState, 'released'>;
/** States of a claimed coupon. */
export const COUPON_STATUSES = couponMachine.states;
/** One of {@link COUPON_STATUSES}. */
export type CouponStatus = StateOf<typeof couponMachine>;
/** States of a refund record. */
export const REFUND_STATUSES = refundMachine.states;
/** One of {@link REFUND_STATUSES}. */
export type RefundStatus = StateOf<typeof refundMachine>;

/**
 * The payout machine: a salesperson's withdrawal request. The boss approves or rejects it; an
 * approved payout is paid by bank transfer outside the system and marked paid with its reference
 * (the ledger's `paid` entry). Rejecting (also an approved one whose transfer failed) or
 * cancelling releases the reserved amount; nothing is written to the ledger until it is paid.
 */
export const payoutMachine = defineMachine({ name: 'payout', states: ['requested', 'approved', 'paid', 'rejected', 'cancelled'], initial: 'requested', moves: {
  approve: { from: ['requested'], to: 'approved', writes: 'reviewedAt, reviewedBy, reviewNote (the boss; the balance still covers it)' },
  reject: { from: ['requested', 'approved'], to: 'rejected', writes: 'reviewedAt, reviewedBy, reviewNote; releases the reserved amount' },
  cancel: { from: ['requested'], to: 'cancelled', writes: 'cancelledAt (the salesperson); releases the reserved amount' },
  pay: { from: ['approved'], to: 'paid', writes: 'paidAt, paidBy, reference; a `paid` ledger entry; releases the open-request slot' },
} });

/** Payout states. */
export const PAYOUT_STATUSES = payoutMachine.states;
/** One of {@link PAYOUT_STATUSES}. */
export type PayoutStatus = StateOf<typeof payoutMachine>;
/** A move of the payout machine. */
export type PayoutMove = MoveOf<typeof payoutMachine>;
