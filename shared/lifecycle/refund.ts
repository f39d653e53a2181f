/**
 * The refund decider: what a provider's report on a refund (its refund notice, or queryRefund in
 * the sweep) does to the refund record. Money in fen.
 */
import type { FailedRefundStatus, Refund } from '../orders/order';
import type { EntityChange } from './change';
import type { Effect } from './effects';
import { canMove } from './machine';
import { refundMachine } from './tables';

/** How many times a refund is asked of the provider before a REFUNDCLOSE is left to ops. */
export const MAX_REFUND_ATTEMPTS = 3;

/** What the provider says about a refund (WeChat Pay's refund_status, or NOTEXIST when it never got the request). */
export interface RefundReport {
  status: 'PROCESSING' | 'SUCCESS' | FailedRefundStatus | 'NOTEXIST';
  /** The amount the provider refunds; a report of another amount moves nothing. */
  refundFen?: number;
  providerRefundId?: string;
}

/** What can be asked of a refund record. */
export type RefundCommand =
  | { type: 'succeed'; refundFen: number; providerRefundId: string }
  | { type: 'fail'; refundFen: number; providerStatus: FailedRefundStatus }
  | { type: 'retry' };

type RefundChange = Extract<EntityChange, { entity: 'refund' }>;

/**
 * The guarded write of a refund move, without reading the refund: the table's source states and
 * the amount the provider reported (or, for a retry, the attempts left) are re-checked by the write.
 * @example refundChange('r1', { type: 'succeed', refundFen: 9800, providerRefundId: '503…' }, now).requires // [refundFen = 9800]
 */
export function refundChange(refundId: string, command: RefundCommand, now: Date): RefundChange {
  const change = (requires: EntityChange['requires'], set: Record<string, unknown>, inc: Record<string, number> = {}): RefundChange => ({
    entity: 'refund',
    id: refundId,
    move: command.type,
    requires,
    set,
    inc,
  });
  switch (command.type) {
    case 'succeed':
      return change([{ field: 'refundFen', op: 'eq', value: command.refundFen }], { status: 'succeeded', doneAt: now, providerRefundId: command.providerRefundId });
    case 'fail':
      return change([{ field: 'refundFen', op: 'eq', value: command.refundFen }], { status: 'failed', failedAt: now, providerStatus: command.providerStatus });
    case 'retry':
      return change([{ field: 'attempts', op: 'lt', value: MAX_REFUND_ATTEMPTS }], { status: 'pending', retriedAt: now }, { attempts: 1 });
  }
}

/**
 * The refund's move for the provider's notice, written without reading the refund (its guard —
 * the table's source states and the reported amount — decides): SUCCESS → `succeed`, CHANGE or
 * REFUNDCLOSE → `fail`; none for PROCESSING or NOTEXIST. Retries are the sweep's (it reads the refund).
 * @example noticeChange('r1', { status: 'SUCCESS', refundFen: 9800, providerRefundId: 'p' }, now)?.move // 'succeed'
 */
export function noticeChange(refundId: string, report: RefundReport, now: Date): RefundChange | undefined {
  if (report.refundFen === undefined || !Number.isInteger(report.refundFen)) return undefined;
  if (report.status === 'SUCCESS') return refundChange(refundId, { type: 'succeed', refundFen: report.refundFen, providerRefundId: report.providerRefundId ?? '' }, now);
  if (report.status === 'CHANGE' || report.status === 'REFUNDCLOSE') return refundChange(refundId, { type: 'fail', refundFen: report.refundFen, providerStatus: report.status }, now);
  return undefined;
}

/** What to do about a refund the provider reported on: its move (if any) and the effects after it. */
export interface RefundProgress {
  change?: RefundChange;
  effects: Effect[];
}

/**
 * Decides what a provider's report does to `refund`:
 * - SUCCESS → `succeed` (pending or failed: a CHANGE handled by hand at the merchant platform ends SUCCESS);
 * - CHANGE / REFUNDCLOSE of a pending refund → `fail` (ops see it);
 * - REFUNDCLOSE of a failed refund with attempts left → `retry`, and the refund is asked again with
 *   the same id (WeChat Pay: resubmit a failed refund with its original out_refund_no);
 * - NOTEXIST of a pending refund (the request never reached the provider) → asked again;
 * - PROCESSING, or a report of another amount → nothing.
 * @example decideRefundProgress(pendingRefund, { status: 'SUCCESS', refundFen: 9800, providerRefundId: 'r' }, 9800, now).change?.move // 'succeed'
 */
export function decideRefundProgress(refund: Refund, report: RefundReport, orderTotalFen: number, now: Date): RefundProgress {
  const askAgain: Effect = { type: 'refund', refund, orderTotalFen };
  if (report.status === 'NOTEXIST') return { effects: refund.status === 'pending' ? [askAgain] : [] };
  if (report.status === 'PROCESSING' || report.refundFen !== refund.refundFen) return { effects: [] };
  if (report.status === 'SUCCESS') {
    if (!canMove(refundMachine, 'succeed', refund.status)) return { effects: [] };
    return { change: refundChange(refund._id, { type: 'succeed', refundFen: refund.refundFen, providerRefundId: report.providerRefundId ?? '' }, now), effects: [] };
  }
  if (canMove(refundMachine, 'fail', refund.status)) {
    return { change: refundChange(refund._id, { type: 'fail', refundFen: refund.refundFen, providerStatus: report.status }, now), effects: [] };
  }
  if (report.status === 'REFUNDCLOSE' && canMove(refundMachine, 'retry', refund.status) && refund.attempts < MAX_REFUND_ATTEMPTS) {
    return { change: refundChange(refund._id, { type: 'retry' }, now), effects: [askAgain] };
  }
  return { effects: [] };
}
