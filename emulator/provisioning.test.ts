/**
 * The local cloud provisions itself from the deploy plan, as `npm run deploy` provisions CloudBase:
 * exactly the plan's collections exist, and queries are judged against exactly its indexes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { loadPlan } from '../scripts/deploy/manifests';
import type { DeployPlan } from '../scripts/deploy/plan';
import { LocalCloud, REPO_ROOT } from './cloud';

const declared = (JSON.parse(readFileSync(join(REPO_ROOT, 'database', 'collections.json'), 'utf8')) as { collections: string[] }).collections;

async function withCloud(plan: DeployPlan | undefined, body: (cloud: LocalCloud, db: ReturnType<ReturnType<typeof cloudbase.init>['database']>) => Promise<void>): Promise<void> {
  const cloud = new LocalCloud({ plan });
  const url = await cloud.start();
  try {
    const db = cloudbase.init({ env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local' }).database();
    await body(cloud, db);
  } finally {
    await cloud.stop();
  }
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return (err as { code?: string }).code;
  }
}

it('a fresh local cloud has exactly the collections of database/collections.json, again after a reset', async () => {
  await withCloud(undefined, async (cloud, db) => {
    expect(cloud.store.collectionNames()).toEqual([...declared].sort());
    await db.createCollection('scratch');
    await cloud.reset();
    expect(cloud.store.collectionNames()).toEqual([...declared].sort());
  });
});

it('a collection that is not provisioned does not exist: reads and writes fail with DATABASE_COLLECTION_NOT_EXIST', async () => {
  const plan = loadPlan(REPO_ROOT);
  const withoutAudit = { ...plan, collections: plan.collections.filter((c) => c !== 'audit_log'), rules: plan.rules.filter((r) => r.collection !== 'audit_log') };
  await withCloud(withoutAudit, async (cloud, db) => {
    expect(cloud.store.hasCollection('audit_log')).toBe(false);
    expect(await codeOf(db.collection('audit_log').where({ kind: 'x' }).get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await codeOf(db.collection('audit_log').add({ kind: 'x' }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await codeOf(db.collection('orders').where({ buyerOpenid: 'x' }).get())).toBeUndefined();
  });
});

it('queries are judged against the provisioned indexes only: without orders.buyer_created, order.list is reported', async () => {
  const plan = loadPlan(REPO_ROOT);
  const listOrders = async (cloud: LocalCloud) => {
    await cloud.seed();
    const reply = (await cloud.functions.invoke('order', { action: 'list' }, { kind: 'client', openid: 'o_cust_1' })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    return cloud.indexes.report().filter((r) => r.collection === 'orders');
  };
  await withCloud(plan, async (cloud) => {
    expect(await listOrders(cloud)).toEqual([]);
  });
  const without = { ...plan, indexes: plan.indexes.filter((i) => !(i.collection === 'orders' && i.name === 'buyer_created')) };
  await withCloud(without, async (cloud) => {
    expect(await listOrders(cloud)).toEqual([expect.objectContaining({ caller: 'order.list', filter: ['buyerOpenid'], sort: ['createdAt', '_id'] })]);
  });
});
