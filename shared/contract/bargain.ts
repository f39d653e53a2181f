/** `bargain` (砍价): start a bargain on a deal's SKU, friends help, the starter buys at the reached price. */
import { z } from 'zod';
import { defineContract } from './define';
import { count, fen, idempotencyKeyField, idField, instant } from './fields';
import { orderViewSchema } from './order-view';

/** Where a bargain is at: `done` = the floor is reached (still to buy), `expired` = past its deadline unbought. */
export const BARGAIN_PHASES = ['open', 'done', 'expired', 'ordered'] as const;

/** A bargain as its page shows it (helpers by name and cut; their openids stay on the server). */
export const bargainReply = z.strictObject({
  bargainId: z.string(),
  dealId: z.string(),
  title: z.string(),
  productId: z.string(),
  skuId: z.string(),
  /** The caller started it (and may buy it). */
  mine: z.boolean(),
  starterName: z.string(),
  phase: z.enum(BARGAIN_PHASES),
  startPriceFen: fen,
  floorPriceFen: fen,
  reachedPriceFen: fen,
  cutFen: fen,
  /** WeChat's rule: the activity states exactly how many helpers bring the price to the floor. */
  helpersNeeded: count,
  helpsLeft: count,
  expiresAt: instant,
  orderId: z.string().nullable(),
  helps: z.array(z.strictObject({ index: count, cutFen: fen, name: z.string() })),
  /** The caller's own help, when they helped. */
  myHelp: z.strictObject({ index: count, cutFen: fen }).nullable(),
});

/** The actions of `bargain`. */
export const bargain = defineContract({
  /** The live bargain deal of a product, and the caller's running bargain on it (the product page's 砍价 button). */
  offer: {
    input: { productId: idField },
    reply: z.strictObject({
      deal: z
        .strictObject({ dealId: z.string(), title: z.string(), skuId: z.string(), floorPriceFen: fen, helpersNeeded: count, validHours: z.number().positive() })
        .nullable(),
      myBargainId: z.string().nullable(),
    }),
  },
  /** Starts a bargain on the SKU's live deal at the SKU's price, or answers the caller's running one. */
  start: { input: { productId: idField, skuId: idField }, reply: bargainReply },
  /** A friend cuts the price once (a customer, not the starter; exactly N friends reach the floor). */
  help: { input: { bargainId: idField }, reply: bargainReply },
  get: { input: { bargainId: idField }, reply: bargainReply },
  /** The starter's one order at the reached price, before the deadline (then paid as any order). */
  buy: { input: { bargainId: idField, idempotencyKey: idempotencyKeyField, addressId: idField.optional() }, reply: orderViewSchema },
});
