/**
 * shelf: what a customer sees when they open a salesperson's card.
 *   view {salesId?}          the salesperson's card and products (2 database round trips)
 *   product {productId, view?}  one product with SKUs, its group deal and open teams, coupons;
 *                            `view: false` when a page shows it without the customer viewing it
 *   catalog                  every product on sale, marked if on the caller's shelf (sales)
 *   curate {productIds}      a salesperson chooses the products on their shelf
 */
import { z } from 'zod';
import { action, defineFunction } from '../_platform';
import { viewCatalog } from './catalog';
import { curateShelf } from './curate-shelf';
import { viewProduct } from './view-product';
import { viewShelf } from './view-shelf';

const id = z.string().min(1).max(64);

export const main = defineFunction('shelf', {
  view: action({ input: { salesId: id.optional() }, users: (i) => [i.salesId], run: viewShelf }),
  product: action({ input: { productId: id, view: z.boolean().optional() }, run: viewProduct }),
  catalog: action({ input: {}, access: ['sales'], run: viewCatalog }),
  curate: action({ input: { productIds: z.array(id).min(1).max(60) }, access: ['sales'], run: curateShelf }),
});
