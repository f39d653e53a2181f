import { AppError, getTempFileUrls, runTransaction, stableId, type ActionContext } from '../_platform';
import { planProductSave, type ProductInput, type SkuInput, type StoredProduct, type StoredSku } from '../../shared/catalog';
import { presentProduct, skusOf } from './present';

/** Letters and digits of a stable id (product and SKU ids stay safe as counter and view keys). */
function idPart(...parts: string[]): string {
  return stableId(...parts).replace(/[^A-Za-z0-9]/g, '');
}

/** Refuses `cloud://` images that are not in storage (an id typed by hand, a file deleted since). One storage call. */
async function checkImages(images: string[]): Promise<Map<string, string>> {
  const urls = await getTempFileUrls(images.filter((i) => i.startsWith('cloud://')));
  images.forEach((image, i) => {
    if (image.startsWith('cloud://') && !urls.has(image)) throw new AppError('INVALID_ARGUMENT', `product.images.${i}: no such file in storage`);
  });
  return urls;
}

/**
 * catalog.save {product, skus, idempotencyKey} → the product as saved. Decides with
 * `planProductSave` inside one short transaction (the product and the SKUs it names, by id), so a
 * save is all or nothing and never touches stock; ids of new documents come from the caller and
 * the key, so a repeated save finds its own documents. Round trips: 1 caller + 1 storage check +
 * the transaction (2 + 1 product + 1 per SKU read, 1 + 1 per SKU written) + 1 SKUs re-read.
 */
export async function saveProduct(input: { product: ProductInput; skus: SkuInput[]; idempotencyKey: string }, ctx: ActionContext) {
  const urls = await checkImages(input.product.images);
  const newProductId = `p${idPart('product', ctx.openid, input.idempotencyKey).slice(0, 11)}`;
  const productId = input.product.productId ?? newProductId;
  const newSkuId = (index: number) => `${productId}-${idPart('sku', productId, input.idempotencyKey, String(index)).slice(0, 6)}`;
  const skuIds = input.skus.map((s, i) => s.skuId ?? newSkuId(i));

  const saved = await runTransaction(async (tx) => {
    const stored = await tx.get<StoredProduct>('products', productId);
    const storedSkus: StoredSku[] = [];
    for (const id of skuIds) {
      const sku = await tx.get<StoredSku>('skus', id);
      if (sku) storedSkus.push(sku);
    }
    const plan = planProductSave({ product: input.product, skus: input.skus, stored, storedSkus, newProductId, newSkuId, by: ctx.openid, now: ctx.now });
    if (plan.create) await tx.set('products', productId, withoutId(plan.create));
    if (plan.update) await tx.update('products', productId, plan.update);
    for (const sku of plan.newSkus) await tx.set('skus', sku._id, withoutId(sku));
    for (const edit of plan.skuEdits) await tx.update('skus', edit.skuId, edit.set);
    return plan.create ?? { ...(stored as StoredProduct), ...plan.update };
  });
  return presentProduct(saved, await skusOf([productId]), urls);
}

function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}
