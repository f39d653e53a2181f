import { canMove } from '../lifecycle/machine';
import { couponMachine, type CouponStatus } from '../lifecycle/tables';
import type { DealTerms } from '../orders/order';
import type { CouponRule, CouponScope } from '../promotions/coupon-template.schema';

export { COUPON_STATUSES, type CouponStatus } from '../lifecycle/tables';

/**
 * `coupons/{id}`: one claimed coupon, with a snapshot of the template's terms at claim time
 * (later template edits never change a claimed coupon).
 */
export interface Coupon {
  _id: string;
  templateId: string;
  ownerOpenid: string;
  title: string;
  rule: CouponRule;
  scope: CouponScope;
  allowOnGroup: boolean;
  status: CouponStatus;
  claimedAt: Date;
  validFromAt: Date;
  validToAt: Date;
  /** The order holding it while `locked`, and the order that used it once `used`. */
  orderId: string | null;
  lockedAt?: Date | null;
  usedAt?: Date | null;
  shareId?: string | null;
}

/**
 * The status a customer sees: an `unused` coupon past its window reads `expired` even before the
 * sweep has marked it.
 * @example effectiveCouponStatus({ status: 'unused', validToAt: yesterday, ... }, now) // 'expired'
 */
export function effectiveCouponStatus(c: Pick<Coupon, 'status' | 'validToAt'>, now: Date): CouponStatus {
  if (c.status === 'unused' && c.validToAt.getTime() <= now.getTime()) return 'expired';
  return c.status;
}

/** True when the coupon can be locked by a new order at `now` (the table allows `lock`, inside its window). */
export function isCouponUsable(c: Pick<Coupon, 'status' | 'validFromAt' | 'validToAt'>, now: Date): boolean {
  const t = now.getTime();
  return canMove(couponMachine, 'lock', c.status) && c.validFromAt.getTime() <= t && t < c.validToAt.getTime();
}

/**
 * The coupon-on-group rule, in one place: a coupon applies to a group order only when the deal
 * allows coupons or the coupon's template said so; any coupon applies to a normal order.
 * @example couponAllowedOn({ allowOnGroup: false }, { allowCoupon: true }) // true
 */
export function couponAllowedOn(coupon: Pick<Coupon, 'allowOnGroup'>, terms: Pick<DealTerms, 'allowCoupon'> | null): boolean {
  return terms === null || coupon.allowOnGroup || terms.allowCoupon === true;
}
