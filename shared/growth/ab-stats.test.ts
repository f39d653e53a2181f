import fc from 'fast-check';
import { compareArms, differenceInterval, wilsonInterval } from './ab-stats';

const round4 = (i: { low: number; high: number } | null) => i && { low: Number(i.low.toFixed(4)), high: Number(i.high.toFixed(4)) };

describe('wilsonInterval', () => {
  it.each([
    // Newcombe 1998, table I (95 % score interval without continuity correction)
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → [%f, %f]', (s, n, low, high) => {
    expect(round4(wilsonInterval(s, n))).toEqual({ low, high });
  });
  it('has no interval without trials', () => expect(wilsonInterval(0, 0)).toBeNull());
});

describe('differenceInterval (Newcombe hybrid score)', () => {
  it.each([
    // Newcombe 1998, table II, method 10
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [6, 7, 2, 7, 0.0582, 0.8062],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])('%i/%i − %i/%i → [%f, %f]', (s1, n1, s2, n2, low, high) => {
    expect(round4(differenceInterval(s1, n1, s2, n2))).toEqual({ low, high });
  });

  it('contains the observed difference and stays inside [-1, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n1, n2, f1, f2) => {
        const s1 = Math.round(f1 * n1);
        const s2 = Math.round(f2 * n2);
        const i = differenceInterval(s1, n1, s2, n2)!;
        const d = s1 / n1 - s2 / n2;
        expect(i.low).toBeLessThanOrEqual(d + 1e-12);
        expect(i.high).toBeGreaterThanOrEqual(d - 1e-12);
        expect(i.low).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(i.high).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});

describe('compareArms', () => {
  it('compares each arm with the first and says whether the interval excludes 0', () => {
    const [control, treated] = compareArms([
      { variant: 'plain', exposures: 80, conversions: 48 },
      { variant: 'discount', exposures: 70, conversions: 56 },
    ]);
    expect(control).toMatchObject({ variant: 'plain', rate: 0.6, difference: null, differenceInterval: null, significant: false });
    expect(treated.difference).toBeCloseTo(0.2, 10);
    expect(round4(treated.differenceInterval)).toEqual({ low: 0.0524, high: 0.3339 });
    expect(treated.significant).toBe(true);
  });

  it('is not significant while the interval spans 0', () => {
    const [, b] = compareArms([
      { variant: 'a', exposures: 10, conversions: 3 },
      { variant: 'b', exposures: 12, conversions: 5 },
    ]);
    expect(b.differenceInterval!.low).toBeLessThan(0);
    expect(b.differenceInterval!.high).toBeGreaterThan(0);
    expect(b.significant).toBe(false);
  });

  it('has no difference for an arm without exposures, and clamps conversions to exposures', () => {
    const [a, b] = compareArms([
      { variant: 'a', exposures: 2, conversions: 5 },
      { variant: 'b', exposures: 0, conversions: 0 },
    ]);
    expect(a).toMatchObject({ conversions: 2, rate: 1 });
    expect(b).toMatchObject({ rate: 0, rateInterval: null, difference: null, differenceInterval: null, significant: false });
  });
});
