/**
 * Turns the lifecycle's decisions into writes. A move of a table's entity is one guarded write
 * whose condition on the stored status is the move's source states (`sourcesOf`) — never a status
 * written by hand here. Reservations register their undo (Steps); the follow-ups of a move are
 * retried until they land (`mustWrite`). Every write here applies once however often it is sent
 * (a retry after a lost reply, a re-delivered event): it is guarded on a state its first
 * application changes — a status, or its order's marker (a SKU's stock hold, a team's seat holders
 * and counted payments, a deal's uses). Round trips: one per effect unless noted.
 */
import { AppError, stableId, store, type ActionContext, type CollectionName, type Fields } from '../_platform';
import {
  sourceStatesOf,
  changesOf,
  type Condition,
  type Effect,
  type EntityChange,
  type OrderEvent,
  readyToShipChange,
  teamSucceeded,
  type PayoutEffect,
} from '../../shared/lifecycle';
import type { Refund } from '../../shared/orders';
import { FlashRefusal, type FlashTake } from '../../shared/flash';
import { paymentPort } from './payment';
import { mustWrite, type Steps } from './steps';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

const COLLECTION: Record<EntityChange['entity'], CollectionName> = { order: 'orders', team: 'teams', member: 'team_members', coupon: 'coupons', aftersale: 'aftersale_requests', refund: 'refunds', payout: 'payouts', bargain: 'bargains' };


function conditionValue(c: Condition): unknown {
  const _ = store.command();
  switch (c.op) {
    case 'eq':
    case 'has': // a list field matches a value it contains
      return c.value;
    case 'lacks':
      return _.neq(c.value);
    case 'in':
      return _.in([...(c.value as readonly string[])]);
    default:
      return _[c.op](c.value);
  }
}

/**
 * The condition of a change's write: the table's source states of its move and its `requires`
 * (and the id, unless `bulk`).
 * @example guardOf(couponChange('c1', { type: 'use', orderId: 'o1' }, now)) // { _id: 'c1', status: 'locked', orderId: 'o1' }
 */
export function guardOf(change: EntityChange, bulk = false): Fields {
  const states = sourceStatesOf(change);
  const where: Fields = bulk ? {} : { _id: change.id };
  where.status = states.length === 1 ? states[0] : store.command().in(states);
  for (const c of change.requires) where[c.field] = conditionValue(c);
  return where;
}

/**
 * The update of a change: its `set` fields, `_.inc` of its `inc` fields, and the events its move
 * records, pushed onto the order's outbox in the same write (so no event is lost between them).
 */
export function updateOf(change: EntityChange, events: readonly OrderEvent[] = []): Fields {
  const _ = store.command();
  const update: Fields = { ...change.set };
  for (const [field, n] of Object.entries(change.inc)) update[field] = _.inc(n);
  for (const [field, value] of Object.entries(change.push ?? {})) update[field] = _.push([value]);
  for (const [field, value] of Object.entries(change.pull ?? {})) update[field] = _.pull(value);
  if (events.length > 0) {
    if (change.entity !== 'order') throw new Error(`only orders record events, not a ${change.entity}`);
    Object.assign(update, { outbox: _.push([...events]), outboxPending: _.push(events.map((e) => e.id)), outboxPendingCount: _.inc(events.length) });
  }
  return update;
}

/** Makes one change (with the events its move records); true when it won (its guard matched one document). */
export async function applyChange(change: EntityChange, events: readonly OrderEvent[] = []): Promise<boolean> {
  if (change.entity === 'member' && change.remove) return (await store.removeWhere(COLLECTION.member, guardOf(change))) === 1;
  return store.guardedUpdate(COLLECTION[change.entity], guardOf(change), updateOf(change, events));
}

/** Makes one change and returns the document as written; undefined when the guard matched nothing. */
export function applyChangeReturning<T>(change: EntityChange, events: readonly OrderEvent[] = []): Promise<T | undefined> {
  return store.updateAndReturn<T>(COLLECTION[change.entity], guardOf(change), updateOf(change, events));
}

