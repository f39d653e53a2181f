/**
 * Creating an order: the order's first state (`pending_pay`) and what it reserves, in the order
 * the writer takes them — team and seat, the deal's per-customer count, the coupon, the stock —
 * each undone when a later one is refused. The order records `OrderCreated` as it is inserted.
 */
import { AppError } from '../errors';
import { flashBuyerKey, type FlashTerms } from '../flash/flash-sale';
import { couponAllowedOn, type Coupon } from '../coupons/coupon';
import { memberIdOf, teamExpiresAt, type Team, type TeamMember } from '../groupbuy/team';
import type { Attribution } from '../growth/types';
import type { DealTerms, Order } from '../orders/order';
import { priceCart, type CartLine } from '../pricing/price-cart';
import type { Delivery } from '../shipping/delivery';
import { stockHoldId, type Effect } from './effects';
import { NO_EVENTS, orderCreated } from './events';
import { lineMachine, orderMachine } from './tables';

/** What the buyer's cart became once read: plain items, a new team of a deal, or a seat in a team. */
export interface PreparedCart {
  mode: 'items' | 'open' | 'join' | 'flash';
  lines: CartLine[];
  /** Fen off before the coupon (a group leader's perk). */
  activityDiscountFen: number;
  terms: DealTerms | null;
  /** The team joined (mode `join`). */
  team: Team | null;
  /** The flash sale whose unit the order takes (its one line is at the flash price). */
  flash?: FlashTerms | null;
  /** The bargain whose reached price its one line is at (the order records it; a release gives it back). */
  bargainId?: string | null;
}

/** Everything a new order is decided from. Ids and time come in as arguments. */
export interface NewOrderInput {
  orderId: string;
  buyerOpenid: string;
  idempotencyKey: string;
  cart: PreparedCart;
  coupon: Coupon | null;
  /** The address and shipping terms (shared/shipping `decideDelivery`). */
  delivery: Delivery;
  attribution: Attribution;
  /** The id a new team gets (mode `open`). */
  newTeamId: string;
  now: Date;
  payDeadlineAt: Date;
}

/** A new order and what its creation reserves. */
export interface NewOrderDecision {
  order: Order;
  effects: Effect[];
}

/**
 * Prices the cart (group price → leader perk → coupon → shipping) and lists the reservations; the
 * order keeps the delivery address's snapshot and its shipping fee. Refuses a
 * coupon the deal does not allow or that gives nothing on this cart (NOT_ELIGIBLE).
 * @example decideCreateOrder({ ...input, cart: { mode: 'items', lines, activityDiscountFen: 0, terms: null, team: null }, coupon: null }).effects
 *   // [{ type: 'reserveStock', ... }, { type: 'emit', event: OrderCreated }]
 */
export function decideCreateOrder(input: NewOrderInput): NewOrderDecision {
  const { cart, coupon, now } = input;
  if (coupon && cart.flash) throw new AppError('NOT_ELIGIBLE', 'no coupon on a flash order');
  if (coupon && !couponAllowedOn(coupon, cart.terms)) throw new AppError('NOT_ELIGIBLE', 'no coupon on a group order');
  const priced = priceCart({ lines: cart.lines, activityDiscountFen: cart.activityDiscountFen, coupon, shipping: input.delivery.shipping });
  if (coupon && priced.couponDiscountFen === 0) throw new AppError('NOT_ELIGIBLE', 'this coupon does not apply to this cart');

  const teamId = cart.mode === 'open' ? input.newTeamId : cart.mode === 'join' && cart.team ? cart.team._id : null;
  const memberId = teamId ? memberIdOf(teamId, input.buyerOpenid) : null;
  const order: Order = {
    _id: input.orderId,
    buyerOpenid: input.buyerOpenid,
    idempotencyKey: input.idempotencyKey,
    kind: cart.terms ? 'group' : 'normal',
    status: orderMachine.initial,
    lines: priced.lines.map((l) => ({ ...l, refundedFen: 0, refundId: null, state: lineMachine.initial, shipmentId: null, afterSaleId: null })),
    subtotalFen: priced.subtotalFen,
    activityDiscountFen: priced.activityDiscountFen,
    couponDiscountFen: priced.couponDiscountFen,
    discountFen: priced.discountFen,
    shippingFen: priced.shippingFen,
    totalFen: priced.totalFen,
    address: input.delivery.address,
    couponId: coupon ? coupon._id : null,
    teamId,
    memberId,
    dealTerms: cart.terms,
    ...(cart.flash ? { flash: cart.flash } : {}),
    ...(cart.bargainId ? { bargainId: cart.bargainId } : {}),
    attribution: input.attribution,
    createdAt: now,
    payDeadlineAt: input.payDeadlineAt,
    paidAt: null,
    tradeNo: null,
    paidFen: 0,
    refundedFen: 0,
    closedAt: null,
    closeReason: null,
    updatedAt: now,
    ...NO_EVENTS,
  };

  const effects: Effect[] = [];
  if (cart.terms && teamId && memberId) {
    const terms = cart.terms;
    const leader = cart.mode === 'open';
    if (leader) {
      effects.push({
        type: 'openTeam',
        team: {
          _id: teamId,
          dealId: terms._id,
          terms,
          size: terms.groupSize,
          leaderOpenid: input.buyerOpenid,
          salesId: input.attribution.salesId,
          status: 'forming',
          seatsTaken: 1,
          paidCount: 0,
          seatHolders: [input.orderId],
          paidOrders: [],
          createdAt: now,
          expiresAt: teamExpiresAt(terms, now),
          succeededAt: null,
          failedAt: null,
          refundsDoneAt: null,
          joinsClosedAt: null,
        },
      });
    }
    const member: TeamMember = { _id: memberId, teamId, openid: input.buyerOpenid, orderId: order._id, isLeader: leader, status: 'pending_pay', joinedAt: now, paidAt: null };
    const team = cart.team;
    effects.push({ type: 'takeSeat', member, size: team?.size ?? terms.groupSize, expiresAt: team?.expiresAt ?? teamExpiresAt(terms, now) });
    if (terms.perUserLimit) effects.push({ type: 'countDealUse', dealId: terms._id, openid: input.buyerOpenid, limit: terms.perUserLimit, orderId: order._id });
  }
  if (cart.flash) {
    const { flashId, quantity, perUserLimit } = cart.flash;
    effects.push({ type: 'takeFlash', flashId, buyerKey: flashBuyerKey(input.buyerOpenid), orderId: order._id, quantity, perUserLimit });
  }
  if (coupon) effects.push({ type: 'lockCoupon', couponId: coupon._id, orderId: order._id, ownerOpenid: input.buyerOpenid });
  for (const line of order.lines) {
    effects.push({ type: 'reserveStock', skuId: line.skuId, qty: line.qty, label: `${line.title} (${line.skuName})`, holdId: stockHoldId(order._id, line.lineId) });
  }
  effects.push({ type: 'emit', event: orderCreated(now) });
  return { order, effects };
}
