import { startTestCloud, type TestCloud } from '../../emulator/testing';

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
  ['order', { action: 'create', dealId: '', idempotencyKey: 'key-bad-0010' }, 'o_cust_1'],
  ['order', { action: 'create', teamId: ['t'], idempotencyKey: 'key-bad-0011' }, 'o_cust_1'],
  ['order', { action: 'create', dealId: 'gd_p01_duo', teamId: 't1', idempotencyKey: 'key-bad-0012' }, 'o_cust_1'],
  ['groupbuy', { action: 'get', teamId: null }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1 }] }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 0 }], idempotencyKey: 'key-bad-0001' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1.5 }], idempotencyKey: 'key-bad-0002' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: -1 }], idempotencyKey: 'key-bad-0003' }, 'o_cust_1'],
  ['order', { action: 'create', items: [], idempotencyKey: 'key-bad-0004' }, 'o_cust_1'],
  ['order', { action: 'create', idempotencyKey: 'key-bad-0005' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], dealId: 'gd_p01_duo', idempotencyKey: 'key-bad-0006' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p01', qty: 1 }], idempotencyKey: 'key-bad-0007' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1 }, { productId: 'p03', qty: 1 }], idempotencyKey: 'key-bad-0008' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1, priceFen: 1 }], idempotencyKey: 'key-bad-0009' }, 'o_cust_1'],
  ['order', { action: 'create', items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'x' }, 'o_cust_1'],
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
  ['order', 'not an object', 'o_cust_1'],
  ['order', [1, 2], 'o_cust_1'],
];

it.each(cases)('%s answers %j with INVALID_ARGUMENT, never INTERNAL', async (fn, event, openid) => {
  const r = await cloud.call(fn, event, openid);
  expect(r.ok === false && r.error.code).toBe('INVALID_ARGUMENT');
});
