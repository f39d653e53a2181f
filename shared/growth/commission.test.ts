import fc from 'fast-check';
import { ledgerTotals, lineCommission, reversalFen, splitCommission, type CommissionPlan } from './commission';

const plan: CommissionPlan = {
  _id: 'default',
  status: 'active',
  defaultRule: { type: 'percent', rateBp: 1000 },
  overrides: { p02: { type: 'fixed', perUnitFen: 500 }, p03: { type: 'percent', rateBp: 2500 } },
};

describe('commission', () => {
  it.each([
    ['percent of the paid amount', { type: 'percent', rateBp: 1000 } as const, 2, 9900, 990],
    ['percent rounds down to the fen', { type: 'percent', rateBp: 1000 } as const, 1, 999, 99],
    ['fixed is per unit', { type: 'fixed', perUnitFen: 500 } as const, 3, 9000, 1500],
    ['fixed never exceeds what was paid', { type: 'fixed', perUnitFen: 500 } as const, 3, 1000, 1000],
    ['nothing on a free line', { type: 'percent', rateBp: 1000 } as const, 1, 0, 0],
  ])('%s', (_t, rule, qty, paidFen, expected) => {
    expect(lineCommission(rule, { lineId: 'l', productId: 'p', qty, paidFen })).toBe(expected);
  });

  it('uses per-product overrides, else the default, on the paid amount', () => {
    const out = splitCommission(plan, [
      { lineId: 'l1', productId: 'p01', qty: 1, paidFen: 8000 },
      { lineId: 'l2', productId: 'p02', qty: 2, paidFen: 5000 },
      { lineId: 'l3', productId: 'p03', qty: 1, paidFen: 4000 },
    ]);
    expect(out.map((l) => l.amountFen)).toEqual([800, 1000, 1000]);
  });

  it('reversals of any split of a full refund add up to the whole commission', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 10_000 }), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 }), (paid, bp, weights) => {
        const commission = Math.floor((paid * bp) / 10_000);
        const total = weights.reduce((a, b) => a + b, 0);
        let refunded = 0;
        let reversed = 0;
        weights.forEach((w, i) => {
          const part = i === weights.length - 1 ? paid - refunded : Math.floor((paid * w) / total);
          const r = reversalFen(commission, paid, refunded, part);
          expect(r).toBeGreaterThanOrEqual(0);
          reversed += r;
          refunded += part;
        });
        expect(reversed).toBe(commission);
      }),
    );
  });

  it('a partial refund reverses proportionally', () => {
    expect(reversalFen(990, 9900, 0, 4950)).toBe(495);
    expect(reversalFen(1000, 3000, 0, 1000)).toBe(333);
    expect(reversalFen(1000, 3000, 1000, 2000)).toBe(667);
  });

  it('totals: reversal after settlement lowers settleable, even below zero after a payout', () => {
    const t = ledgerTotals([
      { kind: 'pending', orderId: 'o1', lineId: 'l1', amountFen: 1000 },
      { kind: 'pending', orderId: 'o1', lineId: 'l2', amountFen: 500 },
      { kind: 'reversed', orderId: 'o1', lineId: 'l2', amountFen: 200 },
      { kind: 'settleable', orderId: 'o1', lineId: 'l1', amountFen: 1000 },
      { kind: 'paid', orderId: 'payout1', lineId: '-', amountFen: 1000 },
      { kind: 'reversed', orderId: 'o1', lineId: 'l1', amountFen: 1000 },
    ]);
    expect(t).toEqual({ pendingFen: 300, settleableFen: -1000, paidFen: 1000, reversedFen: 1200, owedFen: -700 });
  });
});
