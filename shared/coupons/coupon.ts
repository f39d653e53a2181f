import type { CouponRule, CouponScope } from '../promotions/coupon-template.schema';

/** States of a claimed coupon: `unused → locked(order) → used`, `unused → expired`. */
export const COUPON_STATUSES = ['unused', 'locked', 'used', 'expired'] as const;
/** One of {@link COUPON_STATUSES}. */
export type CouponStatus = (typeof COUPON_STATUSES)[number];

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

/** True when the coupon can be locked by a new order at `now` (unused and inside its window). */
export function isCouponUsable(c: Pick<Coupon, 'status' | 'validFromAt' | 'validToAt'>, now: Date): boolean {
  const t = now.getTime();
  return c.status === 'unused' && c.validFromAt.getTime() <= t && t < c.validToAt.getTime();
}
