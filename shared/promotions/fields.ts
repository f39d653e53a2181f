import { z } from 'zod';

/**
 * An instant as stored: a `Date` (what the SDK returns) or an ISO-8601 string with offset (what a
 * person may type in the console). Always parsed to a `Date`.
 * @example dateField.parse('2025-01-01T00:00:00+08:00') // Date
 */
export const dateField = z
  .union([z.date(), z.iso.datetime({ offset: true })])
  .transform((v) => (v instanceof Date ? v : new Date(v)))
  .refine((d) => !Number.isNaN(d.getTime()), 'invalid date');

/**
 * An instant in a growth ops document (plans, programs, experiments): a stored Date, or an ISO
 * string or epoch ms typed in a console, coerced to a `Date`.
 */
export const coercedDateField = z.coerce.date();

/** Money in integer fen, ≥ 0. @example 1990 (¥19.90) */
export const fenField = z.number().int().nonnegative();

/** Money in integer fen, > 0. @example 500 (¥5.00) */
export const positiveFenField = z.number().int().positive();

/** Lifecycle of every ops-editable promotion document. */
export const PROMOTION_STATUSES = ['draft', 'active', 'paused', 'ended'] as const;
/** One of {@link PROMOTION_STATUSES}. */
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];
/** zod schema of {@link PromotionStatus}. */
export const promotionStatusField = z.enum(PROMOTION_STATUSES);

/** Fields every promotion document shares (besides its terms): a required title and window. */
export const promotionBase = {
  _id: z.string().min(1),
  title: z.string().min(1).max(60),
  status: promotionStatusField,
  startAt: dateField,
  endAt: dateField,
  /** Bookkeeping the console or functions may add. */
  createdAt: dateField.optional(),
  updatedAt: dateField.optional(),
};

/** Fields of a promotion on one SKU (a group deal, a flash sale, a bargain deal): {@link promotionBase} and the SKU with its product. */
export const skuPromotionBase = {
  ...promotionBase,
  productId: z.string().min(1),
  skuId: z.string().min(1),
};

/** Fields every growth ops document shares: id, optional name, status and bookkeeping. */
export const opsDocumentBase = {
  _id: z.string(),
  name: z.string().optional(),
  status: promotionStatusField,
  updatedAt: coercedDateField.optional(),
  createdAt: coercedDateField.optional(),
};

/** The optional window of a growth ops document (no bound: always). */
export const opsWindow = {
  startAt: coercedDateField.optional(),
  endAt: coercedDateField.optional(),
};

/**
 * True when a promotion or ops document is live at `now`: status `active` and inside
 * `[startAt, endAt)` (a missing bound is no bound).
 * @example isLive({ status: 'active', startAt, endAt }, now)
 */
export function isLive(doc: { status: string; startAt?: Date; endAt?: Date }, now: Date): boolean {
  const t = now.getTime();
  return doc.status === 'active' && (!doc.startAt || doc.startAt.getTime() <= t) && (!doc.endAt || t < doc.endAt.getTime());
}
