import { decideDelivery, NO_DELIVERY } from './delivery';
import { FREE_SHIPPING, shippingFeeFen } from './fee';
import { readShippingRules, shippingTermsFor, type ShippingRulesRead } from './rules';
import { emptyBook, decideSaveAddress, addressInputSchema } from '../address/address';

const NOW = new Date('2026-06-01T02:00:00Z');
const RULES = { _id: 'shipping', flatFeeFen: 600, freeOverFen: 5900, notServed: ['西藏自治区'] };
const valid: ShippingRulesRead = readShippingRules(RULES);
const book = decideSaveAddress(emptyBook('o1', NOW), addressInputSchema.parse({ name: '卓玛', phone: '13900000000', province: '西藏', city: '拉萨市', district: '城关区', detail: '北京中路1号' }), 'a_tibet', NOW).book;
const withHome = decideSaveAddress(book, addressInputSchema.parse({ name: '小美', phone: '13800000001', province: '广东', city: '深圳市', district: '南山区', detail: '科苑路15号' }), 'a_home', NOW).book;

describe('shipping rules', () => {
  it('reads absent, valid and invalid documents; the problems name the fields', () => {
    expect(readShippingRules(undefined)).toEqual({ state: 'absent' });
    expect(valid).toMatchObject({ state: 'valid', rules: { flatFeeFen: 600, freeOverFen: 5900 } });
    const bad = readShippingRules({ ...RULES, flatFeeFen: 1.5, notServed: ['西藏', '西藏自治区', '西藏自治区'], extra: 1 });
    expect(bad.state === 'invalid' && bad.problems.map((p) => p.split(':')[0])).toEqual(['flatFeeFen', 'notServed.0', 'notServed', 'extra']);
  });

  it.each([
    [599, 600],
    [5899, 600],
    [5900, 0],
    [99999, 0],
  ])('goods paid %i → fee %i (free at or above 5900)', (goods, fee) => {
    expect(shippingFeeFen(shippingTermsFor(valid, null), goods)).toBe(fee);
  });

  it('never free without a free amount; no document: no fee', () => {
    expect(shippingFeeFen({ flatFeeFen: 600, freeOverFen: null }, 10_000_000)).toBe(600);
    expect(shippingTermsFor({ state: 'absent' }, '西藏自治区')).toBe(FREE_SHIPPING);
  });

  it('refuses a province not served (NOT_ELIGIBLE) and invalid rules (FAILED_PRECONDITION)', () => {
    expect(() => shippingTermsFor(valid, '西藏自治区')).toThrow(expect.objectContaining({ code: 'NOT_ELIGIBLE' }));
    expect(() => shippingTermsFor(readShippingRules({ ...RULES, flatFeeFen: -1 }), '广东省')).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
  });
});

describe('decideDelivery', () => {
  const at = (over: Partial<Parameters<typeof decideDelivery>[0]>) => decideDelivery({ shipsGoods: true, rules: valid, book: withHome, addressId: 'a_home', requireAddress: true, ...over });

  it('snapshots the chosen address with the terms for its province', () => {
    expect(at({})).toEqual({ address: expect.objectContaining({ addressId: 'a_home', province: '广东省' }), shipping: { flatFeeFen: 600, freeOverFen: 5900 } });
    expect(at({}).address).not.toHaveProperty('updatedAt');
  });

  it.each([
    ['no address on create', { addressId: undefined }, 'INVALID_ARGUMENT'],
    ['an address not in the book', { addressId: 'a_other' }, 'NOT_FOUND'],
    ['no book at all', { book: null }, 'NOT_FOUND'],
    ['a province not served', { addressId: 'a_tibet' }, 'NOT_ELIGIBLE'],
    ['invalid rules', { rules: readShippingRules({ notServed: 'all' }) }, 'FAILED_PRECONDITION'],
  ] as const)('refuses %s', (_what, over, code) => {
    expect(() => at(over)).toThrow(expect.objectContaining({ code }));
  });

  it('a quote without an address prices the fee without a region; nothing to ship needs nothing', () => {
    expect(at({ addressId: undefined, requireAddress: false })).toEqual({ address: null, shipping: { flatFeeFen: 600, freeOverFen: 5900 } });
    expect(at({ shipsGoods: false, addressId: undefined, rules: readShippingRules({ bad: true }) })).toBe(NO_DELIVERY);
  });
});