/** The events among a decision's effects (recorded by its move's write). */
export function eventsOf(effects: readonly Effect[]): OrderEvent[] {
  return effects.flatMap((e) => (e.type === 'emit' ? [e.event] : []));
}

/** Makes one change on every document its guard matches (no id: e.g. expiring coupons), with the events its move records; returns how many. */
export function applyChangeToAll(change: EntityChange, events: readonly OrderEvent[] = []): Promise<number> {
  return store.updateMany(COLLECTION[change.entity], guardOf(change, true), updateOf(change, events));
}

function dealUseId(dealId: string, openid: string): string {
  return `deal_${stableId(dealId, openid)}`;
}

/** Gives the units of a stock hold back, while the SKU still has the hold (a released order's, an undone reservation's). */
function returnHeld(skuId: string, holdId: string, qty: number): Promise<boolean> {
  const _ = store.command();
  return store.guardedUpdate('skus', { _id: skuId, holds: holdId }, { stock: _.inc(qty), sold: _.inc(-qty), holds: _.pull(holdId) });
}

/** Gives a released order's use of a deal back, once (the counter lists the orders counted). */
function uncountDealUse(dealId: string, openid: string, orderId: string): Promise<boolean> {
  const _ = store.command();
  return store.guardedUpdate('counters', { _id: dealUseId(dealId, openid), orders: orderId }, { count: _.inc(-1), orders: _.pull(orderId) });
}

type TakeFlash = Extract<Effect, { type: 'takeFlash' }>;

/**
 * The guard of a flash buy, on the sale alone: active, inside its window, a unit left, the order
 * not counted yet (a retry after a lost reply), and the customer's list shorter than the limit
 * (its element at index limit − 1 does not exist; a first buy finds no list at all).
 */
function flashTakeGuard(effect: TakeFlash, now: Date): Fields {
  const _ = store.command();
  const mine = `buyers.${effect.buyerKey}`;
  return {
    _id: effect.flashId,
    status: 'active',
    startAt: _.lte(now),
    endAt: _.gt(now),
    taken: _.lt(effect.quantity),
    [mine]: _.neq(effect.orderId),
    [`${mine}.${effect.perUserLimit - 1}`]: _.exists(false),
  };
}

/**
 * The take: a unit, the order id on the customer's list, and the take itself in `takes` (the marker
 * that lets the sweep give back a unit whose order never came: shared/flash/orphan-takes.ts).
 */
function flashTake(effect: TakeFlash, now: Date): Fields {
  const _ = store.command();
  const take: FlashTake = { orderId: effect.orderId, buyerKey: effect.buyerKey, takenAt: now };
  return { taken: _.inc(1), [`buyers.${effect.buyerKey}`]: _.push([effect.orderId]), takes: _.push([take]) };
}

/**
 * Gives a flash order's unit back, once: while the sale lists the order among the customer's (its
 * take's record goes with it).
 */
export function returnFlashUnit(flashId: string, buyerKey: string, orderId: string): Promise<boolean> {
  const _ = store.command();
  const mine = `buyers.${buyerKey}`;
  return store.guardedUpdate('flash_sales', { _id: flashId, [mine]: orderId }, { taken: _.inc(-1), [mine]: _.pull(orderId), takes: _.pull({ orderId }) });
}

function onlyChange(effect: Effect, now: Date): EntityChange {
  return changesOf(effect, now)[0];
}

/**
 * Takes one reservation of a new order and registers its undo in `steps`; a refusal throws its
 * code (the caller then compensates the steps already taken).
 */
