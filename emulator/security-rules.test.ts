/** database/security-rules.json, enforced by the local cloud for client-side access. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../scripts/deploy/manifests';
import { allowed, rulesOf, type Mode } from './client-db';
import { REPO_ROOT } from './cloud';
import { startTestCloud, type TestCloud } from './testing';

const rules = rulesOf(loadPlan(REPO_ROOT));
const collections = (JSON.parse(readFileSync(join(REPO_ROOT, 'database', 'collections.json'), 'utf8')) as { collections: string[] }).collections;

// Collections holding money, stock, ledgers or identity: nobody but functions may touch them.
const FUNCTIONS_ONLY = ['users', 'skus', 'coupons', 'teams', 'team_members', 'orders', 'payments', 'refunds', 'commission_ledger', 'counters', 'referral_rewards', 'growth_orders', 'bindings', 'shares', 'share_events', 'audit_log'];

it('every collection has a rule, and every rule names a collection', () => {
  expect(Object.keys(rules).sort()).toEqual([...collections].sort());
});

it.each(FUNCTIONS_ONLY)('%s is writable (and readable) by functions only', (c) => {
  expect(rules[c]).toBe('ADMINONLY');
});

describe('the modes', () => {
  const table: Array<[Mode, string, boolean, boolean]> = [
    // mode, op, own query?, allowed
    ['ADMINONLY', 'get', true, false],
    ['ADMINONLY', 'update', true, false],
    ['ADMINWRITE', 'get', false, true],
    ['ADMINWRITE', 'add', false, false],
    ['ADMINWRITE', 'update', true, false],
    ['READONLY', 'get', false, true],
    ['READONLY', 'update', false, false],
    ['READONLY', 'update', true, true],
    ['PRIVATE', 'get', false, false],
    ['PRIVATE', 'get', true, true],
    ['PRIVATE', 'remove', true, true],
  ];
  it.each(table)('%s %s (own query: %s) → allowed %s', (mode, op, own, expected) => {
    expect(allowed(mode, op, 'o_me', own ? { _openid: 'o_me' } : {})).toBe(expected);
  });
  it('an anonymous caller is always denied', () => {
    expect(allowed('ADMINWRITE', 'get', '', {})).toBe(false);
  });
});

describe('over HTTP on the local cloud', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(() => cloud.close());
  const client = (openid: string, body: object) =>
    fetch(`${cloud.url}/client/database`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(body) });

  it('a customer reads products but cannot change stock, orders or the ledger', async () => {
    const read = await client('o_cust_1', { collection: 'products', op: 'get', query: { _id: 'p01' } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { data: unknown[] }).data).toHaveLength(1);
    for (const [collection, op] of [['skus', 'update'], ['skus', 'get'], ['orders', 'add'], ['commission_ledger', 'get'], ['coupons', 'add'], ['users', 'update'], ['products', 'update']]) {
      const res = await client('o_cust_1', { collection, op, query: { _id: 'p01-s1' }, data: { stock: 9999 } });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
    }
    const { data } = await cloud.db.collection('skus').doc('p01-s1').get();
    expect(data[0].stock).toBe(120);
  });
});
