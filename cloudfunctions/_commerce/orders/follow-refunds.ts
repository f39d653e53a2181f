/**
 * How refunds end: WeChat Pay's refund notice (payNotify) or, for refunds still open a minute
 * after they were recorded, the sweep's queryRefund. Each report becomes the refund's move from
 * the refund table (shared/lifecycle): `succeed`, `fail` (CHANGE/REFUNDCLOSE, for ops) or `retry`
 * (a closed refund asked again with the same out_refund_no); a refund the provider never got is
 * asked again. Every move is a guarded write, so a replayed notice or two sweeps move it once.
 */
import { store, type ActionContext } from '../../_platform';
import { decideRefundProgress, noticeChange } from '../../../shared/lifecycle';
import type { Order, Refund } from '../../../shared/orders';
import { applyChange, applyEffect } from '../effects';
import { paymentPort, type RefundNotice } from '../payment';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** Refunds recorded this long ago and still open are asked about by the sweep. */
export const QUERY_REFUND_AFTER_MS = 60_000;

export type RefundNoticeOutcome = 'moved' | 'unchanged' | 'unknown_refund';

/**
 * A confirmed refund notice: the refund's move, written blind (1 round trip); when it does not win,
 * one read tells a replay from a refund this shop does not know (logged, acknowledged).
 */
export async function applyRefundNotice(ctx: Ctx, notice: RefundNotice): Promise<RefundNoticeOutcome> {
  const change = noticeChange(notice.refundId, notice.report, ctx.now);
  if (change && (await applyChange(change))) return 'moved';
  if (await store.getById<Refund>('refunds', notice.refundId)) return 'unchanged';
  console.error(`[commerce] request ${ctx.requestId}: refund notice for unknown refund ${notice.refundId}`);
  return 'unknown_refund';
}

/** What the sweep's follow-up did: refunds moved to each state, and refunds asked of the provider again. */
export interface RefundFollowUp {
  succeeded: number;
  failed: number;
  retried: number;
  askedAgain: number;
}

/**
 * The sweep's half: asks WeChat Pay about each open refund (pending or failed) and applies what it
 * says. Each refund on its own: one failing query never blocks the others (it is asked next time).
 */
export async function followUpRefunds(ctx: Ctx, refunds: Array<Refund & { _order?: Order[] }>): Promise<RefundFollowUp> {
  const done: RefundFollowUp = { succeeded: 0, failed: 0, retried: 0, askedAgain: 0 };
  const port = paymentPort();
  await Promise.all(
    refunds.map(async ({ _order, ...refund }) => {
      try {
        const progress = decideRefundProgress(refund, await port.queryRefund(refund._id), _order?.[0]?.totalFen ?? refund.refundFen, ctx.now);
        const moved = progress.change ? await applyChange(progress.change) : false;
        if (progress.change && !moved) return; // someone else moved it meanwhile
        if (moved && progress.change?.move === 'succeed') done.succeeded++;
        if (moved && progress.change?.move === 'fail') done.failed++;
        if (moved && progress.change?.move === 'retry') done.retried++;
        for (const effect of progress.effects) if (await applyEffect(ctx, effect)) done.askedAgain++;
      } catch (err) {
        console.error(`[commerce] request ${ctx.requestId}: refund ${refund._id} not followed up`, err);
      }
    }),
  );
  return done;
}
