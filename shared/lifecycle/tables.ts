/**
 * Every move an order, an order line, an after-sale request, a team, a team member, a coupon and a refund can make — the one file
 * that says what may happen to them. A new state (e.g. `to_ship`, `shipped`) is a new state and a
 * new row here plus the effects its decider lists; the writer and the guards follow from the table.
 */
import { defineMachine, type MoveOf, type StateOf } from './machine';

/**
 * The order machine. `pending_pay` holds reserved stock, seat and coupon until paid or released
 * (`cancelled` by the buyer, `closed` by the sweep after the payment TTL or when its team failed).
 * A paid order is fulfilled: `to_ship` (a normal order once paid, a group order once its team
 * succeeded) → `shipped` (every line still kept has left) → `received` (the buyer confirms, or the
 * sweep N days after shipping) → `completed` (the after-sale window closed with no request open).
 * Refunds and returns are moves of the lines (the line machine); the order's status follows:
 * it stays while lines are kept, becomes `shipped` when the last unshipped lines are refunded
 * and the others have left, and `refunded` when no line is kept. Buyers ask through after-sale
 * until the window closes; staff may still refund a completed order (its commission is reversed,
 * carried as a negative balance when already paid out).
 */
export const orderMachine = defineMachine({ name: 'order', states: ['pending_pay', 'paid', 'to_ship', 'shipped', 'received', 'completed', 'refunded', 'cancelled', 'closed'], initial: 'pending_pay', moves: {
  pay: { from: ['pending_pay'], to: 'paid', writes: 'paidAt, tradeNo, paidFen; emits OrderPaid' },
  cancel: { from: ['pending_pay'], to: 'cancelled', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use — once its charge is closed (paid meanwhile: paid instead)' },
  close: { from: ['pending_pay'], to: 'closed', writes: 'closedAt, closeReason; returns stock, coupon, seat, deal use — once its charge is closed (paid meanwhile: paid instead)' },
  readyToShip: { from: ['paid'], to: 'to_ship', writes: 'readyAt: a normal order once paid; a group order when its team succeeds (emits TeamSucceeded)' },
  shipPart: { from: ['to_ship'], writes: 'some lines shipped, a shipment (carrier, trackingNo); others still to ship; emits OrderShipped' },
  shipAll: { from: ['to_ship'], to: 'shipped', writes: 'the last lines shipped, a shipment, shippedAt; emits OrderShipped' },
  confirmReceipt: { from: ['shipped'], to: 'received', writes: 'receivedAt, receivedBy (the buyer, or the sweep N days after shippedAt)' },
  complete: { from: ['received'], to: 'completed', writes: 'completedAt, once the after-sale window closed and no request is open; emits OrderCompleted' },
  afterSale: { from: ['to_ship', 'shipped', 'received'], writes: 'a line opens or closes its after-sale request (lines.afterSaleId); emits AfterSaleUpdated' },
  refundPart: { from: ['paid', 'to_ship', 'shipped', 'received', 'completed'], writes: 'lines refunded or returned, refundedFen, a refund record; other lines kept; emits OrderRefunded' },
  refundUnshipped: { from: ['to_ship'], to: 'shipped', writes: 'the last unshipped lines refunded while the others have left, shippedAt; emits OrderRefunded' },
  refundAll: { from: ['paid', 'to_ship', 'shipped', 'received', 'completed'], to: 'refunded', writes: 'the last kept lines refunded or returned (and the shipping, when nothing ever shipped), refundedFen, a refund record; emits OrderRefunded' },
  rebate: { from: ['paid', 'to_ship', 'shipped', 'received', 'completed'], writes: 'its team reached a cheaper tier: kept lines refundedFen + the difference, refundedFen, tierRebateId, a refund record; emits OrderRefunded' },
  acceptLatePayment: { from: ['cancelled', 'closed'], writes: 'paidFen = refundedFen = the money, a refund record: money for a released order goes back' },
} });

/**
 * The order line machine (`lines[i].state`): where a paid line's goods and money are. `open`: paid,
 * in the warehouse; `shipped`: handed to a carrier; `refunded`: money back before it left (stock
 * back); `refunded_shipped`: money back for goods that left and were not received (no stock back);
 * `returned`: money back once the goods came back (stock back). An open after-sale request is the
 * line's `afterSaleId` (one per line); a line with one open is never shipped.
 */
export const lineMachine = defineMachine({ name: 'order line', states: ['open', 'shipped', 'refunded', 'refunded_shipped', 'returned'], initial: 'open', moves: {
  ship: { from: ['open'], to: 'shipped', writes: 'shipmentId (no after-sale request open on it)' },
  refund: { from: ['open'], to: 'refunded', writes: 'refundedFen = paidFen, refundId; its stock comes back' },
  refundShipped: { from: ['shipped'], to: 'refunded_shipped', writes: 'refundedFen = paidFen, refundId; the goods are out (not received): no stock back' },
  return: { from: ['shipped'], to: 'returned', writes: 'refundedFen = paidFen, refundId, once ops received the goods back; its stock comes back' },
  openAfterSale: { from: ['open', 'shipped'], writes: 'afterSaleId (none open before)' },
  closeAfterSale: { from: ['open', 'shipped'], writes: 'afterSaleId = null (the request was rejected or cancelled)' },
} });

/**
 * The after-sale request machine (`aftersale_requests`): one request per line at a time, for
 * `refund` (not shipped, or goods not received) or `return` (return and refund). A refund of
 * unshipped lines is approved at once when the brand's setting says so; otherwise ops or the boss
 * review it; a return moves money only once ops received the goods back.
 */
export const afterSaleMachine = defineMachine({ name: 'after-sale request', states: ['requested', 'approved', 'return_shipped', 'refunded', 'rejected', 'cancelled'], initial: 'requested', moves: {
  approveRefund: { from: ['requested'], to: 'refunded', writes: 'reviewedAt, note, refundId; its lines refunded (at once for unshipped lines when the setting says so)' },
  approveReturn: { from: ['requested'], to: 'approved', writes: 'reviewedAt, note; the buyer now sends the goods back' },
  reject: { from: ['requested'], to: 'rejected', writes: 'reviewedAt, note; its lines free again' },
  cancel: { from: ['requested', 'approved'], to: 'cancelled', writes: 'cancelledAt; its lines free again' },
  shipBack: { from: ['approved'], to: 'return_shipped', writes: 'returnShipment {carrier, trackingNo, shippedAt}' },
  receiveReturn: { from: ['return_shipped'], to: 'refunded', writes: 'receivedAt, refundId; its lines returned: money and stock back' },
} });

/**
 * The team machine: a forming team succeeds when every seat is paid, fails when it expires short.
 * Seats and payments are counted without leaving `forming`.
 */
export const teamMachine = defineMachine({ name: 'team', states: ['forming', 'succeeded', 'failed'], initial: 'forming', moves: {
  seat: { from: ['forming'], writes: 'seatsTaken + 1 while below size, before expiresAt, while joins are open (its product on sale)' },
  unseat: { from: ['forming', 'failed'], writes: 'seatsTaken − 1 (an unpaid seat released)' },
  countPayment: { from: ['forming'], writes: 'paidCount + 1 before expiresAt' },
  succeed: { from: ['forming'], to: 'succeeded', writes: 'succeededAt, once paidCount = size (a ladder team: its top tier, each paid member refunded the difference)' },
  reachTier: { from: ['forming'], to: 'succeeded', writes: 'succeededAt, tier: a ladder team at expiresAt with paidCount ≥ its first tier succeeds at the highest tier reached; each paid member refunded the difference' },
  fail: { from: ['forming'], to: 'failed', writes: 'failedAt, at expiresAt; its paid orders are refunded, unpaid ones closed' },
  settle: { from: ['failed'], writes: 'refundsDoneAt, once every member order is refunded or closed' },
  settleRebates: { from: ['succeeded'], writes: 'rebatesDoneAt, once every paid member of a ladder team has its difference refund' },
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
/** Order line states. */
export const LINE_STATES = lineMachine.states;
/** One of the line machine's states, e.g. `'shipped'`. */
export type LineState = StateOf<typeof lineMachine>;
/** A move of the line machine. */
export type LineMove = MoveOf<typeof lineMachine>;
/** After-sale request states. */
export const AFTERSALE_STATUSES = afterSaleMachine.states;
/** One of {@link AFTERSALE_STATUSES}. */
export type AfterSaleStatus = StateOf<typeof afterSaleMachine>;
/** A move of the after-sale machine. */
export type AfterSaleMove = MoveOf<typeof afterSaleMachine>;
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

/**
 * The bargain machine (砍价, `bargains`): `open` while friends cut the price (each once, N at most,
 * before `expiresAt`), `ordered` once the starter's one order at the reached price exists. An order
 * that could not be made (sold out meanwhile), or an unpaid one released (cancelled, closed at its
 * pay deadline), gives the bargain back: open again before its deadline, expired after it. Expiry
 * is a time, not a move: an open bargain holds nothing, so nothing has to be released when it lapses.
 */
export const bargainMachine = defineMachine({ name: 'bargain', states: ['open', 'ordered'], initial: 'open', moves: {
  help: { from: ['open'], writes: 'helpCount + 1, helpers + openid, helperNames + name: while below helpersNeeded, before expiresAt, once per helper' },
  order: { from: ['open'], to: 'ordered', writes: 'orderId, orderedAt: the starter buys at the reached price before expiresAt' },
  release: { from: ['ordered'], to: 'open', writes: 'orderId = null, back to open: the order it held could not be made, or was released unpaid (only while it still holds that order)' },
} });

/** A bargain's stored state. */
export type BargainStatus = StateOf<typeof bargainMachine>;
/** Every {@link BargainStatus}. */
export const BARGAIN_STATUSES = bargainMachine.states;
