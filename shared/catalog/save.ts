/**
 * Deciding a product save (`catalog.save`): which documents to create and which fields to change,
 * from what ops typed and what is stored. Pure: ids and time come in as arguments.
 */
import { AppError } from '../errors';
import type { ProductDoc, SkuDoc } from '../shelf/present';
import type { ProductInput, ProductStatus, SkuInput } from './product.schema';

/** A product as stored by the back office (`products/{id}`; SKUs live in `skus`). */
export interface StoredProduct extends Omit<ProductDoc, 'skus' | 'status'> {
  status: ProductStatus;
  createdAt: Date;
  createdBy?: string;
  updatedAt?: Date;
  updatedBy?: string;
}

/** A SKU as stored (`skus/{id}`): `stock` is what is left, `sold` what orders took. */
export interface StoredSku extends SkuDoc {
  sold: number;
  createdAt?: Date;
  /** The last stock adjustments applied (their ids), so a repeated request applies once. */
  adjustIds?: string[];
}

/** What a save writes. */
export interface SavePlan {
  productId: string;
  /** A new product's whole document (created `off`), or undefined for an edit. */
  create?: StoredProduct;
  /** An edit's changed fields, or undefined for a new product. */
  update?: Pick<StoredProduct, 'title' | 'subtitle' | 'category' | 'images' | 'updatedAt' | 'updatedBy'>;
  /** New SKUs, whole documents: stock as typed, nothing sold. */
  newSkus: StoredSku[];
  /** Existing SKUs' new name, prices and order — never their stock. */
  skuEdits: Array<{ skuId: string; set: Pick<StoredSku, 'name' | 'priceFen' | 'listPriceFen' | 'sort'> & { updatedAt: Date } }>;
}

/** Everything {@link planProductSave} decides from. */
export interface SaveFacts {
  product: ProductInput;
  skus: SkuInput[];
  /** The product as stored now (undefined: none with that id). */
  stored: StoredProduct | undefined;
  /** The stored SKUs among those the save names (existing ids and the new SKUs' ids). */
  storedSkus: StoredSku[];
  /** The id a new product gets (deterministic per request: a repeated save finds it). */
  newProductId: string;
  /** The id the SKU at `index` of the list gets when it is new (deterministic per request). */
  newSkuId(index: number): string;
  by: string;
  now: Date;
}

/**
 * Plans a save. A new product (no `productId`) is created off the brand pool with its SKUs; an
 * edit changes the product's fields, its listed SKUs' names and prices, and adds new SKUs. A SKU
 * the list leaves out is kept as it is. A repeated request (same ids: its reply was lost) finds
 * its own documents and plans the same writes again, creating nothing twice.
 * Refusals: an unknown `productId` or a `skuId` that is not this product's → NOT_FOUND, naming the field.
 * @example planProductSave({ product: { title: '白茶', category: '茶叶', images: ['cloud://…'] }, skus: [{ name: '200g', priceFen: 9800, listPriceFen: 12800, stock: 10 }], stored: undefined, storedSkus: [], newProductId: 'pA1', newSkuId: (i) => `pA1-${i}`, by: 'o_ops', now }).newSkus[0].stock // 10
 */
export function planProductSave(facts: SaveFacts): SavePlan {
  const { product, now, by } = facts;
  const productId = product.productId ?? facts.newProductId;
  if (product.productId !== undefined && !facts.stored) throw new AppError('NOT_FOUND', `product.productId: no product ${product.productId}`);
  const byId = new Map(facts.storedSkus.map((s) => [s._id, s]));
  const fields = { title: product.title, subtitle: product.subtitle ?? '', category: product.category, images: product.images };
  const plan: SavePlan = { productId, newSkus: [], skuEdits: [] };
  if (facts.stored) plan.update = { ...fields, updatedAt: now, updatedBy: by };
  else plan.create = { _id: productId, ...fields, status: 'off', sort: now.getTime(), createdAt: now, createdBy: by, updatedAt: now, updatedBy: by };

  facts.skus.forEach((sku, index) => {
    const shown = { name: sku.name, priceFen: sku.priceFen, listPriceFen: sku.listPriceFen, sort: index + 1 };
    if (sku.skuId !== undefined) {
      const stored = byId.get(sku.skuId);
      if (!stored || stored.productId !== productId) throw new AppError('NOT_FOUND', `skus.${index}.skuId: no SKU ${sku.skuId} of product ${productId}`);
      plan.skuEdits.push({ skuId: sku.skuId, set: { ...shown, updatedAt: now } });
      return;
    }
    const skuId = facts.newSkuId(index);
    // Already made by an earlier try of this very request: only its fields are set again.
    if (byId.has(skuId)) plan.skuEdits.push({ skuId, set: { ...shown, updatedAt: now } });
    else plan.newSkus.push({ _id: skuId, productId, ...shown, stock: sku.stock ?? 0, sold: 0, createdAt: now });
  });
  return plan;
}
