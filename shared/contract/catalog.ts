/**
 * `catalog` (ops, boss): the brand's products and SKUs in the back office — list, read, create and
 * edit, put on or take off the brand pool, adjust stock (audited).
 */
import { z } from 'zod';
import { PRODUCT_STATUSES, productInputSchema, skuListSchema, stockDeltaField, stockReasonField } from '../catalog/product.schema';
import { defineContract } from './define';
import { count, cursorField, fen, idempotencyKeyField, idField, instant, nextCursorField } from './fields';

/** A product's image: the stored reference and a URL to show it now (a temporary URL for `cloud://` ids; '' if the file is gone). */
const imageSchema = z.strictObject({ fileId: z.string(), url: z.string() });

/** A SKU as the back office shows it: `stock` left, `sold` taken by orders. */
const skuRowSchema = z.strictObject({ skuId: z.string(), name: z.string(), priceFen: fen, listPriceFen: fen, stock: count, sold: count });

/** A product as the back office shows it, with its SKUs (`stock` = the sum over them). */
export const catalogProductSchema = z.strictObject({
  productId: z.string(),
  title: z.string(),
  subtitle: z.string(),
  category: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  images: z.array(imageSchema),
  skus: z.array(skuRowSchema),
  stock: count,
  createdAt: instant,
});

/** The actions of `catalog`. */
export const catalog = defineContract({
  /** Every product, newest first, 20 a page (`status` narrows to on or off the brand pool). */
  list: {
    input: { cursor: cursorField.optional(), status: z.enum(PRODUCT_STATUSES).optional() },
    reply: z.strictObject({ products: z.array(catalogProductSchema), nextCursor: nextCursorField }),
  },
  /** One product with its SKUs (the edit page). */
  get: {
    input: { productId: idField },
    reply: catalogProductSchema,
  },
  /**
   * Creates a product (off the brand pool) or edits one (`product.productId`): fields, SKUs'
   * names and prices, new SKUs with their stock. An existing SKU's stock changes only through
   * `adjustStock`. `idempotencyKey` makes a repeated save create nothing twice.
   */
  save: {
    input: { product: productInputSchema, skus: skuListSchema, idempotencyKey: idempotencyKeyField },
    reply: catalogProductSchema,
  },
  /** Puts a product on the brand pool or takes it off: off hides it from every shelf and closes its forming teams to joins. */
  setStatus: {
    input: { productId: idField, status: z.enum(PRODUCT_STATUSES) },
    reply: z.strictObject({ productId: z.string(), status: z.enum(PRODUCT_STATUSES), teams: count }),
  },
  /**
   * Adds (+) or takes (−) units of a SKU with a reason: one guarded update that never takes stock
   * below zero (FAILED_PRECONDITION), audited; a repeated request (same key) applies once.
   */
  adjustStock: {
    input: { skuId: idField, deltaQty: stockDeltaField, reason: stockReasonField, idempotencyKey: idempotencyKeyField },
    reply: z.strictObject({
      auditId: z.string(),
      skuId: z.string(),
      productId: z.string(),
      deltaQty: z.number().int(),
      /** The SKU's stock right after this adjustment (null: completed by a repeat after a lost reply). */
      stockAfter: count.nullable(),
      /** True when this request repeated one already applied. */
      repeated: z.boolean(),
    }),
  },
});
