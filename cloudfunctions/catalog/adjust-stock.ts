import { AppError, stableId, store, type ActionContext } from '../_platform';
import { ADJUST_IDS_KEPT, minStockFor, stockAudit, type StockAudit, type StoredSku } from '../../shared/catalog';

/**
 * catalog.adjustStock {skuId, deltaQty, reason, idempotencyKey} → the adjustment and the stock
 * after it. One guarded update — stock ≥ max(0, −delta) and this adjustment's id not yet on the
 * SKU — adds the delta and records the id, atomically against concurrent orders (which take
 * stock with the same kind of guard), so stock never goes below zero and a repeat applies once.
 * The audit row (who, when, delta, reason, stock after) follows with a deterministic id; a repeat
 * after a lost reply finds the id on the SKU and completes the audit if it is missing.
 * Round trips: 1 caller + 1 guarded update + 1 audit insert (a refusal or repeat: + 1 read).
 */
export async function adjustStock(input: { skuId: string; deltaQty: number; reason: string; idempotencyKey: string }, ctx: ActionContext) {
  const _ = store.command();
  const auditId = `stock_${stableId(ctx.openid, input.idempotencyKey)}`;
  const sku = await store.updateAndReturn<StoredSku>(
    'skus',
    { _id: input.skuId, stock: _.gte(minStockFor(input.deltaQty)), adjustIds: _.nin([auditId]) },
    { stock: _.inc(input.deltaQty), adjustIds: _.push({ each: [auditId], slice: -ADJUST_IDS_KEPT }), stockAdjustedAt: ctx.now },
  );
  const audit = (skuAfter: StoredSku, stockAfter: number | null) =>
    stockAudit({ id: auditId, skuId: skuAfter._id, productId: skuAfter.productId, deltaQty: input.deltaQty, reason: input.reason, by: ctx.openid, at: ctx.now, stockAfter });
  const reply = (a: StockAudit, repeated: boolean) => ({ auditId: a._id, skuId: a.skuId, productId: a.productId, deltaQty: a.deltaQty, stockAfter: a.stockAfter, repeated });

  if (sku) {
    const row = audit(sku, sku.stock);
    await store.insertOnce('audit_log', row);
    return reply(row, false);
  }
  const current = await store.getById<StoredSku>('skus', input.skuId);
  if (!current) throw new AppError('NOT_FOUND', `skuId: no SKU ${input.skuId}`);
  if (!(current.adjustIds ?? []).includes(auditId)) {
    throw new AppError('FAILED_PRECONDITION', `deltaQty: ${current.stock} in stock, cannot take ${-input.deltaQty}`);
  }
  // Applied by an earlier try of this request: answer its audit, or write it now (its stock after is lost).
  const row = audit(current, null);
  if (await store.insertOnce('audit_log', row)) return reply(row, true);
  return reply((await store.getById<StockAudit>('audit_log', auditId)) ?? row, true);
}
