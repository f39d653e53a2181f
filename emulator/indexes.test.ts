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

it("notes a function's aggregate without a top-level $limit (CloudBase caps it at 20 rows), not one with a limit or a test's own", () => {
  orders.reset();
  orders.checkAggregateLimit('orders', [{ $match: { _id: 'o1' } }, { $limit: 1 }], 'order.get');
  orders.checkAggregateLimit('orders', [{ $match: {} }], undefined);
  orders.checkAggregateLimit('orders', [{ $match: { _id: 'o1' } }, { $lookup: { from: 'teams', pipeline: [{ $limit: 5 }], as: 't' } }], 'order.get');
  expect(orders.unlimitedAggregates()).toEqual([{ collection: 'orders', caller: 'order.get', count: 1 }]);
});

it('a test cloud whose functions ran an aggregate without a limit fails on close, naming it', async () => {
  const cloud = await startTestCloud();
  cloud.cloud.indexes.checkAggregateLimit('shares', [{ $match: { _id: 's1' } }], 'share.fake');
  await expect(cloud.close()).rejects.toThrow(/without \.limit\(\)[\s\S]*share\.fake: shares ×1/);
});
