/**
 * Releases an unpaid order (buyer cancel, payment TTL, failed team): the conditional
 * `pending_pay → cancelled|closed` picks one winner among concurrent releasers and payers; only
 * the winner returns stock, seat and coupon.
 */
import { stableId, store, type ActionContext } from '../../_platform';
import type { Order } from '../../../shared/orders';
import { mustWrite } from '../steps';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

export async function releaseOrder(ctx: Ctx, order: Order, to: 'cancelled' | 'closed', reason: string): Promise<boolean> {
  const _ = store.command();
  const won = await store.guardedUpdate(
    'orders',
    { _id: order._id, status: 'pending_pay' },
    { status: to, closedAt: ctx.now, closeReason: reason, updatedAt: ctx.now },
  );
  if (!won) return false;
  // This call won the release: its returns must happen (each tried again on failure).
  const work: Array<Promise<unknown>> = order.lines.map((l) =>
    mustWrite(() => store.updateById('skus', l.skuId, { stock: _.inc(l.qty), sold: _.inc(-l.qty) })),
  );
  const couponId = order.couponId;
  if (couponId) {
    work.push(
      mustWrite(() => store.guardedUpdate('coupons', { _id: couponId, status: 'locked', orderId: order._id }, { status: 'unused', orderId: null, lockedAt: null })),
    );
  }
  if (order.teamId && order.memberId) {
    const teamId = order.teamId;
    const memberId = order.memberId;
    work.push(mustWrite(() => store.removeById('team_members', memberId)).then(() => mustWrite(() => store.updateById('teams', teamId, { seatsTaken: _.inc(-1) }))));
  }
  if (order.dealTerms?.perUserLimit) {
    work.push(mustWrite(() => store.updateById('counters', `deal_${dealCounterKey(order)}`, { count: _.inc(-1) })));
  }
  await Promise.all(work);
  return true;
}

function dealCounterKey(order: Order): string {
  return stableId(order.dealTerms?._id ?? '', order.buyerOpenid);
}
