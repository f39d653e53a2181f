/** The missing-index rule of the local cloud. */
import { IndexChecker } from './indexes';
import { startTestCloud } from './testing';

function checker(indexes: Record<string, Array<{ name: string; keys: string[] }>>, scanOk: string[] = []): IndexChecker {
  return new IndexChecker(Object.entries(indexes).flatMap(([collection, specs]) => specs.map((s) => ({ collection, ...s }))), scanOk);
}

const orders = checker({ orders: [{ name: 'b', keys: ['buyerOpenid', 'status', 'createdAt'] }] }, ['settings']);

it.each([
  ['equality on the first key', { buyerOpenid: 'x' }, [], true],
  ['a prefix in any order', { status: 'paid', buyerOpenid: 'x' }, [], true],
  ['a prefix, then the sort', { buyerOpenid: 'x', status: 'paid' }, ['createdAt'], true],
  ['a sort on a filtered field', { buyerOpenid: 'x', status: 'paid', createdAt: { $gt: 1 } }, ['createdAt'], true],
  ['a pinned _id', { _id: 'o1', status: 'paid' }, [], true],
  ['not a prefix', { status: 'paid' }, [], false],
  ['a sort that is not next', { buyerOpenid: 'x' }, ['createdAt'], false],
  ['an empty filter', {}, [], false],
  ['each $or branch', { $or: [{ buyerOpenid: 'x' }, { status: 'y' }] }, [], false],
] as const)('%s → covered %s', (_name, filter, sort, covered) => {
  orders.reset();
  orders.check('orders', filter as Record<string, unknown>, [...sort], 'order.list');
  expect(orders.report().length === 0).toBe(covered);
});

it('judges only queries made inside function calls, and lets scanOk collections be read whole', () => {
  orders.reset();
  orders.check('orders', {}, [], undefined);
  orders.check('settings', {}, [], 'shelf.view');
  expect(orders.report()).toEqual([]);
});

it('a test cloud whose functions made an unindexed query fails on close, naming it', async () => {
  const cloud = await startTestCloud();
  cloud.cloud.indexes.check('orders', { closeReason: 'x' }, [], 'order.fake');
  await expect(cloud.close()).rejects.toThrow(/order\.fake: orders filter \[closeReason\]/);
});
