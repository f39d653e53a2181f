import fc from 'fast-check';
import { priceCart, type CartLine } from './price-cart';
import type { CouponRule } from '../coupons/kinds';
import type { CouponScope } from '../promotions';
import { chooseBestCoupon } from '../coupons/best-coupon';
import type { Coupon } from '../coupons/coupon';

const line = (lineId: string, productId: string, unitPriceFen: number, qty = 1): CartLine => ({
  lineId,
  productId,
  skuId: `${productId}-s1`,
  title: productId,
  skuName: 's1',
  qty,
  unitPriceFen,
  listPriceFen: unitPriceFen,
});

describe('priceCart', () => {
  it('no coupon: total is the subtotal', () => {
    const r = priceCart({ lines: [line('L1', 'p01', 1990, 2)] });
    expect(r).toMatchObject({ subtotalFen: 3980, discountFen: 0, totalFen: 3980 });
  });

  it('满减 splits its discount across lines by largest remainder', () => {
    const r = priceCart({
      lines: [line('L1', 'p01', 5000), line('L2', 'p02', 3000), line('L3', 'p03', 2001)],
      coupon: { rule: { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1000 }, scope: { mode: 'all' } },
    });
    expect(r.couponDiscountFen).toBe(1000);
    expect(r.lines.map((l) => l.couponDiscountFen)).toEqual([500, 300, 200]);
    expect(r.totalFen).toBe(9001);
  });

  it('the coupon only touches lines in scope', () => {
    const r = priceCart({
      lines: [line('L1', 'p01', 5000), line('L2', 'p12', 5000)],
      coupon: { rule: { kind: 'percent_off', percentOff: 20, maxDiscountFen: 3000 }, scope: { mode: 'excluded', productIds: ['p12'] } },
    });
    expect(r.lines.map((l) => l.couponDiscountFen)).toEqual([1000, 0]);
    expect(r.couponEligibleFen).toBe(5000);
  });

  it('the activity discount (leader perk) applies before the coupon', () => {
    const r = priceCart({
      lines: [line('L1', 'p02', 9900)],
      activityDiscountFen: 1000,
      coupon: { rule: { kind: 'threshold_off', thresholdFen: 9000, amountOffFen: 500 }, scope: { mode: 'all' } },
    });
    expect(r).toMatchObject({ activityDiscountFen: 1000, couponEligibleFen: 8900, couponDiscountFen: 0, totalFen: 8900 });
  });

  const ruleArb: fc.Arbitrary<CouponRule> = fc.oneof(
    fc.record({ kind: fc.constant('threshold_off' as const), thresholdFen: fc.integer({ min: 1, max: 50000 }), amountOffFen: fc.integer({ min: 1, max: 50000 }) }),
    fc.record({ kind: fc.constant('percent_off' as const), percentOff: fc.integer({ min: 1, max: 99 }), maxDiscountFen: fc.integer({ min: 1, max: 100000 }) }),
    fc.record({ kind: fc.constant('flat_off' as const), amountOffFen: fc.integer({ min: 1, max: 100000 }) }),
  );
  const scopeArb: fc.Arbitrary<CouponScope> = fc.oneof(
    fc.constant({ mode: 'all' as const }),
    fc.record({ mode: fc.constant('listed' as const), productIds: fc.subarray(['p01', 'p02', 'p03', 'p04'], { minLength: 1 }) }),
    fc.record({ mode: fc.constant('excluded' as const), productIds: fc.subarray(['p01', 'p02', 'p03', 'p04'], { minLength: 1 }) }),
  );
  const linesArb = fc.array(
    fc.record({ productId: fc.constantFrom('p01', 'p02', 'p03', 'p04'), unitPriceFen: fc.integer({ min: 0, max: 99999 }), qty: fc.integer({ min: 1, max: 5 }) }),
    { minLength: 1, maxLength: 8 },
  );

  it('property: line discounts sum to the order discount and no line goes below zero', () => {
    fc.assert(
      fc.property(linesArb, ruleArb, scopeArb, fc.integer({ min: 0, max: 5000 }), (raw, rule, scope, activity) => {
        const lines = raw.map((r, i) => line(`L${i + 1}`, r.productId, r.unitPriceFen, r.qty));
        const r = priceCart({ lines, activityDiscountFen: activity, coupon: { rule, scope } });
        const sum = (f: (l: (typeof r.lines)[number]) => number) => r.lines.reduce((a, l) => a + f(l), 0);
        expect(sum((l) => l.discountFen)).toBe(r.discountFen);
        expect(sum((l) => l.couponDiscountFen)).toBe(r.couponDiscountFen);
        expect(sum((l) => l.activityDiscountFen)).toBe(r.activityDiscountFen);
        expect(sum((l) => l.paidFen)).toBe(r.totalFen);
        expect(r.totalFen).toBe(r.subtotalFen - r.discountFen);
        for (const l of r.lines) {
          expect(l.paidFen).toBeGreaterThanOrEqual(0);
          expect(l.paidFen).toBe(l.subtotalFen - l.discountFen);
        }
      }),
    );
  });
});

