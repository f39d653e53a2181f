/**
 * payNotify's use case: a verified "paid" notice moves its order `pending_pay → paid` exactly once.
 * De-duplication: the transition itself is a conditional update (`pending_pay` and the exact
 * amount), and the payment record's id is the trade number (a replay's insert fails). A payment for an order that was released meanwhile,
 * or for a team that failed meanwhile, is refunded at once — nobody pays and is then turned away.
 */
import { stableId, store, type ActionContext } from '../../_platform';
import { onOrderPaid } from '../../_growth';
import type { Order, Refund } from '../../../shared/orders';
import type { PaidNotice } from '../payment';
import { mustWrite } from '../steps';
import { orderFacts } from './facts';
import { completeRefund, refundOrder } from './refund-order';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export type PaymentOutcome = 'paid' | 'duplicate' | 'late_refunded' | 'team_failed_refunded' | 'amount_mismatch' | 'unknown_order';

export async function applyPayment(ctx: Ctx, notice: PaidNotice): Promise<{ outcome: PaymentOutcome; orderId: string }> {
  const paymentId = `${notice.provider}_${notice.tradeNo}`;
  const orderId = notice.orderId;
  const record = { _id: paymentId, orderId, tradeNo: notice.tradeNo, totalFen: notice.totalFen, provider: notice.provider, receivedAt: ctx.now };
  // Round trips 1–2 (parallel): the payment record, and the transition `pending_pay → paid` for
  // exactly this amount, which returns the order when it wins. The transition is the guard that
  // counts; the record is the trail. Either may fail on its own, so neither outcome is thrown away.
  const [recorded, transition] = await Promise.allSettled([
    store.insertOnce('payments', record),
    store.updateAndReturn<Order>(
      'orders',
      { _id: orderId, status: 'pending_pay', totalFen: notice.totalFen },
      { status: 'paid', paidAt: ctx.now, tradeNo: notice.tradeNo, paidFen: notice.totalFen, updatedAt: ctx.now },
    ),
  ]);
  // Nothing was decided: the provider replays the notice and this runs again.
  if (transition.status === 'rejected') throw transition.reason;
  const won = transition.value;
  // The transition is won but the record failed: write it now (a replay would not redo it).
  if (recorded.status === 'rejected' && won) await mustWrite(() => store.insertOnce('payments', record));
  if (won) return finishPaid(ctx, won, 'paid');

  // Not the usual path (round trip 3): a replay, or money for an order that cannot take it. Replays
  // also heal a first delivery that failed half-way (every side effect below is guarded).
  const order = await store.getById<Order>('orders', orderId);
  if (!order) {
    console.error(`[commerce] request ${ctx.requestId}: payment ${paymentId} for unknown order ${orderId}`);
    return { outcome: 'unknown_order', orderId };
  }
  if (notice.totalFen !== order.totalFen) {
    console.error(`[commerce] request ${ctx.requestId}: payment ${paymentId} is ${notice.totalFen} fen, order ${orderId} is ${order.totalFen}`);
    return { outcome: 'amount_mismatch', orderId };
  }
  if (order.tradeNo === notice.tradeNo) {
    if (recorded.status === 'rejected') await mustWrite(() => store.insertOnce('payments', record));
    if (order.status === 'paid') await finishPaid(ctx, order, 'duplicate');
    return { outcome: 'duplicate', orderId };
  }
  // Released (or paid by another trade) meanwhile: nobody pays and is then turned away.
  if (recorded.status === 'rejected') await mustWrite(() => store.insertOnce('payments', record));
  await refundLatePayment(ctx, order, notice);
  return { outcome: 'late_refunded', orderId };
}

/**
 * The effects of a paid order: coupon used, team seat paid (the team's paid count moves only when
 * this member's own transition wins, so a replay never counts twice), team success for the last
 * payer, and the growth hook (idempotent). Safe to run again for the same order.
 */
async function finishPaid(ctx: Ctx, paidOrder: Order, outcome: 'paid' | 'duplicate'): Promise<{ outcome: PaymentOutcome; orderId: string }> {
  const orderId = paidOrder._id;
  const _ = store.command();
  const work: Array<Promise<unknown>> = [];
  if (paidOrder.couponId) {
    const couponId = paidOrder.couponId;
    work.push(mustWrite(() => store.guardedUpdate('coupons', { _id: couponId, status: 'locked', orderId }, { status: 'used', usedAt: ctx.now })));
  }
  let teamOk = true;
  if (paidOrder.teamId && paidOrder.memberId && paidOrder.dealTerms) {
    const teamId = paidOrder.teamId;
    const size = paidOrder.dealTerms.groupSize;
    const memberId = paidOrder.memberId;
    work.push(
      (async () => {
        const memberPaid = await mustWrite(() => store.guardedUpdate('team_members', { _id: memberId, status: 'pending_pay' }, { status: 'paid', paidAt: ctx.now }));
        if (!memberPaid) return;
        // The paid count comes back with the increment; only the last payer writes the success.
        const team = await mustWrite(() =>
          store.updateAndReturn<{ paidCount?: number }>('teams', { _id: teamId, status: 'forming', expiresAt: _.gt(ctx.now) }, { paidCount: _.inc(1) }),
        );
        teamOk = team !== undefined;
        if (team && Number(team.paidCount) >= size) {
          await mustWrite(() => store.guardedUpdate('teams', { _id: teamId, status: 'forming', paidCount: size }, { status: 'succeeded', succeededAt: ctx.now }));
        }
      })(),
    );
  }
  // The paid transition is won: the growth hook runs even if a side effect failed, and the failure
  // is reported after it (the provider's replay then heals it through this same function).
  const settled = await Promise.allSettled(work);
  await onOrderPaid(ctx, orderFacts(paidOrder));
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  if (!teamOk) {
    // The team expired or failed while this member paid: refund now, never keep a rejected payer's money.
    await refundOrder(ctx, orderId, undefined, 'team_failed');
    return { outcome: 'team_failed_refunded', orderId };
  }
  return { outcome, orderId };
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
  if (!(await store.insertOnce('refunds', refund))) return;
  await store.guardedUpdate(
    'orders',
    { _id: order._id, tradeNo: null },
    { tradeNo: notice.tradeNo, paidFen: notice.totalFen, refundedFen: notice.totalFen, latePaymentRefundId: refund._id, updatedAt: ctx.now },
  );
  await completeRefund(ctx, refund, notice.totalFen);
}
