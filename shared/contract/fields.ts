/**
 * Field schemas the contract's inputs and replies share. Inputs are parsed (`.strict()` by the
 * platform); replies are checked on the way out (`reply.safeEncode`, see `cloudfunctions/_platform/handler.ts`).
 */
import { z } from 'zod';

/** Ids in events: short non-empty strings. @example 'p01' */
export const idField = z.string().min(1).max(64);

/** A share id in an event (a minted id is 8 characters; see shared/growth/share-id.ts). */
export const shareIdField = z.string().min(1).max(10);

/** A client-generated key that makes a create request safe to repeat. @example 'k3f9x0a1b2c3' */
export const idempotencyKeyField = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');

/** A business day `YYYY-MM-DD` (China time) as an action input: a real calendar day. @example '2026-06-01' */
export const dayInput = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, 'not a calendar day');

/**
 * An instant in a reply: a `Date` where the function returns it, an ISO-8601 string on the wire
 * (JSON). `z.output` is the function's side, `z.input` what the app receives.
 * @example instant.encode(new Date(0)) // '1970-01-01T00:00:00.000Z'
 */
export const instant = z.codec(z.iso.datetime(), z.date(), {
  decode: (iso) => new Date(iso),
  encode: (date) => date.toISOString(),
});

/** Money in integer fen, ≥ 0. @example 1990 (¥19.90) */
export const fen = z.number().int().nonnegative();

/** A count, ≥ 0. */
export const count = z.number().int().nonnegative();

/** Money in integer fen that may be negative (balances, net amounts). @example -500 */
export const signedFen = z.number().int();

/** The opaque `nextCursor` of a paged list, sent back for the next page. */
export const cursorField = z.string().min(1).max(400);

/** The cursor of the next page of a list, or null on the last page. */
export const nextCursorField = z.string().nullable();

/** A storage file id (`cloud://<env>.<bucket>/<path>`). @example 'cloud://local.bucket/uploads/o_cust_1/aftersale/1.png' */
export const fileIdField = z.string().min(10).max(300).regex(/^cloud:\/\/[^/]+\/.+/, 'a cloud:// file id');

/** Paging of a list action: the page after `cursor` (the first page without it), at most `limit` rows. */
export const pageFields = {
  cursor: cursorField.optional(),
  limit: z.number().int().positive().max(100).optional(),
};

/**
 * Who a customer is, as a salesperson's screens show them: `avatar` is an image reference
 * (`cloud://` file id or a path) shown as it is by the app, null a placeholder; `salesId` their
 * salesperson (null: none).
 */
export const customerFaceFields = {
  openid: z.string(),
  nickname: z.string(),
  avatar: z.string().nullable(),
  salesId: z.string().nullable(),
};

/** An order's money (fen): `totalFen = subtotalFen − discountFen + shippingFen`; shipping is on the order, never split into lines. */
export const orderFiguresFields = {
  subtotalFen: fen,
  activityDiscountFen: fen,
  couponDiscountFen: fen,
  discountFen: fen,
  shippingFen: fen,
  totalFen: fen,
};
