/**
 * What a decision asks the world to do, as data. The functions' `_commerce/effects.ts` turns each
 * effect into its guarded write (and its undo); the lifecycle property test applies the same
 * effects to an in-memory world. The effects that move a table's entity are listed as
 * {@link EntityChange}s by {@link changesOf}.
 *
 * Every effect applies once however often it is applied: a write can be retried after a lost reply
 * and an event delivered again, so each one is guarded on a state its first application changes
 * (a status, or a marker of its order: the stock hold of an order line, the order among a team's
 * seat holders or counted payments, among a deal's uses).
 */
import type { Refund } from '../orders/order';
import type { Team, TeamMember } from '../groupbuy/team';
import type { Tier } from '../groupbuy/ladder';
import type { OrderEvent } from './events';
import type { EntityChange } from './change';
import { releaseChange } from '../bargain/bargain';
import { couponChange } from './coupon';
import { memberChange } from './member';
import { readyToShipChange } from './order-changes';

/**
 * What must hold at the payment provider before a move is written. `closeCharge`: the order's
 * charge is closed (WeChat Pay closeOrder), so nobody can pay it once its stock is back on sale;
 * when the provider answers that it was paid meanwhile, the move is not made and the payment is
 * applied instead (the order is kept) — paying after the timeout returned the stock is impossible.
 */
export type Gate = { type: 'closeCharge'; orderId: string };

/** The side effects of decisions. Money in fen. */
export type Effect =
  /**
   * Take `qty` units of a SKU's stock (refused when fewer are left: SOLD_OUT) as hold `holdId` of
   * one order line (recorded on the SKU while the order is unpaid); `label` names it to the buyer.
   */
  | { type: 'reserveStock'; skuId: string; qty: number; label: string; holdId: string }
  /** Give the `qty` units of hold `holdId` back (a released order): only while the SKU still has the hold. */
  | { type: 'returnStock'; skuId: string; qty: number; holdId: string }
  /** The order paid: hold `holdId` becomes a sale (the hold is dropped; stock and sold stay). */
  | { type: 'settleStock'; skuId: string; holdId: string }
  /** Refunded lines put their `qty` units back: written by the refund's own transaction (once, with the refund). */
  | { type: 'restock'; skuId: string; qty: number; holdId: string }
  /** An order takes the buyer's coupon (`unused → locked`). */
  | { type: 'lockCoupon'; couponId: string; orderId: string; ownerOpenid: string }
  /** The order paid: its coupon is spent (`locked → used`). */
  | { type: 'useCoupon'; couponId: string; orderId: string }
  /** The order was released: its coupon comes back (`locked → unused`). */
  | { type: 'releaseCoupon'; couponId: string; orderId: string }
  /** The order was fully refunded: its coupon comes back (`used → unused`). */
  | { type: 'returnCoupon'; couponId: string; orderId: string }
  /** A new team with the leader's seat taken. */
  | { type: 'openTeam'; team: Team }
  /**
   * A member joins: the member (unique per team: ALREADY_JOINED) and, unless it is the leader of a
   * new team, a seat while one is free before the team expires (GROUP_FULL, EXPIRED).
   */
  | { type: 'takeSeat'; member: TeamMember; size: number; expiresAt: Date }
  /** An unpaid member leaves: the member document of order `orderId` goes and its seat comes back. */
  | { type: 'releaseSeat'; teamId: string; memberId: string; orderId: string }
  /** The member's order paid (`pending_pay → paid`); the team then counts it. */
  | { type: 'payMember'; teamId: string; memberId: string }
  /** The member's order was fully refunded (`paid → refunded`). */
  | { type: 'refundMember'; memberId: string }
  /** One more team of a deal for a customer (order `orderId`), up to the deal's per-user limit (LIMIT_REACHED). */
  | { type: 'countDealUse'; dealId: string; openid: string; limit: number; orderId: string }
  /**
   * A flash order takes one unit of its sale (refused when every unit is taken: SOLD_OUT, or when
   * the customer `buyerKey` already holds `perUserLimit`: LIMIT_REACHED). One guarded write on the
   * sale; the order id among the customer's `buyers` entry is its marker.
   */
  | { type: 'takeFlash'; flashId: string; buyerKey: string; orderId: string; quantity: number; perUserLimit: number }
  /** A released flash order gives its unit back: only while the sale still lists the order. */
  | { type: 'returnFlash'; flashId: string; buyerKey: string; orderId: string }
  /** A released order gives its team of the deal back. */
  | { type: 'uncountDealUse'; dealId: string; openid: string; orderId: string }
  /**
   * A released bargain order gives its bargain back (`ordered → open`), only while the bargain
   * holds that order: open again before its deadline, expired after it (expiry is a time).
   */
  | { type: 'releaseBargain'; bargainId: string; orderId: string }
  /**
   * Ask the payment provider to send a refund's money back, with the refund's id as out_refund_no
   * (the record is written with the move; the provider's notice or queryRefund ends it).
   */
  | { type: 'refund'; refund: Refund; orderTotalFen: number }
  /** Record an order event in the order's outbox, in the same write as the move. */
  | { type: 'emit'; event: OrderEvent }
  /** A paid normal order goes to the warehouse (`paid → to_ship`). */
  | { type: 'readyToShip'; orderId: string }
  /**
   * The team succeeded: each of its paid orders goes to the warehouse and records `TeamSucceeded`;
   * only `orderIds` when named (a ladder team's counted orders: it keeps seats open after success
   * and at expiry, so a paid order may be one it did not count).
   */
  | { type: 'shipTeam'; teamId: string; orderIds?: readonly string[] }
  /** A ladder team reached `tier`: order `orderId` gets the difference back (`rebate`, once per order). */
  | { type: 'rebateTier'; teamId: string; orderId: string; tier: Tier };

