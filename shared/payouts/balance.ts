import type { LedgerEntryLike } from '../growth/commission';

/**
 * A salesperson's withdrawable balance, from the append-only commission ledger and their payout
 * requests. Money in fen.
 *
 *   balance   = settled − reversed after settlement − paid      (may be negative: carried)
 *   reserved  = open requests (requested, approved; a paid one whose `paid` entry is not written yet)
 *   available = max(0, balance − reserved)                      (what a new request may ask for)
 *   carried   = max(0, −balance)                                (owed back: future commission pays it first)
 *
 * A reversal after settlement (a refund after the after-sale window, or after a payout) lowers the
 * balance and is never capped: withdrawn money that is refunded later is carried, never dropped.
 */

/** A ledger entry as the balance reads it (its instant tells a reversal before settlement from one after). */
export interface BalanceEntry extends LedgerEntryLike {
  createdAt: Date;
  refundId?: string | null;
  payoutId?: string | null;
}

/** A payout request as the balance reads it. */
export interface BalancePayout {
  _id: string;
  status: string;
  amountFen: number;
}

/** One reversal that hit already settled commission: the reason for a lower (maybe negative) balance. */
export interface LateReversal {
  orderId: string;
  lineId: string;
  refundId: string | null;
  amountFen: number;
  at: Date;
}

/** The parts of a salesperson's balance (see the module comment). */
export interface PayoutBalance {
  /** Commission not yet settleable, net of its reversals. */
  pendingFen: number;
  /** Commission that became settleable, net of the reversals before it did. */
  settledFen: number;
  /** Reversals of commission after it became settleable. */
  reversedAfterSettlementFen: number;
  /** Paid out (`paid` entries). */
  paidFen: number;
  /** settled − reversed after settlement − paid; negative when a late reversal exceeds what is left. */
  balanceFen: number;
  /** Held by open payout requests. */
  reservedFen: number;
  /** What a new request may ask for. */
  availableFen: number;
  /** Owed back by the salesperson (−balance when negative, else 0). */
  carriedFen: number;
  /** The reversals after settlement, latest first (at most 10): why the balance went down. */
  lateReversals: LateReversal[];
}

/** Statuses of a request that still holds its amount. */
const OPEN = new Set(['requested', 'approved']);

const lineKey = (e: { orderId: string; lineId: string }) => `${e.orderId}\u0000${e.lineId}`;

/**
 * The balance of one salesperson from their ledger entries and payout requests.
 * @example payoutBalance([{kind:'pending', ...990}, {kind:'settleable', ...990}], [{_id:'P1', status:'requested', amountFen:500}])
 *   // { settledFen: 990, balanceFen: 990, reservedFen: 500, availableFen: 490, carriedFen: 0, ... }
 */
export function payoutBalance(entries: readonly BalanceEntry[], payouts: readonly BalancePayout[]): PayoutBalance {
  const settledAt = new Map<string, number>();
  for (const e of entries) if (e.kind === 'settleable') settledAt.set(lineKey(e), new Date(e.createdAt).getTime());

  let pendingFen = 0;
  let settledFen = 0;
  let reversedAfterSettlementFen = 0;
  let paidFen = 0;
  const paidPayouts = new Set<string>();
  const lateReversals: LateReversal[] = [];
  for (const e of entries) {
    const settled = settledAt.get(lineKey(e));
    switch (e.kind) {
      case 'pending':
        if (settled === undefined) pendingFen += e.amountFen;
        else settledFen += e.amountFen;
        break;
      case 'reversed':
        if (settled === undefined) pendingFen -= e.amountFen;
        else if (new Date(e.createdAt).getTime() < settled) settledFen -= e.amountFen;
        else {
          reversedAfterSettlementFen += e.amountFen;
          lateReversals.push({ orderId: e.orderId, lineId: e.lineId, refundId: e.refundId ?? null, amountFen: e.amountFen, at: new Date(e.createdAt) });
        }
        break;
      case 'paid':
        paidFen += e.amountFen;
        if (e.payoutId) paidPayouts.add(e.payoutId);
        break;
      case 'settleable':
        break;
    }
  }
  const reservedFen = payouts
    .filter((p) => OPEN.has(p.status) || (p.status === 'paid' && !paidPayouts.has(p._id)))
    .reduce((s, p) => s + p.amountFen, 0);
  const balanceFen = settledFen - reversedAfterSettlementFen - paidFen;
  lateReversals.sort((a, b) => b.at.getTime() - a.at.getTime() || a.orderId.localeCompare(b.orderId));
  return {
    pendingFen,
    settledFen,
    reversedAfterSettlementFen,
    paidFen,
    balanceFen,
    reservedFen,
    availableFen: Math.max(0, balanceFen - reservedFen),
    carriedFen: Math.max(0, -balanceFen),
    lateReversals: lateReversals.slice(0, 10),
  };
}
