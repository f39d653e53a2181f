import type { CouponValidity } from '../promotions/coupon-template.schema';

const DAY_MS = 24 * 3600 * 1000;

/**
 * The usable window of a coupon claimed at `claimedAt`: the template's fixed window, or
 * `[claimedAt, claimedAt + days)`.
 * @example couponWindow({ mode: 'days', days: 7 }, claimedAt) // { validFromAt: claimedAt, validToAt: claimedAt + 7d }
 */
export function couponWindow(validity: CouponValidity, claimedAt: Date): { validFromAt: Date; validToAt: Date } {
  if (validity.mode === 'window') return { validFromAt: validity.fromAt, validToAt: validity.toAt };
  return { validFromAt: claimedAt, validToAt: new Date(claimedAt.getTime() + validity.days * DAY_MS) };
}
