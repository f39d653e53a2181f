/** The ops console API: documents as relaxed EJSON, validated with the functions' own schemas. */
import { EJSON } from 'bson';
import { startTestCloud, type TestCloud } from './testing';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(() => cloud.close());

const api = async (path: string, init?: RequestInit) => {
  const res = await fetch(`${cloud.url}/_emulator/console/${path}`, init);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

type Shelf = { products: Array<{ id: string; groupDeal?: { dealId: string; groupPriceFen: number } }> };

it('lists collections with ops collections first', async () => {
  const { body } = await api('collections');
  const list = body.collections as Array<{ name: string; ops: boolean; count: number }>;
  expect(list[0].ops).toBe(true);
  expect(list.find((c) => c.name === 'products')?.count).toBe(12);
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
  const res = await fetch(`${cloud.url}/_emulator/console/docs/coupon_templates`, { method: 'POST', body: '{nope' });
  expect(res.status).toBe(400);
});

it('serves the console page', async () => {
  const res = await fetch(`${cloud.url}/console`);
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('运营控制台');
});
