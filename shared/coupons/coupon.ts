import { canMove } from '../lifecycle/machine';
import { couponMachine, type CouponStatus } from '../lifecycle/tables';
import type { DealTerms } from '../orders/order';
import type { CouponScope, CouponTemplate } from '../promotions/coupon-template.schema';
import type { CouponRule } from './kinds';
import { couponWindow } from './validity';

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
  /**
   * The claim that issued a one-per-customer coupon (its marker on the template's recent takes):
   * tells a claim whose insert reply was lost whether the coupon there is its own.
   */
  claimToken?: string;
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

/**
 * A coupon issued from `template` to `ownerOpenid` at `claimedAt`: `unused`, a snapshot of the
 * template's terms, valid for the template's window. Ids come in as arguments.
 * @example issueCoupon(template, { couponId: 'c1', ownerOpenid: 'o_cust_1', claimedAt: now, shareId: null }).status // 'unused'
 */
export function issueCoupon(
  template: Pick<CouponTemplate, '_id' | 'title' | 'rule' | 'scope' | 'validity' | 'allowOnGroup'>,
  issue: { couponId: string; ownerOpenid: string; claimedAt: Date; shareId: string | null },
): Coupon {
  const { validFromAt, validToAt } = couponWindow(template.validity, issue.claimedAt);
  return {
    _id: issue.couponId,
    templateId: template._id,
    ownerOpenid: issue.ownerOpenid,
    title: template.title,
    rule: template.rule,
    scope: template.scope,
    allowOnGroup: template.allowOnGroup ?? false,
    status: 'unused',
    claimedAt: issue.claimedAt,
    validFromAt,
    validToAt,
    orderId: null,
    lockedAt: null,
    usedAt: null,
    shareId: issue.shareId,
  };
}
