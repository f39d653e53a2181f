/**
 * payNotify's use case: a verified "paid" notice moves its order `pending_pay → paid` exactly once.
 * De-duplication: the move itself is a guarded write (the table's source state and the exact
 * amount), and the payment record's id is the trade number (a replay's insert fails). A payment
 * for an order that was released meanwhile, or for a team that failed meanwhile, is refunded at
 * once — nobody pays and is then turned away.
 */
import { stableId, store, type ActionContext } from '../../_platform';
import { canMove, decideOrder, orderMachine, payDecision, strayPaymentRefund } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import type { PaidNotice } from '../payment';
import { applyChangeReturning, applyEffect, eventsOf, guardOf } from '../effects';
import { deliver } from '../outbox';
import { mustWrite } from '../steps';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export type PaymentOutcome = 'paid' | 'duplicate' | 'late_refunded' | 'team_failed_refunded' | 'amount_mismatch' | 'unknown_order';

export async function applyPayment(ctx: Ctx, notice: PaidNotice): Promise<{ outcome: PaymentOutcome; orderId: string }> {
  const paymentId = `${notice.provider}_${notice.tradeNo}`;
  const orderId = notice.orderId;
  const record = { _id: paymentId, orderId, tradeNo: notice.tradeNo, totalFen: notice.totalFen, provider: notice.provider, receivedAt: ctx.now };
  // Round trips 1–2 (parallel): the payment record, and the order's `pay` move for exactly this
  // amount, written without reading the order (its guard decides) and returning it when it wins.
  // The move is the guard that counts; the record is the trail. Either may fail on its own, so
  // neither outcome is thrown away.
  const decision = payDecision(orderId, { tradeNo: notice.tradeNo, amountFen: notice.totalFen }, ctx.now);
  const [recorded, transition] = await Promise.allSettled([store.insertOnce('payments', record), applyChangeReturning<Order>(decision.change, eventsOf(decision.effects))]);
  // Nothing was decided: the provider replays the notice and this runs again.
  if (transition.status === 'rejected') throw transition.reason;
  const won = transition.value;
  // The move is won but the record failed: write it now (a replay would not redo it).
  if (recorded.status === 'rejected' && won) await mustWrite(() => store.insertOnce('payments', record));
  if (won) {
    const delivered = await deliver(ctx, won);
    return { outcome: delivered.refundedForTeam ? 'team_failed_refunded' : 'paid', orderId };
  }

  // Not the usual path (round trip 3): a replay, or money for an order that cannot take it. A replay
  // also delivers the order's events still pending (a first delivery that stopped half-way).
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
    await deliver(ctx, order);
    return { outcome: 'duplicate', orderId };
  }
  // Released (or paid by another trade) meanwhile: nobody pays and is then turned away.
  if (recorded.status === 'rejected') await mustWrite(() => store.insertOnce('payments', record));
  await refundLatePayment(ctx, order, notice);
  return { outcome: 'late_refunded', orderId };
}

/**
 * Money arrived for an order that was released meanwhile (`acceptLatePayment`: recorded on the
 * order) or paid by another trade (nothing on the order changes): either way it goes back. Every
 * step applies once, so a replay (the notice again, or after a lost reply) finishes what an earlier
 * delivery began: the refund record (its id is per order and trade), the order's guarded record of
 * the payment (only while it has no trade), the payout (idempotent by refund id, done once).
 */
async function refundLatePayment(ctx: Ctx, order: Order, notice: PaidNotice): Promise<void> {
  const payment = { tradeNo: notice.tradeNo, amountFen: notice.totalFen, provider: notice.provider, refundId: `r${stableId('late', order._id, notice.tradeNo)}` };
  const released = canMove(orderMachine, 'acceptLatePayment', order.status);
  const decision = released ? decideOrder(order, { type: 'acceptLatePayment', ...payment }, ctx.now) : null;
  const refund = strayPaymentRefund(order, payment, ctx.now);
  if (!(await store.insertOnce('refunds', refund.refund))) {
    const stored = await store.getById<{ status: string }>('refunds', refund.refund._id);
    if (stored?.status !== 'pending') return; // paid back already
  }
  if (decision) await store.guardedUpdate('orders', guardOf(decision.change), decision.change.set);
  await applyEffect(ctx, refund);
}
