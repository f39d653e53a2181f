import fc from 'fast-check';
import { splitByLargestRemainder } from './split';

describe('splitByLargestRemainder', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [5000, 3000, 2000], [5, 3, 2]],
    [7, [1, 2], [2, 5]],
    [0, [3, 4], [0, 0]],
    [1500, [12000], [1500]],
    [1, [0, 5, 5], [0, 1, 0]],
  ])('splits %i over %j into %j', (total, weights, expected) => {
    expect(splitByLargestRemainder(total, weights)).toEqual(expected);
  });

  it('refuses negative, fractional and unsplittable input', () => {
    expect(() => splitByLargestRemainder(-1, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1.5, [1])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(5, [0, 0])).toThrow(RangeError);
  });

  it('parts always sum to the total and never exceed their weight when total ≤ sum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 12 }), fc.double({ min: 0, max: 1, noNaN: true }), (weights, f) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        fc.pre(sum > 0);
        const total = Math.floor(sum * f);
        const parts = splitByLargestRemainder(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(weights[i]);
        });
      }),
    );
  });
});
