/**
 * The bargain's cuts (砍价): the distance from the start price to the floor split into exactly N
 * positive parts, one per helper, by draws seeded from the bargain's id. Pure and deterministic:
 * cut i of bargain b is a function of (b, i), so a help applied twice, a page and a test all see
 * the same amounts, and the Nth help lands exactly on the floor.
 */
import { AppError } from '../errors';
import { fnv1a } from '../growth/experiments';

/** What the cuts of one bargain are computed from. */
export interface CutPlan {
  /** The seed's source: the bargain's id. */
  bargainId: string;
  /** Start price − floor price, in fen: the sum of every cut. */
  totalFen: number;
  /** N: the number of helpers that bring the price to the floor. */
  helpersNeeded: number;
}

/**
 * The seeded draw of helper `i` in [0, 1): FNV-1a (with its avalanche) of the bargain's id and
 * the index — a counter-mode generator, so draw i never depends on how many were drawn before.
 * @example seededDraw('b1', 0) // 0.37…
 */
export function seededDraw(bargainId: string, i: number): number {
  return fnv1a(`${bargainId}#${i}`) / 4294967296;
}

/**
 * Every cut of a bargain, in help order: N positive integers summing exactly to `totalFen`. Each
 * helper gets 1 fen first; the rest is shared by seeded weights (earlier helpers weigh more, as
 * buyers expect the first cuts to be the big ones) with the largest-remainder method, so rounding
 * never loses or adds a fen. Refuses a plan whose total cannot give every helper a fen.
 * @example cutsOf({ bargainId: 'b1', totalFen: 1000, helpersNeeded: 3 }) // e.g. [512, 301, 187]
 */
export function cutsOf(plan: CutPlan): number[] {
  const { totalFen, helpersNeeded: n } = plan;
  if (!Number.isInteger(n) || n < 1) throw new AppError('INVALID_ARGUMENT', 'helpersNeeded: at least 1');
  if (!Number.isInteger(totalFen) || totalFen < n) throw new AppError('FAILED_PRECONDITION', `the bargain's ${totalFen} fen cannot be split among ${n} helpers`);
  const weights = Array.from({ length: n }, (_, i) => (0.25 + seededDraw(plan.bargainId, i)) * (2 - i / n));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const spare = totalFen - n;
  const exact = weights.map((w) => (spare * w) / weightSum);
  const parts = exact.map((x) => Math.floor(x));
  let left = spare - parts.reduce((a, b) => a + b, 0);
  // Largest remainder first; ties go to the earlier helper.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts.map((p) => p + 1);
}

/**
 * The price after `helps` helpers: start minus the first `helps` cuts; the floor once N helped.
 * @example priceAfter({ bargainId: 'b1', totalFen: 1000, helpersNeeded: 3 }, 11000, 3) // 10000
 */
export function priceAfter(plan: CutPlan, startPriceFen: number, helps: number): number {
  const cuts = cutsOf(plan);
  const counted = Math.max(0, Math.min(helps, cuts.length));
  return startPriceFen - cuts.slice(0, counted).reduce((a, b) => a + b, 0);
}
