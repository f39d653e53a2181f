/** Coupon rules: one function per kind, scope, validity, instance states, best-coupon choice. */
export { COUPON_KINDS, couponDiscountFen } from './kinds';
export type { CouponKind, CouponRule } from './kinds';
export { isInScope } from './scope';
export { couponWindow } from './validity';
export { COUPON_STATUSES, couponAllowedOn, effectiveCouponStatus, isCouponUsable, issueCoupon } from './coupon';
export type { Coupon, CouponStatus } from './coupon';
export { chooseBestCoupon } from './best-coupon';
export type { CouponOption } from './best-coupon';
export { decideClaim } from './claim';
export type { ClaimDecision, HeldClaims } from './claim';
