import { defineCouponKind } from './define';

/**
 * 无门槛: `amountOffFen` off any positive eligible subtotal, never below zero.
 * @example { kind: 'flat_off', amountOffFen: 500 } // 无门槛减5
 */
export const flatOff = defineCouponKind({
  kind: 'flat_off',
  rule: ({ z, positiveFen }) => z.object({ kind: z.literal('flat_off'), amountOffFen: positiveFen }).strict(),
  discountFen: (rule, eligibleFen) => (eligibleFen > 0 ? Math.min(rule.amountOffFen, eligibleFen) : 0),
});
