/** Delivery addresses: the 34 provincial-level divisions, the address schema and the address book. */
export { PROVINCES, PROVINCE_NAMES, provinceOf } from './provinces';
export type { Province, ProvinceKind } from './provinces';
export {
  MAX_ADDRESSES,
  MOBILE_PATTERN,
  POSTAL_CODE_PATTERN,
  addressInputSchema,
  decideRemoveAddress,
  decideSaveAddress,
  emptyBook,
  snapshotOf,
} from './address';
export type { Address, AddressBook, AddressInput, AddressSnapshot } from './address';
