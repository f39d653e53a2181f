const CHINA_OFFSET_MS = 8 * 3_600_000; // China Standard Time, no daylight saving

/**
 * The calendar day of `at` in China time (UTC+8) as `YYYY-MM-DD`: the day of per-day coupon
 * limits and of the dashboard's day counters.
 * @example chinaDayKey(new Date('2025-01-01T17:00:00Z')) // '2025-01-02'
 */
export function chinaDayKey(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The instants of China-time days `from` to `to` (both included, `YYYY-MM-DD`): `[startAt, endAt)`.
 * @example chinaDayRange('2026-06-01', '2026-06-01') // { startAt: 2026-05-31T16:00Z, endAt: 2026-06-01T16:00Z }
 */
export function chinaDayRange(from: string, to: string): { startAt: Date; endAt: Date } {
  const startAt = new Date(Date.parse(`${from}T00:00:00Z`) - CHINA_OFFSET_MS);
  const endAt = new Date(Date.parse(`${to}T00:00:00Z`) - CHINA_OFFSET_MS + 86_400_000);
  return { startAt, endAt };
}

/**
 * `at` as China-time `YYYY-MM-DD HH:mm:ss` (what a spreadsheet shows a person).
 * @example chinaDateTime(new Date('2026-06-01T02:00:00Z')) // '2026-06-01 10:00:00'
 */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
