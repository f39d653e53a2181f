import { chinaDayKey } from './china-day';

it('per-day coupon limits and the dashboard’s day counters count China calendar days (UTC+8)', () => {
  expect(chinaDayKey(new Date('2025-01-01T15:59:59Z'))).toBe('2025-01-01');
  expect(chinaDayKey(new Date('2025-01-01T16:00:00Z'))).toBe('2025-01-02');
  expect(chinaDayKey(new Date('2025-03-01T15:59:59Z'))).toBe('2025-03-01');
  expect(chinaDayKey(new Date('2025-03-01T16:00:00Z'))).toBe('2025-03-02');
});
