import { chinaDateTime, chinaDayKey, chinaDayRange } from './china-day';

it('per-day coupon limits and the dashboard’s day counters count China calendar days (UTC+8)', () => {
  expect(chinaDayKey(new Date('2025-01-01T15:59:59Z'))).toBe('2025-01-01');
  expect(chinaDayKey(new Date('2025-01-01T16:00:00Z'))).toBe('2025-01-02');
  expect(chinaDayKey(new Date('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
  expect(chinaDayKey(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
});

it('an export period of China days is [00:00 of from, 00:00 after to) in China time', () => {
  expect(chinaDayRange('2026-06-01', '2026-06-01')).toEqual({ startAt: new Date('2026-05-31T16:00:00Z'), endAt: new Date('2026-06-01T16:00:00Z') });
  expect(chinaDayRange('2026-02-28', '2026-03-01')).toEqual({ startAt: new Date('2026-02-27T16:00:00Z'), endAt: new Date('2026-03-01T16:00:00Z') });
  expect(chinaDateTime(new Date('2026-06-01T15:59:59Z'))).toBe('2026-06-01 23:59:59');
  expect(chinaDateTime(new Date('2026-06-01T16:00:00Z'))).toBe('2026-06-02 00:00:00');
});
