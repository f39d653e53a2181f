/**
 * Ladder group deals (阶梯团): a team whose price falls as more members pay. Members pay the first
 * tier's price when they join — the highest, so nobody is ever charged more than the price the
 * deal showed them, and the team can only owe money back, never ask for more; at success the team
 * is charged the highest tier it reached and each paid member gets the difference back.
 */
import type { OrderLine } from '../orders/order';

/** One tier: a team of at least `size` paid members pays `priceFen` a unit. */
export interface Tier {
  size: number;
  priceFen: number;
}

/**
 * The highest tier `paidCount` members reach, or null below the first.
 * @example reachedTier([{ size: 2, priceFen: 9900 }, { size: 5, priceFen: 8900 }], 4) // { size: 2, priceFen: 9900 }
 */
export function reachedTier(tiers: readonly Tier[], paidCount: number): Tier | null {
  let reached: Tier | null = null;
  for (const t of tiers) if (t.size <= paidCount) reached = t;
  return reached;
}

/**
 * What each kept line of a member's order gets back when its team reached `tier`: the difference
 * from the joining price (`firstPriceFen`) per unit, never more than the line still keeps (a
 * leader perk or a coupon may have made it pay less). Lines with nothing to give back are left out.
 * @example tierRebateLines([{ lineId: 'L1', qty: 1, paidFen: 9900, refundedFen: 0, ... }], 9900, { size: 5, priceFen: 8900 }) // [{ lineId: 'L1', refundFen: 1000 }]
 */
export function tierRebateLines(
  lines: ReadonlyArray<Pick<OrderLine, 'lineId' | 'qty' | 'paidFen' | 'refundedFen'>>,
  firstPriceFen: number,
  tier: Tier,
): Array<{ lineId: string; refundFen: number }> {
  const perUnit = Math.max(0, firstPriceFen - tier.priceFen);
  return lines
    .map((l) => ({ lineId: l.lineId, refundFen: Math.min(perUnit * l.qty, Math.max(0, l.paidFen - l.refundedFen)) }))
    .filter((l) => l.refundFen > 0);
}
