import { defineCouponKind } from './define';

/**
 * 折扣: `percentOff`% off the eligible subtotal (floored to the fen), at most `maxDiscountFen`,
 * optionally from a threshold.
 * @example { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 } // 8折, 最多减30
 */
export const percentOff = defineCouponKind({
  kind: 'percent_off',
  rule: ({ z, fen, positiveFen }) =>
    z.object({ kind: z.literal('percent_off'), percentOff: z.number().int().min(1).max(99), maxDiscountFen: positiveFen, thresholdFen: fen.optional() }).strict(),
  discountFen: (rule, eligibleFen) => {
    if (eligibleFen <= 0 || eligibleFen < (rule.thresholdFen ?? 0)) return 0;
    return Math.min(Math.floor((eligibleFen * rule.percentOff) / 100), rule.maxDiscountFen, eligibleFen);
  },
});
