/** Given/when/then for flash sales: the buy rule, the phases, and the order's effects (no database). */
import { decider } from '../../tests/support/decider';
import { anOrder, NOW } from '../../tests/support/fixtures';
import { decideOrder } from '../lifecycle/order';
import type { FlashSale } from '../promotions/flash-sale.schema';
import { flashSaleSchema } from '../promotions/flash-sale.schema';
import { decideFlashBuy, flashBuyerKey, flashPhaseOf, type FlashBuyer } from './flash-sale';

const HOUR = 3600 * 1000;
const sale = (over: Partial<FlashSale> = {}): FlashSale => ({
  _id: 'fs1',
  title: '秒杀',
  status: 'active',
  startAt: new Date(NOW.getTime() - HOUR),
  endAt: new Date(NOW.getTime() + HOUR),
  productId: 'p1',
  skuId: 'p1-s1',
  flashPriceFen: 5900,
  listPriceFen: 8800,
  quantity: 3,
  perUserLimit: 1,
  taken: 0,
  ...over,
});
const NEW: FlashBuyer = { openid: 'o1', isNewCustomer: true };
const buy = decider((s: FlashSale, b: FlashBuyer, now: Date) => decideFlashBuy(s, b, now));

describe('decideFlashBuy', () => {
  it('given a live sale with units left, when a customer under the limit buys, then the terms of the unit', () => {
    buy.given(sale()).when(NEW, NOW).then({ flashId: 'fs1', quantity: 3, perUserLimit: 1 });
  });

  it.each([
    ['not started', sale({ startAt: new Date(NOW.getTime() + 1) }), NEW, 'NOT_ELIGIBLE'],
    ['over at its end', sale({ endAt: NOW }), NEW, 'EXPIRED'],
    ['paused', sale({ status: 'paused' }), NEW, 'EXPIRED'],
    ['every unit taken', sale({ taken: 3 }), NEW, 'SOLD_OUT'],
    ['the customer at the limit', sale({ buyers: { o1: ['oA'] } }), NEW, 'LIMIT_REACHED'],
    ['a returning customer of a new-customers-only sale', sale({ newCustomersOnly: true }), { openid: 'o1', isNewCustomer: false }, 'NOT_ELIGIBLE'],
  ] as const)('given %s, then the buy is refused', (_name, s, b, code) => {
    buy.given(s).when(b, NOW).thenRefused(code);
  });

  it('the phase follows the clock and the units: upcoming, live, sold out, ended', () => {
    expect(flashPhaseOf(sale(), new Date(NOW.getTime() - 2 * HOUR))).toBe('upcoming');
    expect(flashPhaseOf(sale(), NOW)).toBe('live');
    expect(flashPhaseOf(sale({ taken: 3 }), NOW)).toBe('sold_out');
    expect(flashPhaseOf(sale(), new Date(NOW.getTime() + HOUR))).toBe('ended');
  });

  it('a customer key is the openid when it is a safe field name, never a dotted or dollar path otherwise', () => {
    expect(flashBuyerKey('oAbC-12_x')).toBe('oAbC-12_x');
    expect(flashBuyerKey('a.b$c')).toMatch(/^x[0-9a-f]+$/);
  });

  it('the schema refuses a flash price at or above the list price and more taken than on sale', () => {
    expect(flashSaleSchema.safeParse({ ...sale(), flashPriceFen: 8800 }).success).toBe(false);
    expect(flashSaleSchema.safeParse({ ...sale(), taken: 4 }).success).toBe(false);
    expect(flashSaleSchema.safeParse(sale()).success).toBe(true);
  });
});

describe('a flash order released', () => {
  it('given an unpaid flash order, when closed at its deadline, then its unit goes back to the sale with its stock', () => {
    const order = anOrder({ flash: { flashId: 'fs1', quantity: 3, perUserLimit: 1 } });
    const decision = decideOrder(order, { type: 'close', reason: 'pay_timeout' }, NOW);
    expect(decision.effects).toEqual(
      expect.arrayContaining([
        { type: 'returnFlash', flashId: 'fs1', buyerKey: flashBuyerKey(order.buyerOpenid), orderId: order._id },
        expect.objectContaining({ type: 'returnStock' }),
      ]),
    );
  });
});
