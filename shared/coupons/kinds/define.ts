import type { z } from 'zod';
import type { fenField, positiveFenField } from '../../promotions/fields';

/**
 * What a kind's rule schema is built with. The schema is built by the template schema
 * (`promotions/coupon-template.schema.ts`), so pricing and the mini-program, which only need
 * `discountFen`, never load zod.
 */
export interface RuleToolkit {
  z: typeof z;
  fen: typeof fenField;
  positiveFen: typeof positiveFenField;
}

/** One coupon kind: how to build the schema of its `rule`, and its discount on the eligible subtotal. Pure. */
export interface CouponKindDefinition<K extends string, S extends z.ZodType<{ kind: K }>> {
  kind: K;
  /** The strict schema of a template's `rule` of this kind, with its own checks. */
  rule(toolkit: RuleToolkit): S;
  /** The discount in fen for `eligibleFen` (0 when it does not apply; never more than `eligibleFen`). */
  discountFen(rule: z.infer<S>, eligibleFen: number): number;
}

/**
 * Declares a coupon kind (listed in `../kinds.ts`).
 * @example defineCouponKind({ kind: 'flat_off', rule: ({ z, positiveFen }) => z.object({ kind: z.literal('flat_off'), amountOffFen: positiveFen }).strict(), discountFen: (r, e) => Math.min(r.amountOffFen, e) })
 */
export function defineCouponKind<K extends string, S extends z.ZodType<{ kind: K }>>(definition: CouponKindDefinition<K, S>): CouponKindDefinition<K, S> {
  return definition;
}
