import { defineCouponKind } from './define';

/**
 * 满减: `amountOffFen` off once the eligible subtotal reaches `thresholdFen`.
 * @example { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 } // 满100减15
 */
export const thresholdOff = defineCouponKind({
  kind: 'threshold_off',
  rule: ({ z, positiveFen }) =>
    z
      .object({ kind: z.literal('threshold_off'), thresholdFen: positiveFen, amountOffFen: positiveFen })
      .strict()
      .refine((r) => r.amountOffFen <= r.thresholdFen, { path: ['amountOffFen'], message: 'amount off exceeds the threshold' }),
  discountFen: (rule, eligibleFen) => (eligibleFen >= rule.thresholdFen ? Math.min(rule.amountOffFen, eligibleFen) : 0),
});
