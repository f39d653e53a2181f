/**
 * Splits `totalFen` into integer parts proportional to `weights` by the largest-remainder method:
 * every part is the floor of its exact share, and the fen left over go one each to the parts with
 * the largest fractional remainders (ties: the earlier part). Parts always sum to `totalFen`;
 * when `totalFen ≤ sum(weights)` no part exceeds its weight.
 * @example splitByLargestRemainder(100, [1, 1, 1]) // [34, 33, 33]
 * @throws RangeError on negative or non-integer input, or positive total with zero weights.
 */
export function splitByLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError(`totalFen must be a non-negative integer, got ${totalFen}`);
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weights must be non-negative integers, got ${w}`);
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (totalFen === 0) return weights.map(() => 0);
  if (sum === 0) throw new RangeError('cannot split a positive amount over zero weights');
  // BigInt: totalFen * weight can exceed 2^53 for large orders.
  const total = BigInt(totalFen);
  const big = BigInt(sum);
  const parts = weights.map((w) => (total * BigInt(w)) / big);
  const remainders = weights.map((w, i) => ({ i, r: (total * BigInt(w)) % big }));
  let left = Number(total - parts.reduce((a, b) => a + b, 0n));
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0) break;
    parts[i] += 1n;
    left -= 1;
  }
  return parts.map(Number);
}

/** Sum of amounts in fen. @example sumFen([100, 250]) // 350 */
export function sumFen(amounts: readonly number[]): number {
  return amounts.reduce((a, b) => a + b, 0);
}