export async function reserve(ctx: Ctx, effect: Effect, steps: Steps): Promise<void> {
  const refuse = (won: boolean, code: ConstructorParameters<typeof AppError>[0], message: string) => {
    if (!won) throw new AppError(code, message);
  };
  switch (effect.type) {
    case 'openTeam':
      await steps.run('team', () => store.insert('teams', { ...effect.team }), () => store.removeById('teams', effect.team._id));
      return;
    case 'takeSeat': {
      const { member } = effect;
      await steps.run(
        'member',
        async () => refuse(await store.insertOnce('team_members', member), 'ALREADY_JOINED', 'you are already in this team'),
        // Only this order's member: a duplicate id is the same customer's other order in this team.
        () => store.removeWhere('team_members', { _id: member._id, orderId: member.orderId }),
      );
      const seat = changesOf(effect, ctx.now);
      if (seat.length === 0) return; // the leader's seat comes with the new team
      await steps.run(
        'seat',
        async () => refuse(await applyChange(seat[0]), effect.expiresAt.getTime() <= ctx.now.getTime() ? 'EXPIRED' : 'GROUP_FULL', 'team is full'),
        () => applyChange(changesOf({ type: 'releaseSeat', teamId: member.teamId, memberId: member._id, orderId: member.orderId }, ctx.now)[1]),
      );
      return;
    }
    case 'countDealUse': {
      const id = dealUseId(effect.dealId, effect.openid);
      const _ = store.command();
      await steps.run(
        'deal use',
        async () =>
          refuse(
            (await store.insertOnce('counters', { _id: id, kind: 'deal_user', dealId: effect.dealId, openid: effect.openid, count: 1, orders: [effect.orderId] })) ||
              (await store.guardedUpdate('counters', { _id: id, count: _.lt(effect.limit), orders: _.neq(effect.orderId) }, { count: _.inc(1), orders: _.push([effect.orderId]) })),
            'LIMIT_REACHED',
            `at most ${effect.limit} teams of this deal per customer`,
          ),
        () => uncountDealUse(effect.dealId, effect.openid, effect.orderId),
      );
      return;
    }
    case 'lockCoupon':
      await steps.run(
        'coupon',
        async () => refuse(await applyChange(onlyChange(effect, ctx.now)), 'FAILED_PRECONDITION', 'this coupon is already in use'),
        () => applyChange(onlyChange({ type: 'releaseCoupon', couponId: effect.couponId, orderId: effect.orderId }, ctx.now)),
      );
      return;
    case 'takeFlash':
      await steps.run(
        `flash ${effect.flashId}`,
        async () => {
          if (await store.guardedUpdate('flash_sales', flashTakeGuard(effect, ctx.now), flashTake(effect, ctx.now))) return;
          // The write refused: one read names why — the customer's limit (or this very order, a
          // repeated request) unless every unit is taken or the sale closed.
          const sale = await store.getById<{ taken?: number; buyers?: Record<string, string[]> }>('flash_sales', effect.flashId);
          const soldOut = !sale || (sale.taken ?? 0) >= effect.quantity;
          const mine = sale?.buyers?.[effect.buyerKey] ?? [];
          throw new FlashRefusal(soldOut ? 'SOLD_OUT' : 'LIMIT_REACHED', soldOut ? 'this flash sale is sold out' : `at most ${effect.perUserLimit} per customer`, mine);
        },
        () => returnFlashUnit(effect.flashId, effect.buyerKey, effect.orderId),
      );
      return;
    case 'reserveStock': {
      const _ = store.command();
      const where = { _id: effect.skuId, stock: _.gte(effect.qty), holds: _.neq(effect.holdId) };
      const take = { stock: _.inc(-effect.qty), sold: _.inc(effect.qty), holds: _.push([effect.holdId]) };
      await steps.run(
        `stock ${effect.skuId}`,
        async () => refuse(await store.guardedUpdate('skus', where, take), 'SOLD_OUT', `${effect.label} is sold out`),
        () => returnHeld(effect.skuId, effect.holdId, effect.qty),
      );
      return;
    }
    default:
      throw new Error(`${effect.type} is not a reservation`);
  }
}

/**
 * Applies one follow-up of a move: tried again on failure (`mustWrite`; safe, as every write here
 * applies once) and thrown when it cannot land. Returns whether its guard matched now (false:
 * already done — by an earlier try whose reply was lost, or another delivery — or no longer
 * possible). `releaseSeat` removes this order's member and gives its seat back (2 round trips).
 */
