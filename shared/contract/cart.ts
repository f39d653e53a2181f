/** `cart`: the caller's cart, kept in the cloud (shared/cart). */
import { z } from 'zod';
import { CART_MAX_LINES, CART_MAX_QTY } from '../cart/cart';
import { defineContract } from './define';
import { count, fen, idField, instant } from './fields';

/** A cart line with its live title, price and stock; `problem` says why it cannot be bought as it stands. */
export const cartLineSchema = z.strictObject({
  skuId: z.string(),
  productId: z.string(),
  title: z.string(),
  skuName: z.string(),
  image: z.string().nullable(),
  qty: count,
  unitPriceFen: fen,
  listPriceFen: fen,
  stock: count,
  available: z.boolean(),
  problem: z.enum(['off_sale', 'sold_out', 'short_stock', 'gone']).nullable(),
});

/** The whole cart. `subtotalFen`: the available lines at their live prices (checkout prices with `order.quote`). */
export const cartViewSchema = z.strictObject({
  items: z.array(cartLineSchema),
  lineCount: count,
  quantity: count,
  subtotalFen: fen,
  maxLines: count,
  updatedAt: instant.nullable(),
});

/** The actions of `cart`. */
export const cart = defineContract({
  /** The caller's cart with live titles, prices and stock. */
  get: { input: {}, reply: cartViewSchema },
  /** Replaces the whole cart (safe to repeat): each SKU once, at most 20 lines of 1–99 units. */
  set: {
    input: { items: z.array(z.strictObject({ skuId: idField, qty: z.number().int().positive().max(CART_MAX_QTY) })).max(CART_MAX_LINES) },
    reply: cartViewSchema,
  },
  /** Empties the cart. */
  clear: { input: {}, reply: cartViewSchema },
});
