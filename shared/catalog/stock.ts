/**
 * Stock adjustments (`catalog.adjustStock`): ops add or take units with a reason. The function
 * applies one guarded update — `stock ≥ max(0, −delta)` and `adjustIds ∌ id`, then `stock + delta`
 * and the id recorded — so concurrent sales can never drive stock below zero and a repeated
 * request (its reply lost) applies once. Each adjustment is audited in `audit_log`.
 */

/** How many applied adjustment ids a SKU keeps (a repeat arrives within seconds, not 20 adjustments later). */
export const ADJUST_IDS_KEPT = 20;

/**
 * The stock a SKU must hold for `deltaQty` to apply without going below zero.
 * @example minStockFor(-5) // 5
 * @example minStockFor(20) // 0
 */
export function minStockFor(deltaQty: number): number {
  return Math.max(0, -deltaQty);
}

/** An audit row of one adjustment (`audit_log/{id}`, type `stock`). */
export interface StockAudit {
  _id: string;
  type: 'stock';
  skuId: string;
  productId: string;
  deltaQty: number;
  reason: string;
  by: string;
  at: Date;
  /**
   * The SKU's stock right after the adjustment, as its atomic update returned it; null when the
   * update's reply was lost and a repeated request completed the audit (the stock at that moment
   * is unknowable: sales moved it since).
   */
  stockAfter: number | null;
}

/**
 * The audit row of an adjustment.
 * @example stockAudit({ id: 'adj_1', skuId: 'p01-s1', productId: 'p01', deltaQty: -2, reason: '盘点', by: 'o_ops', at: now, stockAfter: 118 }).type // 'stock'
 */
export function stockAudit(a: { id: string; skuId: string; productId: string; deltaQty: number; reason: string; by: string; at: Date; stockAfter: number | null }): StockAudit {
  return { _id: a.id, type: 'stock', skuId: a.skuId, productId: a.productId, deltaQty: a.deltaQty, reason: a.reason, by: a.by, at: a.at, stockAfter: a.stockAfter };
}
