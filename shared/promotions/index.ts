/**
 * Ops-editable commerce promotions (`coupon_templates`, `group_deals`): schemas, validation and
 * liveness. Readers validate every document with {@link checkPromotion} and skip bad ones.
 */
export { checkPromotion, PROMOTION_COLLECTIONS } from './check-promotion';
export type { PromotionCheck, PromotionCollection, PromotionDocs } from './check-promotion';
export { couponTemplateSchema, couponRuleSchema, couponScopeSchema, couponValiditySchema } from './coupon-template.schema';
export type { CouponTemplate, CouponScope, CouponValidity } from './coupon-template.schema';
export { groupDealSchema, JOIN_ELIGIBILITIES } from './group-deal.schema';
export type { GroupDeal, JoinEligibility } from './group-deal.schema';
export { flashSaleSchema } from './flash-sale.schema';
export type { FlashSale } from './flash-sale.schema';
export { PROMOTION_STATUSES, dateField, isLive } from './fields';
export type { PromotionStatus } from './fields';
