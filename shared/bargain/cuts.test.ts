/** The seeded cuts: exact sums, positive parts, determinism (table and property tests). */
import fc from 'fast-check';
import { cutsOf, priceAfter, seededDraw } from './cuts';

describe('cutsOf', () => {
  it.each([
    ['b1', 1000, 1],
    ['b1', 1000, 3],
    ['b2', 1000, 3],
    ['b1', 5, 5],
    ['b1', 2880, 10],
    ['bX', 99_999, 500],
  ])('bargain %s: %i fen among %i helpers — positive parts that sum exactly', (bargainId, totalFen, helpersNeeded) => {
    const cuts = cutsOf({ bargainId, totalFen, helpersNeeded });
    expect(cuts).toHaveLength(helpersNeeded);
    expect(cuts.every((c) => Number.isInteger(c) && c >= 1)).toBe(true);
    expect(cuts.reduce((a, b) => a + b, 0)).toBe(totalFen);
  });

  it('is the same for the same bargain and differs between bargains', () => {
    const plan = { bargainId: 'b_same', totalFen: 2880, helpersNeeded: 5 };
    expect(cutsOf(plan)).toEqual(cutsOf({ ...plan }));
    expect(cutsOf(plan)).not.toEqual(cutsOf({ ...plan, bargainId: 'b_other' }));
    expect(seededDraw('b_same', 3)).toBe(seededDraw('b_same', 3));
  });

  it('one helper takes the whole distance; fewer fen than helpers is refused', () => {
    expect(cutsOf({ bargainId: 'b', totalFen: 777, helpersNeeded: 1 })).toEqual([777]);
    expect(() => cutsOf({ bargainId: 'b', totalFen: 4, helpersNeeded: 5 })).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
    expect(() => cutsOf({ bargainId: 'b', totalFen: 10, helpersNeeded: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('the first cut is the biggest share on average (earlier helpers weigh more)', () => {
    const firsts = Array.from({ length: 200 }, (_, i) => cutsOf({ bargainId: `b${i}`, totalFen: 10_000, helpersNeeded: 10 }));
    const mean = (k: number) => firsts.reduce((s, c) => s + c[k], 0) / firsts.length;
    expect(mean(0)).toBeGreaterThan(mean(9));
  });
});

describe('priceAfter (property)', () => {
  it('never goes below the floor, lands on it after N helpers, and start − reached = the sum of the cuts counted', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 80 }),
        (bargainId, helpersNeeded, extraFen, floorFen, helps) => {
          const totalFen = helpersNeeded + extraFen;
          const startFen = floorFen + totalFen;
          const plan = { bargainId, totalFen, helpersNeeded };
          const cuts = cutsOf(plan);
          const reached = priceAfter(plan, startFen, helps);
          expect(reached).toBeGreaterThanOrEqual(floorFen);
          expect(startFen - reached).toBe(cuts.slice(0, Math.min(helps, helpersNeeded)).reduce((a, b) => a + b, 0));
          expect(priceAfter(plan, startFen, helpersNeeded)).toBe(floorFen);
          if (helps < helpersNeeded) expect(reached).toBeGreaterThan(floorFen);
        },
      ),
    );
  });
});
