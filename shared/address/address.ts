/**
 * A customer's delivery address and address book: the input schema (each rule names its field:
 * the platform reports `address.phone: …`), the stored shapes, and the book's pure deciders.
 * One book per customer (`addresses/{openid}`), at most {@link MAX_ADDRESSES} entries and one
 * default. An order keeps a snapshot of the address it was placed with.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { PROVINCE_NAMES, provinceOf } from './provinces';

/** How many addresses a book holds. */
export const MAX_ADDRESSES = 20;

/** A mainland mobile number: 11 digits, `1` then `3`–`9`. @example MOBILE_PATTERN.test('13800138000') // true */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** A postal code: 6 digits. */
export const POSTAL_CODE_PATTERN = /^\d{6}$/;

const text = (min: number, max: number) =>
  z.string().trim().min(min, `at least ${min} character${min > 1 ? 's' : ''}`).max(max, `at most ${max} characters`);

/**
 * An address as the customer gives it (`address.save`). Strings are trimmed; the province may be
 * the full or the short name of one of the 34 provincial-level divisions and is stored full.
 * @example addressInputSchema.parse({ name: '小美', phone: '13800138000', province: '广东', city: '深圳市', district: '南山区', detail: '科技园1号' }).province // '广东省'
 */
export const addressInputSchema = z.strictObject({
  /** Given: edit that address; absent: a new one. */
  addressId: z.string().min(1).max(32).optional(),
  name: text(1, 20),
  phone: z.string().trim().regex(MOBILE_PATTERN, 'a mainland mobile number: 11 digits starting 13–19'),
  province: z
    .string()
    .max(20)
    .transform((v, ctx) => {
      const p = provinceOf(v);
      if (!p) {
        ctx.addIssue({ code: 'custom', message: `not one of the 34 provincial-level divisions (e.g. ${PROVINCE_NAMES[18]})` });
        return z.NEVER;
      }
      return p.name;
    }),
  city: text(1, 20),
  district: text(1, 20),
  detail: text(2, 100),
  postalCode: z.string().regex(POSTAL_CODE_PATTERN, '6 digits').optional(),
  /** Make it the default address. */
  isDefault: z.boolean().optional(),
});

/** A parsed {@link addressInputSchema}. */
export type AddressInput = z.output<typeof addressInputSchema>;

/** One stored address of a book. */
export interface Address {
  addressId: string;
  name: string;
  phone: string;
  /** A full provincial-level name (shared/address/provinces.ts). */
  province: string;
  city: string;
  district: string;
  detail: string;
  postalCode: string | null;
  updatedAt: Date;
}

/** What an order keeps of its address (later edits of the book never change it). */
export type AddressSnapshot = Omit<Address, 'updatedAt'>;

/** `addresses/{openid}`: one customer's book. `rev` guards every write (optimistic). */
export interface AddressBook {
  _id: string;
  items: Address[];
  defaultId: string | null;
  rev: number;
  updatedAt: Date;
}

/** The snapshot an order keeps. */
export function snapshotOf(a: Address): AddressSnapshot {
  const { updatedAt: _edited, ...snapshot } = a;
  return snapshot;
}

/** The book of `openid` before its first address. */
export function emptyBook(openid: string, now: Date): AddressBook {
  return { _id: openid, items: [], defaultId: null, rev: 0, updatedAt: now };
}

const sameAddress = (a: AddressSnapshot, b: AddressSnapshot): boolean =>
  a.name === b.name && a.phone === b.phone && a.province === b.province && a.city === b.city && a.district === b.district && a.detail === b.detail && a.postalCode === b.postalCode;

/**
 * Adds or edits an address. A new address goes first; the first address, or one saved with
 * `isDefault`, becomes the default. A new address equal to one the book holds is that one (a
 * save retried after its reply was lost adds nothing). Refusals: a new address in a full book →
 * LIMIT_REACHED; an `addressId` the book does not hold → NOT_FOUND.
 * @example decideSaveAddress(emptyBook('o1', now), input, 'a1', now).book.defaultId // 'a1'
 */
export function decideSaveAddress(book: AddressBook, input: AddressInput, newId: string, now: Date): { book: AddressBook; addressId: string } {
  const { addressId: asked, isDefault, postalCode, ...fields } = input;
  const candidate: AddressSnapshot = { addressId: asked ?? newId, ...fields, postalCode: postalCode ?? null };
  const givenId = asked ?? book.items.find((a) => sameAddress(a, candidate))?.addressId;
  const addressId = givenId ?? newId;
  const address: Address = { ...candidate, addressId, updatedAt: now };
  let items: Address[];
  if (givenId !== undefined) {
    if (!book.items.some((a) => a.addressId === givenId)) throw new AppError('NOT_FOUND', `address.addressId: no address ${givenId} in your address book`);
    items = book.items.map((a) => (a.addressId === givenId ? address : a));
  } else {
    if (book.items.length >= MAX_ADDRESSES) throw new AppError('LIMIT_REACHED', `address: the address book holds at most ${MAX_ADDRESSES} addresses`);
    items = [address, ...book.items];
  }
  const defaultId = isDefault || book.defaultId === null ? addressId : book.defaultId;
  return { book: { ...book, items, defaultId, rev: book.rev + 1, updatedAt: now }, addressId };
}

/**
 * Removes an address; when it was the default, the first remaining one becomes the default.
 * NOT_FOUND when the book does not hold it.
 */
export function decideRemoveAddress(book: AddressBook, addressId: string, now: Date): AddressBook {
  if (!book.items.some((a) => a.addressId === addressId)) throw new AppError('NOT_FOUND', `addressId: no address ${addressId} in your address book`);
  const items = book.items.filter((a) => a.addressId !== addressId);
  const defaultId = book.defaultId === addressId ? (items[0]?.addressId ?? null) : book.defaultId;
  return { ...book, items, defaultId, rev: book.rev + 1, updatedAt: now };
}