export async function applyEffect(ctx: Ctx, effect: Effect): Promise<boolean> {
  switch (effect.type) {
    case 'returnStock':
      return mustWrite(() => returnHeld(effect.skuId, effect.holdId, effect.qty));
    case 'settleStock':
      return mustWrite(() => store.guardedUpdate('skus', { _id: effect.skuId, holds: effect.holdId }, { holds: store.command().pull(effect.holdId) }));
    case 'uncountDealUse':
      return mustWrite(() => uncountDealUse(effect.dealId, effect.openid, effect.orderId));
    case 'returnFlash':
      return mustWrite(() => returnFlashUnit(effect.flashId, effect.buyerKey, effect.orderId));
    case 'releaseSeat': {
      const [release, unseat] = changesOf(effect, ctx.now);
      const [removed, unseated] = await Promise.all([mustWrite(() => applyChange(release)), mustWrite(() => applyChange(unseat))]);
      return removed || unseated;
    }
    case 'useCoupon':
    case 'releaseCoupon':
    case 'returnCoupon':
    case 'payMember':
    case 'refundMember':
    case 'readyToShip':
    case 'releaseBargain':
      return mustWrite(() => applyChange(onlyChange(effect, ctx.now)));
    case 'shipTeam': {
      // Every paid order of the team at once (one write), each recording TeamSucceeded.
      // A ladder team names the orders it counted: a payment it did not count (after its success or expiry) is refunded, never shipped.
      const counted = effect.orderIds ? [{ field: '_id', op: 'in' as const, value: effect.orderIds }] : [];
      const change = { ...readyToShipChange('', ctx.now), requires: [{ field: 'teamId', op: 'eq' as const, value: effect.teamId }, ...counted] };
      return (await mustWrite(() => applyChangeToAll(change, [teamSucceeded(ctx.now, effect.teamId)]))) > 0;
    }
    case 'refund':
      return askForRefund(ctx, effect.refund, effect.orderTotalFen);
    default:
      throw new Error(`${effect.type} is not a follow-up effect`);
  }
}

/**
 * Asks the provider to send a refund's money back, with the refund's id as out_refund_no (asked
 * again, it refunds once). Accepted is not done: the refund notice (payNotify) or the sweep's
 * queryRefund moves the record. A failed request is logged and left to the sweep, which finds the
 * refund unknown to the provider and asks again. Never throws; true when the provider accepted it.
 */
async function askForRefund(ctx: Ctx, refund: Refund, orderTotalFen: number): Promise<boolean> {
  try {
    await paymentPort().refund({ orderId: refund.orderId, refundId: refund._id, orderTotalFen, refundFen: refund.refundFen });
    return true;
  } catch (err) {
    console.error(`[commerce] request ${ctx.requestId}: refund ${refund._id} not accepted by the provider (the sweep asks again)`, err);
    return false;
  }
}

/**
 * Applies one effect of a payout decision (1 round trip each). The open-request slot lives on the
 * salesperson's user document: `openPayoutId` (empty when no request is open) and `payoutSeq`
 * (their last request number; payout ids derive from it). Holding is one guarded write on both,
 * so concurrent requests leave exactly one; releasing is guarded on this payout holding it, so a
 * repeat is a no-op. The `paid` entry is inserted once by id. Returns whether the write won.
 */
export async function applyPayoutEffect(effect: PayoutEffect): Promise<boolean> {
  switch (effect.type) {
    case 'holdPayoutSlot':
      // A missing field matches null: a salesperson's first request finds neither field.
      return store.guardedUpdate(
        'users',
        { _id: effect.salesId, openPayoutId: null, payoutSeq: effect.seq === 1 ? null : effect.seq - 1 },
        { openPayoutId: effect.payoutId, payoutSeq: effect.seq },
      );
    case 'releasePayoutSlot':
      return mustWrite(() => store.guardedUpdate('users', { _id: effect.salesId, openPayoutId: effect.payoutId }, { openPayoutId: null }));
    case 'recordPayoutPaid':
      return mustWrite(() => store.insertOnce('commission_ledger', effect.entry));
  }
}
