/**
 * Days as the functions count them: `YYYY-MM-DD` in China time (UTC+8, no DST), the key of the
 * growth day counters that admin.dashboard {from, to} sums.
 */
const CN_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** The China-time day of an instant. */
export function chinaDay(ms: number): string {
  return new Date(ms + CN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The `n` days ending at `last` (`YYYY-MM-DD`), oldest first. */
export function daysEndingAt(last: string, n: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * DAY_MS).toISOString().slice(0, 10));
}

export function isDay(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
}
