/**
 * Counterexamples the fuzz suites found, pinned as plain tests (fast, precise). A test marked
 * `it.failing` is an open bug: fix the code, then turn it into `it`.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => {
  await cloud.close();
});

// Found by tests/fuzz (seed of shelf.product): the view key check let "__proto__" through, so
// shelf.product wrote `views.__proto__.n` on the caller's user document, the database refused the
// update and the reply was INTERNAL. Fixed in growth (e028b7d).
it('shelf.product with productId "__proto__" answers NOT_FOUND, never INTERNAL', async () => {
  const r = await cloud.call('shelf', { action: 'product', productId: '__proto__' }, 'o_cust_1');
  expect(r.ok === false && r.error.code).toBe('NOT_FOUND');
});

it('shelf.product with productId "constructor" / "a.b" / "$x" answers NOT_FOUND', async () => {
  for (const productId of ['constructor', 'a.b', '$x', 'prototype']) {
    const r = await cloud.call('shelf', { action: 'product', productId }, 'o_cust_1');
    expect(r.ok === false && r.error.code).toBe('NOT_FOUND');
  }
});
