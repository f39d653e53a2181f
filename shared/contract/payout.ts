/** `payout`: a salesperson withdraws settled commission; the boss approves and marks it paid. */
import { z } from 'zod';
import { PAYOUT_STATUSES } from '../lifecycle/tables';
import { defineContract } from './define';
import { cursorField, fen, idField, instant, signedFen } from './fields';

/** One payout request as its salesperson and the boss see it. */
export const payoutViewSchema = z.strictObject({
  payoutId: z.string(),
  salesId: z.string(),
  salesName: z.string().nullable(),
  amountFen: fen,
  status: z.enum(PAYOUT_STATUSES),
  /** The balance it was checked against. */
  balanceAtRequestFen: signedFen,
  requestedAt: instant,
  reviewedAt: instant.nullable(),
  reviewNote: z.string().nullable(),
  cancelledAt: instant.nullable(),
  paidAt: instant.nullable(),
  reference: z.string().nullable(),
});

/** A salesperson's balance and its parts (shared/payouts `payoutBalance`). */
export const payoutBalanceSchema = z.strictObject({
  pendingFen: signedFen,
  settledFen: signedFen,
  reversedAfterSettlementFen: signedFen,
  paidFen: signedFen,
  balanceFen: signedFen,
  reservedFen: signedFen,
  availableFen: fen,
  carriedFen: fen,
  lateReversals: z.array(z.strictObject({ orderId: z.string(), lineId: z.string(), refundId: z.string().nullable(), amountFen: signedFen, at: instant })),
});

const note = z.string().trim().max(200);

/** The actions of `payout`. */
export const payout = defineContract({
  /** Sales: asks for `amountFen` of the available balance (minimum: the setting; one open request at a time). */
  request: {
    input: { amountFen: z.number().int().positive().max(100_000_000) },
    reply: z.strictObject({ payout: payoutViewSchema, balance: payoutBalanceSchema }),
  },
  /** Sales: withdraws their own request while it waits for the boss. */
  cancel: {
    input: { payoutId: idField },
    reply: z.strictObject({ payout: payoutViewSchema }),
  },
  /** Sales: the balance with its parts, the minimum, and the caller's requests (latest first, paged). */
  mine: {
    input: { cursor: cursorField.optional() },
    reply: z.strictObject({ balance: payoutBalanceSchema, minAmountFen: fen, openPayoutId: z.string().nullable(), items: z.array(payoutViewSchema), nextCursor: z.string().nullable() }),
  },
  /** Boss: approves (the balance must still cover it) or rejects a request; a rejection releases the amount. */
  review: {
    input: { payoutId: idField, approve: z.boolean(), note: note.optional() },
    reply: z.strictObject({ payout: payoutViewSchema }),
  },
  /** Boss: the transfer of an approved payout is done: `paid` ledger entry, exactly once (a repeat with the same reference answers the same). */
  markPaid: {
    input: { payoutId: idField, reference: z.string().trim().min(1).max(64) },
    reply: z.strictObject({ payout: payoutViewSchema, replayed: z.boolean() }),
  },
  /** Boss: requests by status (default `requested`), oldest first, paged. */
  queue: {
    input: { status: z.enum(PAYOUT_STATUSES).optional(), cursor: cursorField.optional() },
    reply: z.strictObject({ status: z.enum(PAYOUT_STATUSES), items: z.array(payoutViewSchema), nextCursor: z.string().nullable() }),
  },
});
