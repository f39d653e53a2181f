import { AppError } from '../errors';
import type { ProductStatus } from './product.schema';

/**
 * True when a product is on the brand pool: shelves show it and orders may take it. A product
 * taken off is hidden from every shelf at once (the shelf aggregates match `status: 'on'`), and
 * its forming teams stop admitting joins (`catalog.setStatus` closes them; the seat guard reads it).
 * @example isOnSale({ status: 'off' }) // false
 */
export function isOnSale(product: { status: string }): boolean {
  return product.status === ('on' satisfies ProductStatus);
}

/**
 * Refuses a product that is missing or off the brand pool (NOT_FOUND: for the buyer it is gone).
 * @example assertOnSale(undefined, 'p99') // throws NOT_FOUND
 */
export function assertOnSale<P extends { status: string }>(product: P | undefined, productId: string): P {
  if (!product || !isOnSale(product)) throw new AppError('NOT_FOUND', `product ${productId} is not on sale`);
  return product;
}
