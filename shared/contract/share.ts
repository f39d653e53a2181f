/** `share`: the share chain — mint a share, open one (log + bind), render its QR poster. */
import { z } from 'zod';
import { POSTER_PRICE_KINDS } from '../growth/poster-content';
import { campaignSchema, SHARE_CHANNELS, shareTargetSchema } from '../growth/share-chain';
import { defineContract } from './define';
import { count, fen, shareIdField } from './fields';

/** Why opening a share bound the caller to its salesperson. */
export const BIND_REASONS = ['first', 'expired', 'override'] as const;

/** Why opening a share kept the caller's binding (`conflict`: a concurrent open bound first). */
export const KEEP_REASONS = ['self_share', 'not_customer', 'no_sales', 'own_salesperson', 'same_sales', 'protected', 'permanent', 'active', 'not_new', 'conflict'] as const;

/** The actions of `share`. */
export const share = defineContract({
  /** Mints a share id for a target; a re-share links to the share that brought the caller. */
  create: {
    input: { target: shareTargetSchema, channel: z.enum(SHARE_CHANNELS), campaign: campaignSchema.optional() },
    reply: z.strictObject({
      shareId: z.string(),
      /** The card path: the landing page with only the share id, e.g. `/pages/landing/index?s=k3Vq9ZtA`. */
      path: z.string(),
      salesId: z.string().nullable(),
      parentShareId: z.string().nullable(),
      rootShareId: z.string(),
      depth: count,
      experiments: z.record(z.string(), z.string()),
      /**
       * The share card of the caller's variant in a live `card` experiment (null: none applies):
       * `title` a template where `{title}` is the page's own title, `imageUrl` the card image.
       */
      card: z.strictObject({ experimentKey: z.string(), variant: z.string(), title: z.string().nullable(), imageUrl: z.string().nullable() }).nullable(),
    }),
  },
  /** Logs the first open per (share, caller), binds per the binding policy, answers the target. */
  open: {
    input: { shareId: shareIdField },
    reply: z.strictObject({
      shareId: z.string(),
      target: shareTargetSchema,
      /** The salesperson the share brings customers to: its own, or their heir once deactivated. */
      salesId: z.string().nullable(),
      sharerOpenid: z.string(),
      depth: count,
      /** The caller's salesperson after this open (null when none is active). */
      boundSalesId: z.string().nullable(),
      binding: z.discriminatedUnion('result', [
        z.strictObject({ result: z.literal('bound'), reason: z.enum(BIND_REASONS).nullable() }),
        z.strictObject({ result: z.literal('kept'), reason: z.enum(KEEP_REASONS) }),
      ]),
      firstOpen: z.boolean(),
    }),
  },
  /**
   * The share's mini-program code (wxacode.getUnlimited, the share id as scene) kept in storage, as
   * a temporary URL of the PNG (the app draws the poster around it).
   */
  poster: {
    input: { shareId: shareIdField },
    reply: z.strictObject({
      shareId: z.string(),
      mime: z.literal('image/png'),
      /** What the code opens: the landing page with the share id as scene, `pages/landing/index?scene=<shareId>`. */
      encoded: z.string(),
      /** The PNG's file id in storage (one per share). */
      fileId: z.string(),
      /** A temporary URL of the PNG. */
      url: z.string(),
      /**
       * What the poster shows around the code: the target's title and image, the price paid
       * through it (the group price for a group deal or a team, a running flash sale's price, a
       * bargain's price reached now), the salesperson's name and avatar.
       */
      content: z.strictObject({
        title: z.string(),
        priceFen: fen.nullable(),
        /** `group` (of `groupSize`), `flash` (a flash sale running now), `bargain` (the price reached now), `price` (the lowest SKU price). */
        priceKind: z.enum(POSTER_PRICE_KINDS).nullable(),
        groupSize: count.nullable(),
        imageUrl: z.string().nullable(),
        salesName: z.string().nullable(),
        salesAvatarUrl: z.string().nullable(),
      }),
    }),
  },
});
