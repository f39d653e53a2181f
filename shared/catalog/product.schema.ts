/**
 * What ops type when they create or edit a product: the product's fields and its SKUs, checked
 * with zod at the edge (`catalog.save`). Prices are integer fen; the list price is never below the
 * price; stock is given once, when a SKU is created — afterwards it changes only through
 * `catalog.adjustStock` (one guarded update, audited), so a save can never overwrite sales.
 */
import { z } from 'zod';

/** A product is on the brand pool (`on`: shelves may show it, orders may take it) or off it. */
export const PRODUCT_STATUSES = ['on', 'off'] as const;
/** One of {@link PRODUCT_STATUSES}. */
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Most money a SKU may cost: ¥1,000,000 in fen. */
export const MAX_PRICE_FEN = 100_000_000;
/** Most units a SKU may hold, and most one adjustment may move. */
export const MAX_STOCK = 1_000_000;

/**
 * An image of a product: a storage file id (`cloud://…`, uploaded with the app's
 * `services/storage.ts`) or an image shipped with the app (`/assets/…`, the demo seed's).
 * @example 'cloud://local.linkshelf-1/uploads/o_ops/product/1717200000-ab12.png'
 */
export const imageRefField = z
  .string()
  .max(300)
  .regex(/^(cloud:\/\/[^\s]+|\/assets\/[A-Za-z0-9/_.-]+)$/, 'a cloud:// file id or an /assets/ path');

/** The product's own fields in `catalog.save` (`productId` absent = a new product). */
export const productInputSchema = z.strictObject({
  productId: z.string().min(1).max(64).optional(),
  title: z.string().trim().min(1).max(60),
  subtitle: z.string().trim().max(80).optional(),
  category: z.string().trim().min(1).max(20),
  images: z.array(imageRefField).min(1).max(9),
});
/** {@link productInputSchema}'s value. */
export type ProductInput = z.infer<typeof productInputSchema>;

/**
 * One SKU in `catalog.save`: an existing one (`skuId`, no `stock`) or a new one (`stock` required).
 * Every refusal names its field (`skus.1.listPriceFen: …`).
 */
export const skuInputSchema = z
  .strictObject({
    skuId: z.string().min(1).max(64).optional(),
    name: z.string().trim().min(1).max(30),
    priceFen: z.number().int().positive().max(MAX_PRICE_FEN),
    listPriceFen: z.number().int().positive().max(MAX_PRICE_FEN),
    stock: z.number().int().nonnegative().max(MAX_STOCK).optional(),
  })
  .superRefine((sku, ctx) => {
    if (sku.listPriceFen < sku.priceFen) ctx.addIssue({ code: 'custom', path: ['listPriceFen'], message: 'the list price is below the price' });
    if (sku.skuId === undefined && sku.stock === undefined) ctx.addIssue({ code: 'custom', path: ['stock'], message: 'a new SKU needs its stock' });
    if (sku.skuId !== undefined && sku.stock !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['stock'], message: "an existing SKU's stock changes only through catalog.adjustStock" });
    }
  });
/** {@link skuInputSchema}'s value. */
export type SkuInput = z.infer<typeof skuInputSchema>;

/** The SKUs of one save: 1–20, no SKU named twice. */
export const skuListSchema = z
  .array(skuInputSchema)
  .min(1)
  .max(20)
  .superRefine((skus, ctx) => {
    const seen = new Set<string>();
    skus.forEach((s, i) => {
      if (s.skuId === undefined) return;
      if (seen.has(s.skuId)) ctx.addIssue({ code: 'custom', path: [i, 'skuId'], message: 'this SKU is listed twice' });
      seen.add(s.skuId);
    });
  });

/** A stock adjustment: units in (+) or out (−), never 0, with the reason ops give. */
export const stockDeltaField = z
  .number()
  .int()
  .min(-MAX_STOCK)
  .max(MAX_STOCK)
  .refine((n) => n !== 0, 'an adjustment moves at least one unit');

/** Why stock was adjusted, as ops wrote it (shown in the audit). */
export const stockReasonField = z.string().trim().min(1).max(60);
