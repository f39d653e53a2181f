/**
 * Refunds some or all lines of a paid order. The decision and the refund record are one short
 * transaction on the order (so two concurrent refunds of the same lines — e.g. two sweeps — make
 * one refund); only the caller that created the refund returns stock/coupon, marks the member and
 * tells the growth loop. The provider is asked with the refund's stable id (its out_refund_no).
 */
import { AppError, runTransaction, stableId, store, type ActionContext } from '../../_platform';
import { onOrderRefunded } from '../../_growth';
import { decideRefund, type Order, type Refund } from '../../../shared/orders';
import { paymentPort } from '../payment';
import { mustWrite } from '../steps';
import { orderFacts } from './facts';

type Ctx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

export interface RefundResult {
  refund: Refund;
  /** False when this refund already existed (a replay). */
  created: boolean;
  order: Order;
}

export async function refundOrder(
  ctx: Ctx,
  orderId: string,
  lineIds: string[] | undefined,
  reason: string,
  check?: (order: Order) => void,
): Promise<RefundResult> {
  const provider = paymentPort();
  const result = await runTransaction(async (tx) => {
    const order = await tx.get<Order>('orders', orderId);
    if (!order) throw new AppError('NOT_FOUND', `no order ${orderId}`);
    check?.(order);
    // Same lines asked again (a retry, a second sweep): answer with the refund already made.
    if (lineIds === undefined && order.status === 'refunded') {
      const lastId = order.lines.find((l) => l.refundId)?.refundId;
      const existing = lastId ? await tx.get<Refund>('refunds', lastId) : undefined;
      if (existing) return { refund: existing, created: false, order };
    }
    const decision = decideRefund(order, lineIds, (ids) => `r${stableId('refund', orderId, ...ids)}`);
    const refund: Refund = {
      _id: decision.refundId,
      orderId,
      buyerOpenid: order.buyerOpenid,
      tradeNo: order.tradeNo,
      lines: decision.lines,
      refundFen: decision.refundFen,
      reason,
      status: 'pending',
      provider: provider.name,
      createdAt: ctx.now,
      doneAt: null,
    };
    await tx.update('orders', orderId, {
      lines: decision.nextLines,
      refundedFen: decision.nextRefundedFen,
      status: decision.nextStatus,
      updatedAt: ctx.now,
    });
    const { _id: refundDocId, ...refundFields } = refund;
    await tx.set('refunds', refundDocId, refundFields);
    const next: Order = { ...order, lines: decision.nextLines, refundedFen: decision.nextRefundedFen, status: decision.nextStatus };
    return { refund, created: true, order: next, isFull: decision.isFull };
  });
  if (!result.created) return { refund: result.refund, created: false, order: result.order };

  const { refund, order } = result;
  const full = 'isFull' in result && result.isFull === true;
  await completeRefund(ctx, refund, order.totalFen);
  const _ = store.command();
  const refundedLines = order.lines.filter((l) => refund.lines.some((r) => r.lineId === l.lineId));
  // This call created the refund: its returns must happen (each tried again on failure).
  const work: Array<Promise<unknown>> = refundedLines.map((l) =>
    mustWrite(() => store.updateById('skus', l.skuId, { stock: _.inc(l.qty), sold: _.inc(-l.qty) })),
  );
  const couponId = order.couponId;
  if (full && couponId) {
    work.push(mustWrite(() => store.guardedUpdate('coupons', { _id: couponId, status: 'used', orderId: order._id }, { status: 'unused', orderId: null, usedAt: null, lockedAt: null })));
  }
  const memberId = order.memberId;
  if (full && memberId) {
    work.push(mustWrite(() => store.guardedUpdate('team_members', { _id: memberId, status: _.in(['paid', 'pending_pay']) }, { status: 'refunded', refundedAt: ctx.now })));
  }
  await Promise.all(work);
  await onOrderRefunded(ctx, orderFacts(order), refund.lines.map((l) => ({ lineId: l.lineId, refundFen: l.refundFen, refundId: refund._id })));
  return { refund: { ...refund }, created: true, order };
}

/** Asks the provider (idempotent by refund id) and records completion when it is done. */
export async function completeRefund(ctx: Pick<Ctx, 'now' | 'requestId'>, refund: Refund, orderTotalFen: number): Promise<boolean> {
  try {
    const outcome = await paymentPort().refund({ orderId: refund.orderId, refundId: refund._id, orderTotalFen, refundFen: refund.refundFen });
    if (!outcome.done) return false;
    await store.guardedUpdate('refunds', { _id: refund._id, status: 'pending' }, { status: 'succeeded', doneAt: ctx.now });
    refund.status = 'succeeded';
    refund.doneAt = ctx.now;
    return true;
  } catch (err) {
    // Left pending: the sweep asks again with the same refund id.
    console.error(`[commerce] request ${ctx.requestId}: refund ${refund._id} not completed`, err);
    return false;
  }
}
