/** The local cloud's HTTP surface: function routing, errors, control plane, the SDK's callFunction. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { REPO_ROOT } from './cloud';
import { startTestCloud, type TestCloud } from './testing';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('POST /functions/<name>', () => {
  it('a non-JSON body is HTTP 400 with a message', async () => {
    const res = await post('/functions/shelf', '{not json', { 'x-wx-openid': 'o_cust_1' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(body.error.message.length).toBeGreaterThan(0);
  });

  it('an unknown function is HTTP 404', async () => {
    const res = await post('/functions/nope', '{}', { 'x-wx-openid': 'o_cust_1' });
    expect(res.status).toBe(404);
  });

  it('a JSON array or scalar event is INVALID_ARGUMENT, not a crash', async () => {
    for (const body of ['[]', '42', 'null', '"x"']) {
      const res = await post('/functions/shelf', body, { 'x-wx-openid': 'o_cust_1' });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    }
  });

  it('the caller is the x-wx-openid header; an openid inside the event is refused as an unknown field', async () => {
    const r = await cloud.call('shelf', { action: 'view', openid: 'o_boss' }, 'o_cust_1');
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('the SDK endpoint', () => {
  it("reaches the project's functions through the real SDK's callFunction (as a server-side caller)", async () => {
    const app = cloudbase.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'x', secretKey: 'x' });
    const res = await app.callFunction({ name: 'shelf', data: { action: 'view' } });
    // No WeChat identity on a server-side call: the shelf requires one.
    expect(res.result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers a malformed request with an error reply, never a crash', async () => {
    const bad = await post('/admin', 'nope');
    expect(bad.status).toBe(200);
    expect(await bad.json()).toMatchObject({ code: 'INVALID_PARAM' });
    const wrongQuery = await post('/admin', JSON.stringify({ action: 'database.getDocument', collectionName: 'users', queryType: 'WHERE', query: '{"a":' }));
    expect(await wrongQuery.json()).toMatchObject({ code: 'INVALID_PARAM' });
    const noCollection = await post('/admin', JSON.stringify({ action: 'database.getDocument', collectionName: 'nope', queryType: 'WHERE', query: '{}' }));
    expect(await noCollection.json()).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' });
    const unknown = await post('/admin', JSON.stringify({ action: 'storage.getTempFileURL' }));
    expect(await unknown.json()).toMatchObject({ code: 'INVALID_ACTION' });
    // ...and the cloud still serves.
    expect((await cloud.call('shelf', { action: 'view' }, 'o_cust_1')).ok).toBe(true);
  });

  it('refuses where-queries inside a transaction, as the real service does', async () => {
    const tx = await cloud.db.startTransaction();
    const res = await post('/admin', JSON.stringify({ action: 'database.getDocument', collectionName: 'users', queryType: 'WHERE', query: '{}', transactionId: tx.getTransactionId() }));
    expect(await res.json()).toMatchObject({ code: 'INVALID_PARAM' });
    await tx.rollback();
  });
});

describe('control plane', () => {
  it('lists the seeded personas with roles', async () => {
    const personas = (await (await fetch(`${cloud.url}/_emulator/personas`)).json()) as Array<{ openid: string; role: string; name: string }>;
    const roles = new Set(personas.map((p) => p.role));
    expect(roles).toEqual(new Set(['customer', 'sales', 'boss', 'ops']));
    expect(personas.filter((p) => p.role === 'sales')).toHaveLength(3);
  });

  it('sets the clock every function sees', async () => {
    const res = await post('/_emulator/clock', JSON.stringify({ now: '2027-01-01T00:00:00Z', frozen: true }));
    expect(((await res.json()) as { now: string }).now).toBe('2027-01-01T00:00:00.000Z');
    await cloud.ok('shelf', { action: 'view' }, 'o_clock_person');
    const { data } = await cloud.db.collection('users').doc('o_clock_person').get();
    expect(new Date(data[0].createdAt).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('counts database operations per function call, by action', async () => {
    await post('/_emulator/stats/reset', '{}');
    await cloud.ok('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    await cloud.ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    const stats = (await (await fetch(`${cloud.url}/_emulator/stats`)).json()) as { byAction: Record<string, { calls: number; maxOps: number; byOp: Record<string, number> }> };
    expect(stats.byAction['shelf.view']).toMatchObject({ calls: 1, maxOps: 2, byOp: { getDocument: 1, aggregateDocuments: 1 } });
    expect(stats.byAction['shelf.product'].calls).toBe(1);
  });

  it('reset empties the data and seed brings the demo back', async () => {
    await post('/_emulator/reset', '{}');
    expect((await cloud.call('shelf', { action: 'view' }, 'o_cust_1'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await post('/_emulator/seed', '{}');
    expect((await cloud.call('shelf', { action: 'view' }, 'o_cust_1')).ok).toBe(true);
  });

  it('serves the seeded images from storage: the shelf names temporary URLs of the files the seed uploaded', async () => {
    const shelf = await cloud.ok<{ products: Array<{ id: string; images: string[] }>; sales: { avatarUrl: string }; brand: { logoUrl: string } }>('shelf', { action: 'view' }, 'o_cust_1');
    const p01 = shelf.products.find((p) => p.id === 'p01')!;
    for (const [url, file] of [[p01.images[0], 'products/p01.svg'], [shelf.sales.avatarUrl, 'avatars/li.svg'], [shelf.brand.logoUrl, 'brand/logo.svg']]) {
      expect(url).toMatch(new RegExp(`^${cloud.url}/_storage/[^/]+/${file}\\?sign=`));
      const res = await fetch(url);
      expect([file, res.status, res.headers.get('content-type')]).toEqual([file, 200, 'image/svg+xml']);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(REPO_ROOT, 'emulator', 'assets', file)))).toBe(true);
    }
    // The repo's asset folder is not served any more, and nothing climbs out of the h5 build.
    expect((await fetch(`${cloud.url}/assets/products/p01.svg`)).status).toBe(404);
    expect((await fetch(`${cloud.url}/../package.json`)).status).not.toBe(200);
  });
});
