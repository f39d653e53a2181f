import { couponRuleSchema } from '../promotions/coupon-template.schema';
import { COUPON_KINDS, couponDiscountFen } from './kinds';
import { isInScope } from './scope';
import { couponWindow } from './validity';
import type { CouponRule } from './kinds';

describe('coupon kinds', () => {
  const man: CouponRule = { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 };
  const zhe: CouponRule = { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 };
  const zheFrom: CouponRule = { kind: 'percent_off', percentOff: 10, maxDiscountFen: 3000, thresholdFen: 5000 };
  const flat: CouponRule = { kind: 'flat_off', amountOffFen: 500 };
  it.each([
    ['满减 below the threshold gives nothing', man, 9999, 0],
    ['满减 at the threshold', man, 10000, 1500],
    ['满减 above the threshold', man, 50000, 1500],
    ['折扣 percent, floored to the fen', zhe, 999, 199],
    ['折扣 capped at maxDiscountFen', zhe, 100000, 3000],
    ['折扣 with threshold, below', zheFrom, 4999, 0],
    ['折扣 with threshold, reached', zheFrom, 5000, 500],
    ['无门槛 on a small cart never goes below zero', flat, 300, 300],
    ['无门槛 on an empty cart gives nothing', flat, 0, 0],
    ['无门槛 normal', flat, 2000, 500],
  ])('%s', (_title, rule, eligible, expected) => {
    expect(couponDiscountFen(rule, eligible)).toBe(expected);
  });

  it('the registry is the one list of kinds: the rule schema takes exactly those, each kind once', () => {
    expect(COUPON_KINDS.map((k) => k.kind)).toEqual(['threshold_off', 'percent_off', 'flat_off']);
    for (const rule of [man, zhe, zheFrom, flat]) expect(couponRuleSchema.parse(rule)).toEqual(rule);
    expect(couponRuleSchema.safeParse({ kind: 'bogus', amountOffFen: 500 }).success).toBe(false);
  });

  it('an unknown kind is an error, not a silent zero', () => {
    expect(() => couponDiscountFen({ kind: 'bogus' } as unknown as CouponRule, 100)).toThrow(/unknown coupon kind/);
  });
});

describe('coupon scope', () => {
  it.each([
    [{ mode: 'all' as const }, 'p01', true],
    [{ mode: 'listed' as const, productIds: ['p01'] }, 'p01', true],
    [{ mode: 'listed' as const, productIds: ['p01'] }, 'p02', false],
    [{ mode: 'excluded' as const, productIds: ['p01'] }, 'p01', false],
    [{ mode: 'excluded' as const, productIds: ['p01'] }, 'p02', true],
  ])('%j contains %s: %s', (scope, productId, expected) => {
    expect(isInScope(scope, productId)).toBe(expected);
  });
});

describe('coupon validity', () => {
  const claimedAt = new Date('2025-03-01T10:00:00Z');
  it('N days from claim', () => {
    expect(couponWindow({ mode: 'days', days: 7 }, claimedAt)).toEqual({
      validFromAt: claimedAt,
      validToAt: new Date('2025-03-08T10:00:00Z'),
    });
  });
  it('a fixed window ignores the claim time', () => {
    const fromAt = new Date('2025-01-01T00:00:00Z');
    const toAt = new Date('2025-12-31T00:00:00Z');
    expect(couponWindow({ mode: 'window', fromAt, toAt }, claimedAt)).toEqual({ validFromAt: fromAt, validToAt: toAt });
  });
});
