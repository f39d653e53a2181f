/** `card`: a salesperson's business card (名片) — read by anyone, edited by its owner; taps counted per visit. */
import { z } from 'zod';
import { CARD_TAPS } from '../customers/events';
import { cardSchema } from '../card/card';
import { defineContract } from './define';
import { fen, idField, instant } from './fields';

/**
 * The card as a page shows it. Images are references (`cloud://` file ids, which the mini-program's
 * image component shows as they are, or `/assets/` paths): resolving them here would cost a
 * round trip per call.
 */
export const cardViewSchema = z.strictObject({
  salesId: z.string(),
  photo: z.string().nullable(),
  name: z.string(),
  title: z.string(),
  phone: z.string().nullable(),
  wechatQr: z.string().nullable(),
  intro: z.string(),
  brandName: z.string().nullable(),
  featuredProducts: z.array(z.strictObject({ productId: z.string(), title: z.string(), imageUrl: z.string().nullable(), priceFen: fen })),
  featuredMaterials: z.array(z.strictObject({ materialId: z.string(), title: z.string(), kind: z.string(), cover: z.string() })),
  updatedAt: instant.nullable(),
});

/** The actions of `card`. */
export const card = defineContract({
  /**
   * A salesperson's card (`salesId` omitted: the caller's own). A customer's open is a visit
   * (`visitId`, for taps and time spent; one per half hour); the owner's and staff's previews are
   * not (`visitId` null). `mine`: the caller's own, with what they saved (`saved`: null until they
   * save one).
   */
  get: {
    input: { salesId: idField.optional() },
    reply: z.strictObject({ card: cardViewSchema, visitId: z.string().nullable(), mine: z.boolean(), saved: cardSchema.nullable() }),
  },
  /** Sales: saves the caller's own card (images must be their own uploads or app assets). */
  save: {
    input: { card: cardSchema },
    reply: z.strictObject({ salesId: z.string(), updatedAt: instant }),
  },
  /** Counts "save phone" / "add my WeChat" on a card visit: once per visit and tap. */
  tap: {
    input: { visitId: idField, tap: z.enum(CARD_TAPS) },
    reply: z.strictObject({ visitId: z.string(), tap: z.enum(CARD_TAPS), counted: z.boolean() }),
  },
  /** Sales: turns the caller's alerts (Official Account / subscribe messages) on or off. */
  setAlerts: {
    input: { enabled: z.boolean() },
    reply: z.strictObject({ enabled: z.boolean() }),
  },
});
