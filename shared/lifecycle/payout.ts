/**
 * The payout decider: a salesperson's withdrawal request from their balance, the boss's review,
 * the mark of a bank transfer done. Pure: the balance, the setting and the time come in.
 */
import { AppError } from '../errors';
import type { LedgerEntry } from '../growth/types';
import type { PayoutBalance } from '../payouts/balance';
import type { EntityChange } from './change';
import { nextState } from './machine';
import { payoutMachine, type PayoutStatus } from './tables';

/** `payouts/{id}`: one withdrawal request. Money in fen. */
export interface Payout {
  _id: string;
  salesId: string;
  /** The salesperson's name when they asked (for the boss's queue). */
  salesName: string | null;
  /** The salesperson's request number (1, 2, ...): the id is derived from it. */
  seq: number;
  amountFen: number;
  status: PayoutStatus;
  /** What the request was checked against. */
  balanceAtRequestFen: number;
  availableAtRequestFen: number;
  requestedAt: Date;
  reviewedAt: Date | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  cancelledAt: Date | null;
  paidAt: Date | null;
  paidBy: string | null;
  /** The bank transfer's reference, given when marked paid. */
  reference: string | null;
  updatedAt: Date;
}

/** The ledger entry of a paid payout (one per payout, deterministic id). */
export type PaidEntry = LedgerEntry & { kind: 'paid'; payoutId: string; reference: string };

/** The side effects of payout decisions, applied by `_commerce/effects.ts`. */
export type PayoutEffect =
  /** Take the salesperson's one open-request slot (`users.openPayoutId` empty, `payoutSeq` = seq − 1). */
  | { type: 'holdPayoutSlot'; salesId: string; payoutId: string; seq: number }
  /** Give the slot back (only while this payout holds it). */
  | { type: 'releasePayoutSlot'; salesId: string; payoutId: string }
  /** Money out: the `paid` ledger entry (exactly once: its id is the payout's). */
  | { type: 'recordPayoutPaid'; entry: PaidEntry };

/** A payout decision: the guarded move, the state it leads to, what follows. */
export interface PayoutDecision {
  change: Extract<EntityChange, { entity: 'payout' }>;
  next: PayoutStatus;
  effects: PayoutEffect[];
}

/** What can be asked of a payout. `by` is the caller (the boss, or the salesperson for cancel). */
export type PayoutCommand =
  /** `balanceFen`: the salesperson's balance now (this request not counted): it must still cover the amount. */
  | { type: 'approve'; by: string; note: string | null; balanceFen: number }
  | { type: 'reject'; by: string; note: string | null }
  | { type: 'cancel'; by: string }
  | { type: 'pay'; by: string; reference: string };

/** What a new request needs to be decided. */
export interface PayoutRequestInput {
  payoutId: string;
  seq: number;
  salesId: string;
  salesName: string | null;
  amountFen: number;
  /** The setting: the smallest amount one may withdraw. */
  minAmountFen: number;
  balance: PayoutBalance;
  /** True when the salesperson already has a request that is not closed. */
  hasOpenRequest: boolean;
  now: Date;
}

/**
 * A new request, or a refusal: one open request at a time (FAILED_PRECONDITION), at least the
 * minimum (NOT_ELIGIBLE), at most the available balance — settled minus reversed, paid and reserved
 * (LIMIT_REACHED). Its effect takes the open-request slot, so two requests at once leave one.
 * @example decideRequestPayout({ ..., amountFen: 5000, minAmountFen: 1000, balance: { availableFen: 9000, ... }, hasOpenRequest: false }).payout.status // 'requested'
 */
export function decideRequestPayout(input: PayoutRequestInput): { payout: Payout; effects: PayoutEffect[] } {
  if (input.hasOpenRequest) throw new AppError('FAILED_PRECONDITION', 'a payout request is already open');
  if (input.amountFen < input.minAmountFen) throw new AppError('NOT_ELIGIBLE', `the smallest payout is ${input.minAmountFen} fen`);
  if (input.amountFen > input.balance.availableFen) throw new AppError('LIMIT_REACHED', `at most ${input.balance.availableFen} fen is available`);
  const payout: Payout = {
    _id: input.payoutId,
    salesId: input.salesId,
    salesName: input.salesName,
    seq: input.seq,
    amountFen: input.amountFen,
    status: payoutMachine.initial,
    balanceAtRequestFen: input.balance.balanceFen,
    availableAtRequestFen: input.balance.availableFen,
    requestedAt: input.now,
    reviewedAt: null,
    reviewedBy: null,
    reviewNote: null,
    cancelledAt: null,
    paidAt: null,
    paidBy: null,
    reference: null,
    updatedAt: input.now,
  };
  return { payout, effects: [{ type: 'holdPayoutSlot', salesId: input.salesId, payoutId: input.payoutId, seq: input.seq }] };
}

/**
 * The `paid` entry and slot release of a paid payout — also what a repeated mark (same
 * reference, the reply of the first one lost) asserts again.
 */
export function paidEffectsOf(payout: Pick<Payout, '_id' | 'salesId' | 'amountFen' | 'paidAt' | 'reference'>): PayoutEffect[] {
  const at = payout.paidAt as Date;
  const entry: PaidEntry = {
    _id: `paid_${payout._id}`,
    kind: 'paid',
    salesId: payout.salesId,
    orderId: payout._id,
    lineId: '-',
    productId: '-',
    buyerOpenid: '-',
    amountFen: payout.amountFen,
    baseFen: payout.amountFen,
    createdAt: at,
    payoutId: payout._id,
    reference: payout.reference as string,
  };
  return [
    { type: 'recordPayoutPaid', entry },
    { type: 'releasePayoutSlot', salesId: payout.salesId, payoutId: payout._id },
  ];
}

/**
 * Decides `command` on `payout` at `now`. Refusals: a move the table does not allow (approving
 * twice, paying an unapproved or rejected request) → FAILED_PRECONDITION; approving more than the
 * balance now covers (commission reversed meanwhile) → FAILED_PRECONDITION; cancelling someone
 * else's request → NOT_FOUND.
 * @example decidePayout(requested, { type: 'approve', by: 'o_boss', note: null, balanceFen: 9000 }, now).next // 'approved'
 */
export function decidePayout(payout: Payout, command: PayoutCommand, now: Date): PayoutDecision {
  const next = nextState(payoutMachine, command.type, payout.status);
  const change = (set: Record<string, unknown>): PayoutDecision['change'] => ({ entity: 'payout', id: payout._id, move: command.type, requires: [], set: { status: next, updatedAt: now, ...set }, inc: {} });
  const release: PayoutEffect = { type: 'releasePayoutSlot', salesId: payout.salesId, payoutId: payout._id };
  switch (command.type) {
    case 'approve':
      if (command.balanceFen < payout.amountFen) throw new AppError('FAILED_PRECONDITION', `the balance (${command.balanceFen} fen) no longer covers ${payout.amountFen} fen`);
      return { change: change({ reviewedAt: now, reviewedBy: command.by, reviewNote: command.note }), next, effects: [] };
    case 'reject':
      return { change: change({ reviewedAt: now, reviewedBy: command.by, reviewNote: command.note }), next, effects: [release] };
    case 'cancel':
      if (command.by !== payout.salesId) throw new AppError('NOT_FOUND', `no payout ${payout._id}`);
      return { change: change({ cancelledAt: now }), next, effects: [release] };
    case 'pay': {
      const set = { paidAt: now, paidBy: command.by, reference: command.reference };
      return { change: change(set), next, effects: paidEffectsOf({ ...payout, ...set }) };
    }
  }
}
