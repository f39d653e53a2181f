/** `address`: the caller's address book (at most 20 addresses, one default). */
import { z } from 'zod';
import { addressInputSchema } from '../address/address';
import { defineContract } from './define';
import { count, idField, instant } from './fields';

/** An address as an order keeps it (and as the book shows it, without its bookkeeping). */
export const addressSnapshotSchema = z.strictObject({
  addressId: z.string(),
  name: z.string(),
  phone: z.string(),
  /** One of the 34 provincial-level divisions, full name (shared/address/provinces.ts). */
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string(),
  postalCode: z.string().nullable(),
});

/** The caller's book: newest first, the default's id, the book's size limit. */
export const addressBookSchema = z.strictObject({
  addresses: z.array(addressSnapshotSchema.extend({ isDefault: z.boolean(), updatedAt: instant })),
  defaultId: z.string().nullable(),
  max: count,
});

/** The actions of `address`. */
export const address = defineContract({
  /** The caller's addresses. */
  list: { input: {}, reply: addressBookSchema },
  /**
   * Adds an address (no `addressId`) or edits one; `isDefault` makes it the default (the first
   * address always is). Every invalid field is named: `address.phone: …`.
   */
  save: { input: { address: addressInputSchema }, reply: addressBookSchema.extend({ addressId: z.string() }) },
  /** Removes an address; the default moves to the newest remaining one. */
  remove: { input: { addressId: idField }, reply: addressBookSchema },
});