describe('priceCart with shipping', () => {
  const terms = { flatFeeFen: 600, freeOverFen: 5900 };
  const flat5 = { rule: { kind: 'flat_off' as const, amountOffFen: 500 }, scope: { mode: 'all' as const } };
  const linesArb = fc.array(fc.record({ productId: fc.constantFrom('p01', 'p02'), unitPriceFen: fc.integer({ min: 0, max: 99999 }), qty: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 8 });

  it.each([
    ['below the free amount: the flat fee', [line('L1', 'p12', 1990)], null, 600, 2590],
    ['exactly at the free amount: free', [line('L1', 'p01', 5900)], null, 0, 5900],
    ['above it before the coupon, below it after: the fee (free is on the goods paid)', [line('L1', 'p01', 6000)], flat5, 600, 6100],
  ] as const)('%s', (_title, lines, coupon, shippingFen, totalFen) => {
    const r = priceCart({ lines: [...lines], coupon, shipping: terms });
    expect([r.shippingFen, r.totalFen]).toEqual([shippingFen, totalFen]);
  });

  it('property: shipping is never split into lines — the lines pay the goods, the order pays the goods and the shipping', () => {
    fc.assert(
      fc.property(linesArb, fc.integer({ min: 0, max: 2000 }), fc.option(fc.integer({ min: 0, max: 200000 }), { nil: null }), fc.integer({ min: 0, max: 5000 }), (raw, fee, freeOver, activity) => {
        const lines = raw.map((r, i) => line(`L${i + 1}`, r.productId, r.unitPriceFen, r.qty));
        const r = priceCart({ lines, activityDiscountFen: activity, coupon: flat5, shipping: { flatFeeFen: fee, freeOverFen: freeOver } });
        const goods = r.lines.reduce((a, l) => a + l.paidFen, 0);
        expect(goods).toBe(r.subtotalFen - r.discountFen);
        expect(r.totalFen).toBe(goods + r.shippingFen);
        expect(r.shippingFen).toBe(freeOver !== null && goods >= freeOver ? 0 : fee);
        // The same cart without shipping prices its lines identically (largest-remainder split unchanged).
        expect(priceCart({ lines, activityDiscountFen: activity, coupon: flat5 }).lines).toEqual(r.lines);
      }),
    );
  });
});

/** A claimed coupon, usable on 2025-03-01 (`now` below). */
const coupon = (id: string, rule: CouponRule, extra: Partial<Coupon> = {}): Coupon => ({
  _id: id,
  templateId: 't',
  ownerOpenid: 'o',
  title: id,
  rule,
  scope: { mode: 'all' },
  allowOnGroup: false,
  status: 'unused',
  claimedAt: new Date('2025-03-01T00:00:00Z'),
  validFromAt: new Date('2025-02-01T00:00:00Z'),
  validToAt: new Date('2025-04-01T00:00:00Z'),
  orderId: null,
  ...extra,
});

describe('chooseBestCoupon', () => {
  const now = new Date('2025-03-01T00:00:00Z');
  const cart = [line('L1', 'p01', 12000)];

  it('picks the largest discount, skipping used, expired and not-applicable coupons', () => {
    const { best, options } = chooseBestCoupon(
      cart,
      [
        coupon('flat5', { kind: 'flat_off', amountOffFen: 500 }),
        coupon('man15', { kind: 'threshold_off', thresholdFen: 10000, amountOffFen: 1500 }),
        coupon('man50', { kind: 'threshold_off', thresholdFen: 20000, amountOffFen: 5000 }),
        coupon('used', { kind: 'flat_off', amountOffFen: 9000 }, { status: 'used' }),
        coupon('old', { kind: 'flat_off', amountOffFen: 9000 }, { validToAt: now }),
      ],
      now,
      { isGroupOrder: false },
    );
    expect(best?.couponId).toBe('man15');
    expect(options.map((o) => [o.couponId, o.discountFen])).toEqual([['man15', 1500], ['flat5', 500], ['man50', 0]]);
  });

  it('ties go to the coupon that expires first', () => {
    const { best } = chooseBestCoupon(
      cart,
      [
        coupon('late', { kind: 'flat_off', amountOffFen: 500 }),
        coupon('soon', { kind: 'flat_off', amountOffFen: 500 }, { validToAt: new Date('2025-03-02T00:00:00Z') }),
      ],
      now,
      { isGroupOrder: false },
    );
    expect(best?.couponId).toBe('soon');
  });

  it('no coupon on a group order unless the coupon allows it', () => {
    const { best } = chooseBestCoupon(cart, [coupon('flat5', { kind: 'flat_off', amountOffFen: 500 })], now, { isGroupOrder: true });
    expect(best).toBeNull();
    const allowed = chooseBestCoupon(cart, [coupon('g', { kind: 'flat_off', amountOffFen: 500 }, { allowOnGroup: true })], now, { isGroupOrder: true });
    expect(allowed.best?.couponId).toBe('g');
  });
});

describe('chooseBestCoupon with shipping', () => {
  const now = new Date('2025-03-01T00:00:00Z');
  const flat = (id: string, amountOffFen: number): Coupon => coupon(id, { kind: 'flat_off', amountOffFen });
  const shipping = { flatFeeFen: 600, freeOverFen: 9500 };

  it('a coupon that costs the free shipping more than it saves is not the best; none is', () => {
    const { best, options } = chooseBestCoupon([line('L1', 'p03', 9800)], [flat('flat5', 500)], now, { isGroupOrder: false, shipping });
    expect(best).toBeNull();
    expect(options).toEqual([{ couponId: 'flat5', title: 'flat5', discountFen: 500, applicable: true }]);
  });

  it('ranks by what the customer pays: a smaller coupon that keeps free shipping beats a larger one that loses it', () => {
    const { best, options } = chooseBestCoupon([line('L1', 'p03', 9800)], [flat('flat5', 500), flat('flat3', 300)], now, { isGroupOrder: false, shipping });
    expect(best?.couponId).toBe('flat3');
    expect(options.map((o) => o.couponId)).toEqual(['flat3', 'flat5']);
  });
});
