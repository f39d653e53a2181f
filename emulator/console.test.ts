/** The ops console API: documents as relaxed EJSON, validated with the functions' own schemas. */
import { EJSON } from 'bson';
import { startTestCloud, type TestCloud } from './testing';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

/** A console call as someone signed in (ops by default). */
const api = async (path: string, init?: RequestInit, as = 'o_ops') => {
  const res = await fetch(`${cloud.url}/_emulator/console/${path}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...(as ? { 'x-wx-openid': as } : {}) } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

type Shelf = { products: Array<{ id: string; groupDeal?: { dealId: string; groupPriceFen: number } }> };

it('lists collections with ops collections first', async () => {
  const { body } = await api('collections');
  const list = body.collections as Array<{ name: string; ops: boolean; count: number }>;
  expect(list[0].ops).toBe(true);
  expect(list.find((c) => c.name === 'products')?.count).toBe(15); // 12 on the brand pool + 3 drafts without stock
});

it('an edit to a deal is validated, refused when invalid, saved when valid, and the shelf shows it', async () => {
  const shelf = await cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
  const deal = shelf.products.find((p) => p.groupDeal)!.groupDeal!;
  const { body: got } = await api(`docs/group_deals/${deal.dealId}`);
  const doc = EJSON.parse(String(got.text), { relaxed: true }) as Record<string, unknown>;
  expect(got.problems).toEqual([]);

  const bad = await api(`docs/group_deals/${deal.dealId}`, { method: 'PUT', body: EJSON.stringify({ ...doc, groupSize: 1 }, { relaxed: true }) });
  expect(bad.status).toBe(422);
  expect((bad.body.problems as string[]).some((p) => p.startsWith('groupSize'))).toBe(true);

  const newPrice = (deal.groupPriceFen as number) - 100;
  const ok = await api(`docs/group_deals/${deal.dealId}`, { method: 'PUT', body: EJSON.stringify({ ...doc, groupPriceFen: newPrice }, { relaxed: true }) });
  expect(ok.status).toBe(200);
  const after = await cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
  expect(after.products.find((p) => p.groupDeal?.dealId === deal.dealId)?.groupDeal?.groupPriceFen).toBe(newPrice);

  // "Save anyway", as the CloudBase console would: the shelf skips the broken deal but keeps working.
  const forced = await api(`docs/group_deals/${deal.dealId}?force=1`, { method: 'PUT', body: EJSON.stringify({ ...doc, groupSize: 1 }, { relaxed: true }) });
  expect(forced.status).toBe(200);
  const broken = await cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
  expect(broken.products.some((p) => p.groupDeal?.dealId === deal.dealId)).toBe(false);
  const listed = await api('docs/group_deals');
  const row = (listed.body.docs as Array<{ id: string; problems: string[] }>).find((d) => d.id === deal.dealId)!;
  expect(row.problems.length).toBeGreaterThan(0);
});

it('offers a template per ops collection and refuses non-JSON', async () => {
  const t = await api('template/coupon_templates');
  expect(t.status).toBe(200);
  expect(String(t.body.text)).toContain('"status": "draft"');
  const res = await fetch(`${cloud.url}/_emulator/console/docs/coupon_templates`, { method: 'POST', body: '{nope', headers: { 'x-wx-openid': 'o_ops' } });
  expect(res.status).toBe(400);
});

describe('signing in: only ops and the boss use the console', () => {
  it.each([
    ['ops', 'o_ops', 200],
    ['the boss', 'o_boss', 200],
    ['a customer', 'o_cust_1', 403],
    ['a salesperson', 'o_sales_li', 403],
    ['a deactivated salesperson', 'o_sales_sun', 403],
    ['an unknown openid', 'o_nobody', 403],
    ['nobody', '', 401],
  ])('%s (%s) → HTTP %s on every route', async (_who, openid, status) => {
    for (const path of ['whoami', 'collections', 'docs/group_deals', 'docs/group_deals/gd_p01_duo', 'template/coupon_templates']) {
      expect([path, (await api(path, undefined, openid)).status]).toEqual([path, status]);
    }
  });

  it('a refused caller changes nothing', async () => {
    const before = await api('docs/group_deals/gd_p01_duo');
    const doc = EJSON.parse(String(before.body.text), { relaxed: true }) as Record<string, unknown>;
    for (const as of ['o_cust_1', 'o_sales_li', '']) {
      const put = await api('docs/group_deals/gd_p01_duo', { method: 'PUT', body: EJSON.stringify({ ...doc, groupPriceFen: 1 }, { relaxed: true }) }, as);
      expect(put.status).toBeGreaterThanOrEqual(401);
      expect((await api('docs/group_deals/gd_p01_duo', { method: 'DELETE' }, as)).status).toBeGreaterThanOrEqual(401);
    }
    expect((await api('docs/group_deals/gd_p01_duo')).body.text).toBe(before.body.text);
  });

  it('whoami names the person signed in', async () => {
    expect((await api('whoami', undefined, 'o_boss')).body).toEqual({ openid: 'o_boss', role: 'boss', name: '陈总（老板）' });
  });
});

it('serves the console page', async () => {
  const res = await fetch(`${cloud.url}/console`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('运营控制台');
});
