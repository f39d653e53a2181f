/**
 * The customer's cart (`carts/{openid}`): SKUs and quantities, kept in the cloud so it follows
 * the customer across devices. `cart.set` replaces the whole cart (safe to repeat); `cart.get`
 * shows each line with its live title, price and stock, and flags the lines that cannot be
 * bought as they stand. Loads no zod (the app reads the limits).
 */
import { AppError } from '../errors';
import type { SkuDoc } from '../shelf/present';

/** Lines a cart holds: as many as one order takes (`order.create` items). */
export const CART_MAX_LINES = 20;
/** Units of one line. */
export const CART_MAX_QTY = 99;

/** One stored line. */
export interface CartItem {
  skuId: string;
  productId: string;
  qty: number;
}

/** `carts/{openid}`. */
export interface CartDoc {
  _id: string;
  items: CartItem[];
  updatedAt: Date;
}

/** Why a line cannot be bought as it stands: its product is off sale, its SKU has no stock, less stock than the line asks, or the SKU no longer exists. */
export type CartProblem = 'off_sale' | 'sold_out' | 'short_stock' | 'gone';

/** What a line is shown from: the SKU and product as stored now (undefined when gone). */
export type LiveSku = Omit<SkuDoc, 'sort'>;

/** A product as the cart needs it. */
export interface LiveProduct {
  _id: string;
  title: string;
  status: string;
  images?: string[];
}

/** A cart line as `cart.get` answers it. Money in fen. */
export interface CartLineView {
  skuId: string;
  productId: string;
  title: string;
  skuName: string;
  image: string | null;
  qty: number;
  unitPriceFen: number;
  listPriceFen: number;
  stock: number;
  available: boolean;
  problem: CartProblem | null;
}

/** The whole cart as `cart.get` / `set` / `clear` answer it. `subtotalFen` counts the available lines. */
export interface CartView {
  items: CartLineView[];
  lineCount: number;
  quantity: number;
  subtotalFen: number;
  maxLines: number;
  updatedAt: Date | null;
}

/**
 * The problem of a line against the live SKU and product, or null.
 * @example cartProblem(2, { ...sku, stock: 1 }, product) // 'short_stock'
 */
export function cartProblem(qty: number, sku: LiveSku | undefined, product: LiveProduct | undefined): CartProblem | null {
  if (!sku || !product) return 'gone';
  if (product.status !== 'on') return 'off_sale';
  if (sku.stock <= 0) return 'sold_out';
  if (sku.stock < qty) return 'short_stock';
  return null;
}

/**
 * The cart as shown: every stored line with its live title, price and stock (newest first, as
 * stored), the available lines' subtotal.
 * @example viewCart(doc, skus, products).subtotalFen
 */
export function viewCart(doc: Pick<CartDoc, 'items' | 'updatedAt'> | null, skus: readonly LiveSku[], products: readonly LiveProduct[]): CartView {
  const skuById = new Map(skus.map((s) => [s._id, s]));
  const productById = new Map(products.map((p) => [p._id, p]));
  const items = (doc?.items ?? []).map((item): CartLineView => {
    const sku = skuById.get(item.skuId);
    const product = productById.get(sku?.productId ?? item.productId);
    const problem = cartProblem(item.qty, sku, product);
    return {
      skuId: item.skuId,
      productId: item.productId,
      title: product?.title ?? '',
      skuName: sku?.name ?? '',
      image: product?.images?.[0] ?? null,
      qty: item.qty,
      unitPriceFen: sku?.priceFen ?? 0,
      listPriceFen: sku?.listPriceFen ?? 0,
      stock: Math.max(0, sku?.stock ?? 0),
      available: problem === null,
      problem,
    };
  });
  const available = items.filter((l) => l.available);
  return {
    items,
    lineCount: items.length,
    quantity: items.reduce((n, l) => n + l.qty, 0),
    subtotalFen: available.reduce((n, l) => n + l.unitPriceFen * l.qty, 0),
    maxLines: CART_MAX_LINES,
    updatedAt: doc?.updatedAt ?? null,
  };
}

/**
 * The stored lines of a whole new cart (at most {@link CART_MAX_LINES}: the contract's bound): each SKU once (a repeat → INVALID_ARGUMENT naming it),
 * each known (an unknown SKU → NOT_FOUND naming its item). Products off sale may stay in a cart
 * (the view flags them).
 * @example decideCartItems([{ skuId: 'p01-s1', qty: 2 }], skus) // [{ skuId: 'p01-s1', productId: 'p01', qty: 2 }]
 */
export function decideCartItems(items: ReadonlyArray<{ skuId: string; qty: number }>, skus: readonly LiveSku[]): CartItem[] {
  const skuById = new Map(skus.map((s) => [s._id, s]));
  const seen = new Set<string>();
  return items.map((item, i) => {
    if (seen.has(item.skuId)) throw new AppError('INVALID_ARGUMENT', `items.${i}.skuId: ${item.skuId} is listed twice`);
    seen.add(item.skuId);
    const sku = skuById.get(item.skuId);
    if (!sku) throw new AppError('NOT_FOUND', `items.${i}.skuId: no SKU ${item.skuId}`);
    return { skuId: item.skuId, productId: sku.productId, qty: item.qty };
  });
}
