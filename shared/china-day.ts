const CHINA_OFFSET_MS = 8 * 3_600_000; // China Standard Time, no daylight saving

/**
 * The calendar day of `at` in China time (UTC+8) as `YYYY-MM-DD`: the day of per-day coupon
 * limits and of the dashboard's day counters.
 * @example chinaDayKey(new Date('2025-01-01T17:00:00Z')) // '2025-01-02'
 */
export function chinaDayKey(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
