/**
 * Where an order goes and what its shipping is computed from: the caller's chosen address (from
 * their own book, snapshotted) and the shipping terms for its province. The same rule for
 * `order.quote` and `order.create`.
 */
import { AppError } from '../errors';
import { snapshotOf, type AddressBook, type AddressSnapshot } from '../address/address';
import { FREE_SHIPPING, type ShippingTerms } from './fee';
import { shippingTermsFor, type ShippingRulesRead } from './rules';

/** What a delivery is decided from. */
export interface DeliveryInput {
  /** False when no product of the cart needs delivery (`products.ships === false` on every line). */
  shipsGoods: boolean;
  rules: ShippingRulesRead;
  /** The caller's address book (null: none yet). */
  book: AddressBook | null;
  addressId: string | undefined;
  /** `order.create`: goods that ship need an address. `order.quote`: without one the fee ignores regions. */
  requireAddress: boolean;
}

/** The address an order is sent to and the terms of its shipping fee. */
export interface Delivery {
  address: AddressSnapshot | null;
  shipping: ShippingTerms;
}

/** Nothing to deliver: no address, no fee. */
export const NO_DELIVERY: Delivery = { address: null, shipping: FREE_SHIPPING };

/**
 * Decides the delivery. Refusals: goods that ship without `addressId` on create →
 * INVALID_ARGUMENT; an address the caller's book does not hold → NOT_FOUND; a province not
 * served → NOT_ELIGIBLE; invalid shipping rules → FAILED_PRECONDITION. Nothing ships → no
 * address, no fee (an `addressId` is then ignored).
 * @example decideDelivery({ shipsGoods: true, rules: { state: 'absent' }, book, addressId: 'a1', requireAddress: true }).shipping // FREE_SHIPPING
 */
export function decideDelivery(input: DeliveryInput): Delivery {
  if (!input.shipsGoods) return NO_DELIVERY;
  if (input.addressId === undefined) {
    if (input.requireAddress) throw new AppError('INVALID_ARGUMENT', 'addressId: required, this order ships goods');
    return { address: null, shipping: shippingTermsFor(input.rules, null) };
  }
  const found = input.book?.items.find((a) => a.addressId === input.addressId);
  if (!found) throw new AppError('NOT_FOUND', `addressId: no address ${input.addressId} in your address book`);
  return { address: snapshotOf(found), shipping: shippingTermsFor(input.rules, found.province) };
}
