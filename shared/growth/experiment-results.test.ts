import { experimentResults } from './experiment-results';
import { experimentSchema } from './experiments';

const arm = (name: string, cardTitle: string) => ({ name, weight: 1, value: { cardTitle } });
const doc = experimentSchema.parse({ _id: 'exp_card', key: 'cardCopy', status: 'active', varies: 'card', variants: [arm('plain', '{title}'), arm('discount', '限时优惠 {title}')] });

describe('experimentResults', () => {
  it('judges a card experiment on opens → binds, control first in the document order', () => {
    const r = experimentResults('cardCopy', doc, { discount: { opens: 70, binds: 56, orders: 3 }, plain: { opens: 80, binds: 48 } });
    expect(r).toMatchObject({ key: 'cardCopy', varies: 'card', exposure: 'opens', conversion: 'binds' });
    expect(r.arms.map((a) => [a.variant, a.exposures, a.conversions])).toEqual([
      ['plain', 80, 48],
      ['discount', 70, 56],
    ]);
    expect(r.arms[1].significant).toBe(true);
  });

  it('lists an arm with no counts yet, and a counted variant the document no longer lists after it', () => {
    const r = experimentResults('cardCopy', doc, { old: { opens: 1 }, discount: { opens: 2, binds: 1 } });
    expect(r.arms.map((a) => a.variant)).toEqual(['plain', 'discount', 'old']);
    expect(r.arms[0]).toMatchObject({ exposures: 0, conversions: 0, rateInterval: null });
    expect(r.arms[1]).toMatchObject({ difference: null, significant: false });
  });

  it('judges an experiment without a treatment (or without a document) on orders → paid orders', () => {
    const r = experimentResults('legacy', undefined, { b: { orders: 4, paidOrders: 1 }, a: { orders: 5, paidOrders: 5 } });
    expect(r).toMatchObject({ varies: null, exposure: 'orders', conversion: 'paidOrders' });
    expect(r.arms.map((a) => a.variant)).toEqual(['a', 'b']);
  });
});
