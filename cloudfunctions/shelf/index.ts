/**
 * shelf: what a customer sees when they open a salesperson's card.
 *   view {salesId?}          the salesperson's card and products (2 database round trips)
 *   product {productId, view?}  one product with SKUs, its group deal and open teams, coupons;
 *                            `view: false` when a page shows it without the customer viewing it
 *   catalog                  every product on sale, marked if on the caller's shelf (sales)
 *   curate {productIds}      a salesperson chooses the products on their shelf
 */
import { action, defineFunction } from '../_platform';
import { shelf } from '../../shared/contract';
import { viewCatalog } from './catalog';
import { curateShelf } from './curate-shelf';
import { viewProduct } from './view-product';
import { viewShelf } from './view-shelf';

export const main = defineFunction('shelf', {
  view: action(shelf.view)({ users: (i) => [i.salesId], run: viewShelf }),
  product: action(shelf.product)({ run: viewProduct }),
  catalog: action(shelf.catalog)({ access: ['sales'], run: viewCatalog }),
  curate: action(shelf.curate)({ access: ['sales'], run: curateShelf }),
});
