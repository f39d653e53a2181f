/**
 * The shipping fee of one order from its terms (loads no zod: pricing imports it). Money in fen.
 */

/** What an order's fee is computed from once the destination is known. */
export interface ShippingTerms {
  flatFeeFen: number;
  /** Goods paid at or above this (after discounts) ship free; null: never free. */
  freeOverFen: number | null;
}

/** No fee: nothing ships, or the brand has no rules document. */
export const FREE_SHIPPING: ShippingTerms = { flatFeeFen: 0, freeOverFen: null };

/**
 * The fee of an order whose goods cost `goodsFen` after discounts: free at or above
 * `freeOverFen`, else the flat fee.
 * @example shippingFeeFen({ flatFeeFen: 1000, freeOverFen: 9900 }, 9900) // 0
 */
export function shippingFeeFen(terms: ShippingTerms, goodsFen: number): number {
  return terms.freeOverFen !== null && goodsFen >= terms.freeOverFen ? 0 : terms.flatFeeFen;
}
