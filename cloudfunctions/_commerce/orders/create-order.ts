/**
 * order.create / groupbuy.open / groupbuy.join: decide the order from fresh reads, then write it
 * as steps with undos — order (the idempotency guard), team seat, per-user deal limit, coupon lock,
 * stock — each an atomic insert or conditional update.
 */
import { AppError, stableId, store, type ActionContext } from '../../_platform';
import { attributeOrder, onOrderCreated } from '../../_growth';
import { orderFacts } from './facts';
import { memberIdOf, teamExpiresAt, type Team, type TeamMember } from '../../../shared/groupbuy';
import type { Order } from '../../../shared/orders';
import { priceCart, type PricedCart } from '../../../shared/pricing';
import { Steps } from '../steps';
import { checkJoin, loadUsableCoupon, prepareCart, type CartRequest } from './prepare';
import { orderPayTtlMs } from './config';

export interface CreateOrderInput extends CartRequest {
  couponId?: string;
  shareId?: string;
  idempotencyKey: string;
}

/** The id of the order `openid` creates with `idempotencyKey`. */
export function orderIdOf(openid: string, idempotencyKey: string): string {
  return `o${stableId('order', openid, idempotencyKey)}`;
}

/** Creates (or, for a repeated idempotencyKey, returns) the caller's order. */
export async function createOrder(ctx: ActionContext, input: CreateOrderInput): Promise<Order> {
  const orderId = orderIdOf(ctx.openid, input.idempotencyKey);
  // No read of an existing order up front: the order insert is the idempotency guard, and a
  // refusal below first looks for the order a previous request with this key made.
  const [cart, coupon, attribution] = await Promise.all([
    prepareCart(ctx, input).catch((err: unknown) => err as Error),
    input.couponId ? loadUsableCoupon(ctx, input.couponId).catch((err: unknown) => err as Error) : Promise.resolve(null),
    attributeOrder(ctx, ctx.user, input.shareId),
  ]);
  let priced: PricedCart;
  try {
    if (cart instanceof Error) throw cart;
    if (coupon instanceof Error) throw coupon;
    if (cart.mode === 'join' && cart.team) await checkJoin(ctx, cart.team, attribution.salesId);
    if (coupon && cart.terms && !(cart.terms.allowCoupon || coupon.allowOnGroup)) {
      throw new AppError('NOT_ELIGIBLE', 'no coupon on a group order');
    }
    priced = priceCart({ lines: cart.lines, activityDiscountFen: cart.activityDiscountFen, coupon });
    if (coupon && priced.couponDiscountFen === 0) throw new AppError('NOT_ELIGIBLE', 'this coupon does not apply to this cart');
  } catch (err) {
    // A repeated request returns the first one's order, even if stock, seat or coupon are gone since.
    const existing = await store.getById<Order>('orders', orderId);
    if (existing) return existing;
    throw err;
  }

  const now = ctx.now;
  const teamId = cart.mode === 'open' ? `t${ctx.newId(11)}` : cart.mode === 'join' ? (cart.team as Team)._id : null;
  const memberId = teamId ? memberIdOf(teamId, ctx.openid) : null;
  const order: Order = {
    _id: orderId,
    buyerOpenid: ctx.openid,
    idempotencyKey: input.idempotencyKey,
    kind: cart.terms ? 'group' : 'normal',
    status: 'pending_pay',
    lines: priced.lines.map((l) => ({ ...l, refundedFen: 0, refundId: null })),
    subtotalFen: priced.subtotalFen,
    activityDiscountFen: priced.activityDiscountFen,
    couponDiscountFen: priced.couponDiscountFen,
    discountFen: priced.discountFen,
    totalFen: priced.totalFen,
    couponId: coupon ? coupon._id : null,
    teamId,
    memberId,
    dealTerms: cart.terms,
    attribution,
    createdAt: now,
    payDeadlineAt: new Date(now.getTime() + orderPayTtlMs()),
    paidAt: null,
    tradeNo: null,
    paidFen: 0,
    refundedFen: 0,
    closedAt: null,
    closeReason: null,
    updatedAt: now,
  };

  const _ = store.command();
  const steps = new Steps();
  const inserted = await store.insertOnce('orders', order);
  if (!inserted) {
    // A concurrent request with the same key won: answer with its order.
    const winner = await store.getById<Order>('orders', orderId);
    if (winner) return winner;
    throw new AppError('CONFLICT', 'the same order is being created, please retry');
  }
  await steps.run('order', async () => undefined, () => store.removeById('orders', orderId));
  try {
    if (cart.mode === 'open' && cart.terms && teamId && memberId) {
      const terms = cart.terms;
      const team: Team = {
        _id: teamId,
        dealId: terms._id,
        terms,
        size: terms.groupSize,
        leaderOpenid: ctx.openid,
        salesId: attribution.salesId,
        status: 'forming',
        seatsTaken: 1,
        paidCount: 0,
        createdAt: now,
        expiresAt: teamExpiresAt(terms, now),
        succeededAt: null,
        failedAt: null,
        refundsDoneAt: null,
      };
      await steps.run('team', () => store.insert('teams', { ...team }), () => store.removeById('teams', teamId));
      await steps.run('member', () => insertMember(teamId, memberId, orderId, ctx, true), () => store.removeById('team_members', memberId));
    } else if (cart.mode === 'join' && cart.team && teamId && memberId) {
      const team = cart.team;
      const joined = await insertMember(teamId, memberId, orderId, ctx, false);
      if (!joined) throw new AppError('ALREADY_JOINED', 'you are already in this team');
      await steps.run('member', async () => undefined, () => store.removeById('team_members', memberId));
      const seated = await store.guardedUpdate(
        'teams',
        { _id: teamId, status: 'forming', seatsTaken: _.lt(team.size), expiresAt: _.gt(now) },
        { seatsTaken: _.inc(1) },
      );
      if (!seated) throw new AppError(team.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'GROUP_FULL', 'team is full');
      await steps.run('seat', async () => undefined, () => store.updateById('teams', teamId, { seatsTaken: _.inc(-1) }));
    }
    if (cart.terms?.perUserLimit) {
      const limit = cart.terms.perUserLimit;
      const counterId = `deal_${stableId(cart.terms._id, ctx.openid)}`;
      const ok =
        (await store.insertOnce('counters', { _id: counterId, kind: 'deal_user', dealId: cart.terms._id, openid: ctx.openid, count: 1 })) ||
        (await store.guardedUpdate('counters', { _id: counterId, count: _.lt(limit) }, { count: _.inc(1) }));
      if (!ok) throw new AppError('LIMIT_REACHED', `at most ${limit} teams of this deal per customer`);
      await steps.run('deal limit', async () => undefined, () => store.updateById('counters', counterId, { count: _.inc(-1) }));
    }
    if (coupon) {
      const locked = await store.guardedUpdate(
        'coupons',
        { _id: coupon._id, ownerOpenid: ctx.openid, status: 'unused', validToAt: _.gt(now) },
        { status: 'locked', orderId, lockedAt: now },
      );
      if (!locked) throw new AppError('FAILED_PRECONDITION', 'this coupon is already in use');
      await steps.run('coupon', async () => undefined, () =>
        store.guardedUpdate('coupons', { _id: coupon._id, status: 'locked', orderId }, { status: 'unused', orderId: null, lockedAt: null }),
      );
    }
    for (const line of order.lines) {
      const reserved = await store.guardedUpdate('skus', { _id: line.skuId, stock: _.gte(line.qty) }, { stock: _.inc(-line.qty), sold: _.inc(line.qty) });
      if (!reserved) throw new AppError('SOLD_OUT', `${line.title} (${line.skuName}) is sold out`);
      await steps.run(`stock ${line.skuId}`, async () => undefined, () =>
        store.updateById('skus', line.skuId, { stock: _.inc(line.qty), sold: _.inc(-line.qty) }),
      );
    }
  } catch (err) {
    await steps.compensate(ctx.requestId);
    throw err;
  }
  // Only the request that won the insert and reserved everything reaches here: counted once.
  await onOrderCreated(ctx, orderFacts(order));
  return order;
}

async function insertMember(teamId: string, memberId: string, orderId: string, ctx: ActionContext, isLeader: boolean): Promise<boolean> {
  const member: TeamMember = {
    _id: memberId,
    teamId,
    openid: ctx.openid,
    orderId,
    isLeader,
    status: 'pending_pay',
    joinedAt: ctx.now,
    paidAt: null,
  };
  return store.insertOnce('team_members', member);
}