/**
 * The stock hold of one order line: the marker its SKU keeps while the order is unpaid.
 * @example stockHoldId('o1', 'L1') // 'o1:L1'
 */
export function stockHoldId(orderId: string, lineId: string): string {
  return `${orderId}:${lineId}`;
}

/**
 * The entity moves an effect makes, in order, as guarded writes (coupon, member, seat and bargain effects);
 * empty for effects that are not moves of one entity by id (stock, deal use, money, events, inserts,
 * a team's orders moved together).
 * @example changesOf({ type: 'useCoupon', couponId: 'c1', orderId: 'o1' }, now)
 *   // [{ entity: 'coupon', id: 'c1', move: 'use', requires: [orderId = o1], set: { status: 'used', usedAt: now }, inc: {} }]
 */
export function changesOf(effect: Effect, now: Date): EntityChange[] {
  switch (effect.type) {
    case 'lockCoupon':
      return [couponChange(effect.couponId, { type: 'lock', orderId: effect.orderId, ownerOpenid: effect.ownerOpenid }, now)];
    case 'useCoupon':
      return [couponChange(effect.couponId, { type: 'use', orderId: effect.orderId }, now)];
    case 'releaseCoupon':
      return [couponChange(effect.couponId, { type: 'release', orderId: effect.orderId }, now)];
    case 'returnCoupon':
      return [couponChange(effect.couponId, { type: 'return', orderId: effect.orderId }, now)];
    case 'takeSeat':
      if (effect.member.isLeader) return [];
      return [
        {
          entity: 'team',
          id: effect.member.teamId,
          move: 'seat',
          requires: [
            { field: 'seatsTaken', op: 'lt', value: effect.size },
            { field: 'expiresAt', op: 'gt', value: now },
            { field: 'seatHolders', op: 'lacks', value: effect.member.orderId },
            // catalog.setStatus closes a team's joins when its product goes off the brand pool.
            { field: 'joinsClosedAt', op: 'eq', value: null },
          ],
          set: {},
          inc: { seatsTaken: 1 },
          push: { seatHolders: effect.member.orderId },
        },
      ];
    case 'releaseSeat': {
      const release = memberChange(effect.memberId, 'release', now);
      return [
        { ...release, requires: [...release.requires, { field: 'orderId', op: 'eq', value: effect.orderId }] },
        { entity: 'team', id: effect.teamId, move: 'unseat', requires: [{ field: 'seatHolders', op: 'has', value: effect.orderId }], set: {}, inc: { seatsTaken: -1 }, pull: { seatHolders: effect.orderId } },
      ];
    }
    case 'payMember':
      return [memberChange(effect.memberId, 'pay', now)];
    case 'refundMember':
      return [memberChange(effect.memberId, 'refund', now)];
    case 'readyToShip':
      return [readyToShipChange(effect.orderId, now)];
    case 'releaseBargain':
      return [releaseChange({ _id: effect.bargainId }, effect.orderId, now)];
    default:
      return [];
  }
}
