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

/**
 * The calendar day of `at` in China time (UTC+8) as `YYYY-MM-DD`, for per-day limits.
 * @example chinaDayKey(new Date('2025-01-01T17:00:00Z')) // '2025-01-02'
 */
export function chinaDayKey(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
