/**
 * payNotify's use case: a verified "paid" notice moves its order `pending_pay → paid` exactly once.
 * De-duplication: the payment record's id is the trade number (a replay's insert fails), and the
 * transition itself is a conditional update. A payment for an order that was released meanwhile,
 * or for a team that failed meanwhile, is refunded at once — nobody pays and is then turned away.
 */
import { stableId, type ActionContext } from '../../_platform';
import { onOrderPaid } from '../../_growth';
import type { Order, Refund } from '../../../shared/orders';
import type { PaidNotice } from '../payment';
import { cmd, getById, guardedUpdate, insertUnique } from '../store';
import { orderFacts } from './facts';
import { completeRefund, refundOrder } from './refund-order';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export type PaymentOutcome = 'paid' | 'duplicate' | 'late_refunded' | 'team_failed_refunded' | 'amount_mismatch' | 'unknown_order';

export async function applyPayment(ctx: Ctx, notice: PaidNotice): Promise<{ outcome: PaymentOutcome; orderId: string }> {
  const paymentId = `${notice.provider}_${notice.tradeNo}`;
  const [first, order] = await Promise.all([
    insertUnique('payments', {
      _id: paymentId,
      orderId: notice.orderId,
      tradeNo: notice.tradeNo,
      totalFen: notice.totalFen,
      provider: notice.provider,
      receivedAt: ctx.now,
    }),
    getById<Order>('orders', notice.orderId),
  ]);
  const orderId = notice.orderId;
  if (!order) {
    console.error(`[commerce] request ${ctx.requestId}: payment ${paymentId} for unknown order ${orderId}`);
    return { outcome: 'unknown_order', orderId };
  }
  if (!first) return { outcome: 'duplicate', orderId };
  if (notice.totalFen !== order.totalFen) {
    console.error(`[commerce] request ${ctx.requestId}: payment ${paymentId} is ${notice.totalFen} fen, order ${orderId} is ${order.totalFen}`);
    return { outcome: 'amount_mismatch', orderId };
  }

  const paid = await guardedUpdate(
    'orders',
    { _id: orderId, status: 'pending_pay' },
    { status: 'paid', paidAt: ctx.now, tradeNo: notice.tradeNo, paidFen: notice.totalFen, updatedAt: ctx.now },
  );
  if (!paid) {
    if (order.status === 'paid' && order.tradeNo === notice.tradeNo) return { outcome: 'duplicate', orderId };
    await refundLatePayment(ctx, order, notice);
    return { outcome: 'late_refunded', orderId };
  }
  const paidOrder: Order = { ...order, status: 'paid', paidAt: ctx.now, tradeNo: notice.tradeNo, paidFen: notice.totalFen };

  const _ = cmd();
  const work: Array<Promise<unknown>> = [];
  if (order.couponId) {
    work.push(guardedUpdate('coupons', { _id: order.couponId, status: 'locked', orderId }, { status: 'used', usedAt: ctx.now }));
  }
  let teamOk = true;
  if (order.teamId && order.memberId && order.dealTerms) {
    const teamId = order.teamId;
    const size = order.dealTerms.groupSize;
    work.push(
      (async () => {
        await guardedUpdate('team_members', { _id: order.memberId, status: 'pending_pay' }, { status: 'paid', paidAt: ctx.now });
        teamOk = await guardedUpdate('teams', { _id: teamId, status: 'forming', expiresAt: _.gt(ctx.now) }, { paidCount: _.inc(1) });
        if (teamOk) {
          await guardedUpdate('teams', { _id: teamId, status: 'forming', paidCount: size }, { status: 'succeeded', succeededAt: ctx.now });
        }
      })(),
    );
  }
  await Promise.all(work);
  await onOrderPaid(ctx, orderFacts(paidOrder));
  if (!teamOk) {
    // The team expired or failed while this member paid: refund now, never keep a rejected payer's money.
    await refundOrder(ctx, orderId, undefined, 'team_failed');
    return { outcome: 'team_failed_refunded', orderId };
  }
  return { outcome: 'paid', orderId };
}

/** Money arrived for an order that was already released: record it on the order and send it back. */
async function refundLatePayment(ctx: Ctx, order: Order, notice: PaidNotice): Promise<void> {
  const refund: Refund = {
    _id: `r${stableId('late', order._id, notice.tradeNo)}`,
    orderId: order._id,
    buyerOpenid: order.buyerOpenid,
    tradeNo: notice.tradeNo,
    lines: [],
    refundFen: notice.totalFen,
    reason: 'late_payment',
    status: 'pending',
    provider: notice.provider,
    createdAt: ctx.now,
    doneAt: null,
  };
  if (!(await insertUnique('refunds', refund))) return;
  await guardedUpdate(
    'orders',
    { _id: order._id, tradeNo: null },
    { tradeNo: notice.tradeNo, paidFen: notice.totalFen, refundedFen: notice.totalFen, latePaymentRefundId: refund._id, updatedAt: ctx.now },
  );
  await completeRefund(ctx, refund, notice.totalFen);
}
