/**
 * Turns stored catalogue and promotion documents into what the shelf shows. Pure: promotions
 * arrive already validated (invalid ones were skipped by the caller); `now` is an argument.
 */
import type { Badge, ShelfCoupon, ShelfProduct } from '../contract/shelf';
import { isInScope } from '../coupons/scope';
import { checkPromotion, isLive, type CouponTemplate, type GroupDeal } from '../promotions';

/** A stored SKU (`skus/{id}`), stock lives here. */
export interface SkuDoc {
  _id: string;
  productId: string;
  name: string;
  priceFen: number;
  listPriceFen: number;
  stock: number;
  sort?: number;
}

/** A stored product (`products/{id}`), with its SKUs joined in. */
export interface ProductDoc {
  _id: string;
  title: string;
  subtitle?: string;
  images?: string[];
  category?: string;
  status: string;
  sort?: number;
  skus?: SkuDoc[];
}

/** The shapes the shelf presents are the contract's (shared/contract/shelf.ts). */
export type { Badge, ShelfCoupon, ShelfProduct };

/** Valid, live promotions out of raw documents (deals smallest group first); invalid documents are dropped here (reported elsewhere). */
export function livePromotions(
  rawTemplates: unknown[],
  rawDeals: unknown[],
  now: Date,
): { templates: CouponTemplate[]; deals: GroupDeal[] } {
  const templates: CouponTemplate[] = [];
  const deals: GroupDeal[] = [];
  for (const raw of rawTemplates) {
    const r = checkPromotion('coupon_templates', raw);
    if (r.ok && isLive(r.value, now)) templates.push(r.value);
  }
  for (const raw of rawDeals) {
    const r = checkPromotion('group_deals', raw);
    if (r.ok && isLive(r.value, now)) deals.push(r.value);
  }
  // A lookup's order is no order: deals go smallest group first (then by id), the order a product
  // page shows them in unless a groupSizeFirst experiment puts another size first.
  deals.sort((a, b) => a.groupSize - b.groupSize || a._id.localeCompare(b._id));
  return { templates, deals };
}

function formatYuan(fen: number): string {
  const yuan = fen / 100;
  return Number.isInteger(yuan) ? `¥${yuan}` : `¥${yuan.toFixed(2)}`;
}

/** Coupons still claimable from a template (`stock` is decremented by each claim). */
export function templateRemaining(template: CouponTemplate): number {
  return Math.max(0, template.stock);
}

/**
 * Presents one product with its SKUs, the live group deal on it (if any) and coupon badges.
 * @example presentProduct(doc, { templates, deals }).badges // [{kind:'group', text:'2人团 ¥59'}]
 */
export function presentProduct(doc: ProductDoc, promos: { templates: CouponTemplate[]; deals: GroupDeal[] }): ShelfProduct {
  const skus = [...(doc.skus ?? [])]
    .sort((a, b) => (a.sort ?? 0) - (b.sort ?? 0) || a._id.localeCompare(b._id)) // a lookup's order is no order
    .map((s) => ({ skuId: s._id, name: s.name, priceFen: s.priceFen, listPriceFen: s.listPriceFen, stock: Math.max(0, s.stock) }));
  const priceFen = skus.length ? Math.min(...skus.map((s) => s.priceFen)) : 0;
  const listPriceFen = skus.length ? Math.min(...skus.map((s) => s.listPriceFen)) : 0;
  const deal = productDeals(doc, promos.deals)[0];
  const badges: Badge[] = [];
  if (deal) badges.push({ kind: 'group', text: `${deal.groupSize}人团 ${formatYuan(deal.groupPriceFen)}` });
  const coupon = promos.templates.find((t) => isInScope(t.scope, doc._id) && templateRemaining(t) > 0);
  if (coupon) badges.push({ kind: 'coupon', text: coupon.title });
  return {
    id: doc._id,
    title: doc.title,
    subtitle: doc.subtitle ?? '',
    images: doc.images ?? [],
    category: doc.category ?? '',
    priceFen,
    listPriceFen,
    stock: skus.reduce((n, s) => n + s.stock, 0),
    skus,
    badges,
    ...(deal
      ? { groupDeal: presentDeal(deal) }
      : {}),
  };
}

/**
 * The live deals of a product (on one of its SKUs), in the order given — the page shows the first
 * (`groupDeal`); a `groupSizeFirst` experiment orders them per caller (`dealsSizeFirst`).
 */
export function productDeals(doc: Pick<ProductDoc, '_id' | 'skus'>, deals: readonly GroupDeal[]): GroupDeal[] {
  return deals.filter((d) => d.productId === doc._id && (doc.skus ?? []).some((s) => s._id === d.skuId));
}

/** A deal as the shelf shows it. */
export function presentDeal(deal: GroupDeal): NonNullable<ShelfProduct['groupDeal']> {
  return { dealId: deal._id, title: deal.title, groupSize: deal.groupSize, groupPriceFen: deal.groupPriceFen, listPriceFen: deal.listPriceFen, skuId: deal.skuId };
}

/** Claimable coupons for a product (or the whole shelf when `productId` is omitted). */
export function presentCoupons(templates: CouponTemplate[], productId?: string): ShelfCoupon[] {
  return templates
    .filter((t) => templateRemaining(t) > 0 && (productId === undefined || isInScope(t.scope, productId)))
    .map((t) => ({ templateId: t._id, title: t.title, kind: t.rule.kind, rule: t.rule, remaining: templateRemaining(t) }));
}
