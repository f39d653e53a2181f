import { z } from 'zod';
import { opsDocumentBase, opsWindow } from '../promotions/fields';

/**
 * Commission: computed per order line on the amount actually paid for that line (after every
 * discount), never on list price. Reversals on refund are proportional to the refunded fen.
 */

/** How one line earns: a percentage (basis points, 1 bp = 0.01 %) of the paid amount, or fixed fen per unit. */
export const commissionRuleSchema = z.union([
  z.object({ type: z.literal('percent'), rateBp: z.number().int().min(0).max(10_000) }).strict(),
  z.object({ type: z.literal('fixed'), perUnitFen: z.number().int().nonnegative() }).strict(),
]);

/** A commission rule, e.g. `{type:'percent', rateBp: 1000}` (10 %). */
export type CommissionRule = z.infer<typeof commissionRuleSchema>;

/** Schema of a `commission_plans` document. */
export const commissionPlanSchema = z
  .object({
    ...opsDocumentBase,
    ...opsWindow,
    /** Rule for products without an override. */
    defaultRule: commissionRuleSchema,
    /** Per-product rules, `{productId: rule}`. */
    overrides: z.record(z.string(), commissionRuleSchema).default({}),
    /**
     * No longer used: commission becomes settleable when its order completes (the after-sale
     * window is a fulfilment setting). Accepted so plans written before stay valid.
     */
    settleAfterDays: z.number().int().nonnegative().optional(),
    /**
     * The salespeople (one, or a group) this plan is for; absent: the default plan of everyone
     * no live plan names. A plan naming a salesperson wins over the default.
     */
    salesIds: z.array(z.string().min(1).max(64)).min(1).max(500).optional(),
  })
  .strict();

/** A validated commission plan. */
export type CommissionPlan = z.infer<typeof commissionPlanSchema>;

/** One paid order line as commission sees it. */
export interface PaidLine {
  lineId: string;
  productId: string;
  qty: number;
  /** What the buyer paid for this line after every discount, fen. */
  paidFen: number;
}

/** Commission earned by one line. */
export interface LineCommission {
  lineId: string;
  productId: string;
  baseFen: number;
  amountFen: number;
  rule: CommissionRule;
}

/**
 * Commission of one line: percent → floor(paidFen × rateBp / 10 000) (never pays a fraction of a
 * fen too much); fixed → perUnitFen × qty, capped at paidFen.
 * @example lineCommission({type:'percent', rateBp:1000}, {lineId:'l1', productId:'p01', qty:1, paidFen:9900}) // 990
 */
export function lineCommission(rule: CommissionRule, line: PaidLine): number {
  if (line.paidFen <= 0) return 0;
  if (rule.type === 'percent') return Math.floor((line.paidFen * rule.rateBp) / 10_000);
  return Math.min(line.paidFen, rule.perUnitFen * line.qty);
}

/**
 * Splits an order's commission per line under `plan` (per-product overrides first).
 * @example splitCommission(plan, [{lineId:'l1', productId:'p01', qty:2, paidFen:10000}])
 *   // [{ lineId:'l1', productId:'p01', baseFen:10000, amountFen:1000, rule:{type:'percent',rateBp:1000} }]
 */
export function splitCommission(plan: CommissionPlan, lines: readonly PaidLine[]): LineCommission[] {
  return lines.map((line) => {
    const rule = plan.overrides[line.productId] ?? plan.defaultRule;
    return { lineId: line.lineId, productId: line.productId, baseFen: line.paidFen, amountFen: lineCommission(rule, line), rule };
  });
}

/**
 * The reversal for one refund of a line, so that the sum of all reversals tracks the refunded
 * share exactly: reversal = round(amount × refundedAfter / paid) − round(amount × refundedBefore / paid).
 * A full refund (in any number of parts) reverses exactly the whole commission.
 * @example reversalFen(990, 9900, 0, 4950) // 495
 */
export function reversalFen(commissionFen: number, paidFen: number, refundedBeforeFen: number, refundFen: number): number {
  if (paidFen <= 0 || commissionFen <= 0) return 0;
  const before = Math.min(paidFen, Math.max(0, refundedBeforeFen));
  const after = Math.min(paidFen, before + Math.max(0, refundFen));
  return Math.round((commissionFen * after) / paidFen) - Math.round((commissionFen * before) / paidFen);
}

/**
 * What becomes settleable of each line when its order completes: the line's commission less
 * what refunds reversed (never below zero); lines that earn nothing are left out.
 * @example settleableOf([{ lineId: 'L1', commissionFen: 990 }], [{ lineId: 'L1', amountFen: 495 }]) // [{ lineId: 'L1', amountFen: 495 }]
 */
export function settleableOf<L extends { lineId: string; commissionFen: number }>(
  lines: readonly L[],
  reversals: ReadonlyArray<{ lineId: string; amountFen: number }>,
): Array<L & { amountFen: number }> {
  return lines
    .map((l) => ({ ...l, amountFen: Math.max(0, l.commissionFen - reversals.filter((r) => r.lineId === l.lineId).reduce((s, r) => s + r.amountFen, 0)) }))
    .filter((l) => l.amountFen > 0);
}

/** Ledger entry kinds (append-only): pending on pay, settleable when the order completes, reversed on refund, paid on payout. */
export type LedgerKind = 'pending' | 'settleable' | 'reversed' | 'paid';

/** The fields of a ledger entry that totals need. */
export interface LedgerEntryLike {
  kind: LedgerKind;
  orderId: string;
  lineId: string;
  amountFen: number;
}

/** Totals of a salesperson's ledger, fen. `owedFen` = pending + settleable (what the brand still owes). */
export interface LedgerTotals {
  pendingFen: number;
  settleableFen: number;
  paidFen: number;
  reversedFen: number;
  owedFen: number;
}

/**
 * Totals by state from entries. A line's net (pending − reversals) sits in `pending` until its
 * `settleable` entry exists, then in `settleable`; a reversal after settlement lowers settleable
 * (it may go negative: withdrawn money is never lost, it is owed back). `paid` entries move money out.
 * @example ledgerTotals([{kind:'pending',orderId:'o1',lineId:'l1',amountFen:990}]) // {pendingFen:990, ..., owedFen:990}
 */
export function ledgerTotals(entries: readonly LedgerEntryLike[]): LedgerTotals {
  const lines = new Map<string, { gross: number; reversed: number; settled: boolean }>();
  let paidFen = 0;
  let reversedFen = 0;
  for (const e of entries) {
    if (e.kind === 'paid') {
      paidFen += e.amountFen;
      continue;
    }
    const key = `${e.orderId}\u0000${e.lineId}`;
    const line = lines.get(key) ?? { gross: 0, reversed: 0, settled: false };
    if (e.kind === 'pending') line.gross += e.amountFen;
    if (e.kind === 'reversed') {
      line.reversed += e.amountFen;
      reversedFen += e.amountFen;
    }
    if (e.kind === 'settleable') line.settled = true;
    lines.set(key, line);
  }
  let pendingFen = 0;
  let settleableFen = 0 - paidFen; // not -paidFen: -0 when nothing was paid
  for (const l of lines.values()) {
    if (l.settled) settleableFen += l.gross - l.reversed;
    else pendingFen += l.gross - l.reversed;
  }
  return { pendingFen, settleableFen, paidFen, reversedFen, owedFen: pendingFen + settleableFen };
}
