/**
 * catalog (ops, boss): the brand's products in the back office.
 *   list {cursor?, status?}        products newest first, 20 a page
 *   get {productId}                one product with its SKUs
 *   save {product, skus, idempotencyKey}   create (off the brand pool) or edit
 *   setStatus {productId, status}  on / off the brand pool (off: hidden everywhere, joins closed)
 *   adjustStock {skuId, deltaQty, reason, idempotencyKey}   guarded, audited
 */
import { action, defineFunction } from '../_platform';
import { catalog } from '../../shared/contract';
import { BACK_OFFICE_ROLES } from '../../shared/roles';
import { adjustStock } from './adjust-stock';
import { getProduct, listProducts } from './list';
import { saveProduct } from './save';
import { setProductStatus } from './set-status';

const access = BACK_OFFICE_ROLES;

export const main = defineFunction('catalog', {
  list: action(catalog.list)({ access, run: listProducts }),
  get: action(catalog.get)({ access, run: getProduct }),
  save: action(catalog.save)({ access, run: saveProduct }),
  setStatus: action(catalog.setStatus)({ access, run: setProductStatus }),
  adjustStock: action(catalog.adjustStock)({ access, run: adjustStock }),
});
