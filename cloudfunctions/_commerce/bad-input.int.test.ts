import { startTestCloud, type TestCloud } from '../../emulator/testing';
import { HOME } from '../../tests/support/commerce';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.close();
});

// [function, event, caller] — every commerce action with malformed input.
const cases: Array<[string, unknown, string | undefined]> = [
  ['coupon', { action: 'list', extra: 1 }, 'o_cust_1'],
  ['coupon', { action: 'claim' }, 'o_cust_1'],
  ['coupon', { action: 'claim', templateId: 42 }, 'o_cust_1'],
  ['coupon', { action: 'mine', status: 'gone' }, 'o_cust_1'],
  ['coupon', { action: 'steal' }, 'o_cust_1'],
  ['groupbuy', { action: 'open', dealId: 'gd_p01_duo' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, dealId: '', idempotencyKey: 'key-bad-0010' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, teamId: ['t'], idempotencyKey: 'key-bad-0011' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', teamId: 't1', idempotencyKey: 'key-bad-0012' }, 'o_cust_1'],
  ['groupbuy', { action: 'get', teamId: null }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }] }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 0 }], idempotencyKey: 'key-bad-0001' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1.5 }], idempotencyKey: 'key-bad-0002' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: -1 }], idempotencyKey: 'key-bad-0003' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [], idempotencyKey: 'key-bad-0004' }, 'o_cust_1'],
  ['order', { action: 'create', idempotencyKey: 'key-bad-0005' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], dealId: 'gd_p01_duo', idempotencyKey: 'key-bad-0006' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p01', qty: 1 }], idempotencyKey: 'key-bad-0007' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p03', qty: 1 }], idempotencyKey: 'key-bad-0008' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1, priceFen: 1 }], idempotencyKey: 'key-bad-0009' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'x' }, 'o_cust_1'],
  ['order', { action: 'quote', items: 'p03' }, 'o_cust_1'],
  ['order', { action: 'pay' }, 'o_cust_1'],
  ['order', { action: 'cancel', orderId: 7 }, 'o_cust_1'],
  ['order', { action: 'refund', orderId: 'o1', lineIds: [] }, 'o_cust_1'],
  ['order', { action: 'list', limit: 1000 }, 'o_cust_1'],
  ['order', { action: 'get' }, 'o_cust_1'],
  ['payNotify', { action: 'notify', outTradeNo: 'o1' }, undefined],
  ['payNotify', { action: 'pay' }, undefined],
  ['payNotify', { action: 'pay', payload: 'not a record' }, undefined],
  ['payNotify', { action: 'refund', payload: {}, outRefundNo: 'r1' }, undefined],
  ['sweep', { action: 'run', force: true }, undefined],
  ['admin', { action: 'promotionHealth', all: true }, 'o_ops'],
  ['admin', { action: 'setRole', openid: 'o_cust_1', role: 'king' }, 'o_boss'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-bad-0013' }, 'o_cust_1'],
  ['order', { action: 'create', addressId: HOME, fromCart: 'yes', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'key-bad-0014' }, 'o_cust_1'],
  ['order', { action: 'list', cursor: 'not-a-cursor' }, 'o_cust_1'],
  ['order', { action: 'list', cursor: '' }, 'o_cust_1'],
  ['cart', { action: 'set', items: [{ skuId: 'p03-s1', qty: 1 }, { skuId: 'p03-s1', qty: 2 }] }, 'o_cust_1'],
  ['cart', { action: 'set', items: [{ skuId: 'p03-s1', qty: 100 }] }, 'o_cust_1'],
  ['cart', { action: 'set', items: Array.from({ length: 21 }, (_, i) => ({ skuId: `s${i}`, qty: 1 })) }, 'o_cust_1'],
  ['cart', { action: 'get', openid: 'o_cust_2' }, 'o_cust_1'],
  ['address', { action: 'save', address: { name: '小美', phone: '12345', province: '广东省', city: '深圳市', district: '南山区', detail: '科苑路15号' } }, 'o_cust_1'],
  ['address', { action: 'remove' }, 'o_cust_1'],
  ['order', 'not an object', 'o_cust_1'],
  ['order', [1, 2], 'o_cust_1'],
];

it.each(cases)('%s answers %j with INVALID_ARGUMENT, never INTERNAL', async (fn, event, openid) => {
  const r = await cloud.call(fn, event, openid);
  expect(r.ok === false && r.error.code).toBe('INVALID_ARGUMENT');
});
