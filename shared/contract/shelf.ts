/**
 * `shelf`: what a customer sees when they open a salesperson's card, and a salesperson's curation.
 * The product and coupon shapes here are the ones shared/shelf/present.ts builds.
 */
import { z } from 'zod';
import { count, fen, idField, instant } from './fields';
import { defineContract } from './define';
import { couponKindField, couponRuleField } from './coupon-terms';
import { dealTermsSchema } from './deal-terms';

/** A badge on a product card, e.g. `{kind:'group', text:'2人团 ¥59'}`. */
export const badgeSchema = z.strictObject({ kind: z.enum(['group', 'coupon']), text: z.string() });

/** One SKU as the shelf shows it. Prices in fen; `stock` is never negative. */
export const shelfSkuSchema = z.strictObject({ skuId: z.string(), name: z.string(), priceFen: fen, listPriceFen: fen, stock: count });

/** The live group deal on a product (its SKU and group price): the deal's terms the shelf shows, by `dealId`. */
export const shelfDealSchema = z.strictObject({
  dealId: z.string(),
  ...dealTermsSchema.pick({ title: true, groupSize: true, groupPriceFen: true, listPriceFen: true, skuId: true }).shape,
});

/** A product as the shelf shows it. `priceFen` is the lowest SKU price, `stock` the sum over SKUs. */
export const shelfProductSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  images: z.array(z.string()),
  category: z.string(),
  priceFen: fen,
  listPriceFen: fen,
  stock: count,
  skus: z.array(shelfSkuSchema),
  badges: z.array(badgeSchema),
  groupDeal: shelfDealSchema.optional(),
});

/** A live coupon template a customer may claim, as shown on the shelf and product page (its rule draws the ticket). */
export const shelfCouponSchema = z.strictObject({ templateId: z.string(), title: z.string(), kind: couponKindField, rule: couponRuleField, remaining: count });

/** An open team of a product's deal that a customer can join ("还差 N 人"). */
export const openTeamSchema = z.strictObject({
  teamId: z.string(),
  dealId: z.string(),
  size: count,
  missing: count,
  expiresAt: instant,
  leaderName: z.string(),
  leaderAvatarUrl: z.string(),
});

/** The actions of `shelf`. */
export const shelf = defineContract({
  /** The salesperson's card and products (the named one, else the caller's own, else the brand's default). */
  view: {
    input: { salesId: idField.optional() },
    reply: z.strictObject({
      brand: z.strictObject({ name: z.string(), slogan: z.string(), logoUrl: z.string() }),
      sales: z.strictObject({ openid: z.string(), name: z.string(), title: z.string(), slogan: z.string(), avatarUrl: z.string() }),
      products: z.array(shelfProductSchema),
      coupons: z.array(shelfCouponSchema),
    }),
  },
  /** One product with its claimable coupons and up to 5 open teams; `view: false` = not a customer's view. */
  product: {
    input: { productId: idField, view: z.boolean().optional() },
    reply: shelfProductSchema.extend({
      /** Every live deal of the product in the order the page shows them (the first is `groupDeal`; a `groupSizeFirst` experiment orders them per caller). */
      groupDeals: z.array(shelfDealSchema),
      coupons: z.array(shelfCouponSchema),
      openTeams: z.array(openTeamSchema),
      /** A customer's view is a visit in their event stream (time spent: material.progress); absent otherwise. */
      visitId: z.string().optional(),
    }),
  },
  /** Sales: every product on sale, each marked if on the caller's shelf, and the shelf's order. */
  catalog: {
    input: {},
    reply: z.strictObject({ products: z.array(shelfProductSchema.extend({ onShelf: z.boolean() })), shelfProductIds: z.array(z.string()) }),
  },
  /** Sales: the products on the caller's shelf, in order (duplicates dropped). */
  curate: {
    input: { productIds: z.array(idField).min(1).max(60) },
    reply: z.strictObject({ productIds: z.array(z.string()) }),
  },
});

/** A product as the shelf shows it. */
export type ShelfProduct = z.output<typeof shelfProductSchema>;
/** A badge on a product card. */
export type Badge = z.output<typeof badgeSchema>;
/** A claimable coupon template on the shelf. */
export type ShelfCoupon = z.output<typeof shelfCouponSchema>;
