import type { z } from 'zod';
import { describeIssues } from '../zod-issues';
import { couponTemplateSchema, type CouponTemplate } from './coupon-template.schema';
import { flashSaleSchema, type FlashSale } from './flash-sale.schema';
import { groupDealSchema, type GroupDeal } from './group-deal.schema';

/** Collections of ops-editable commerce promotions. */
export const PROMOTION_COLLECTIONS = ['coupon_templates', 'group_deals', 'flash_sales'] as const;
/** One of {@link PROMOTION_COLLECTIONS}. */
export type PromotionCollection = (typeof PROMOTION_COLLECTIONS)[number];

/** The valid document type of each promotion collection. */
export interface PromotionDocs {
  coupon_templates: CouponTemplate;
  group_deals: GroupDeal;
  flash_sales: FlashSale;
}

const SCHEMAS: Record<PromotionCollection, z.ZodType> = { coupon_templates: couponTemplateSchema, group_deals: groupDealSchema, flash_sales: flashSaleSchema };

/** Result of {@link checkPromotion}: the parsed document, or the problems found. */
export type PromotionCheck<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Validates one stored promotion document. Problems read `"field.path: what is wrong"` so ops
 * can find the field in the console; unknown fields are problems too. Never throws.
 * @example checkPromotion('group_deals', { _id: 'g1', groupSize: 1 }) // { ok:false, problems:['groupSize: ...', ...] }
 */
export function checkPromotion<C extends PromotionCollection>(collection: C, doc: unknown): PromotionCheck<PromotionDocs[C]> {
  const schema = SCHEMAS[collection];
  const res = (schema as z.ZodType).safeParse(doc);
  if (res.success) return { ok: true, value: res.data as PromotionDocs[C] };
  return { ok: false, problems: describeIssues(res.error.issues, '(document)') };
}
