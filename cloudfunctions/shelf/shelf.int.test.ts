import { PRODUCT_TITLES } from '../../emulator/seed';
import { useTestCloud } from '../../emulator/testing';

interface ShelfView {
  brand: { name: string };
  sales: { openid: string; name: string; avatarUrl: string };
  products: Array<{ id: string; title: string; images: string[]; priceFen: number; stock: number; skus: Array<{ skuId: string; stock: number }>; badges: Array<{ kind: string; text: string }>; groupDeal?: { dealId: string } }>;
  coupons: Array<{ templateId: string }>;
}

const t = useTestCloud();

describe('shelf.view', () => {
  it("shows the named salesperson's card and exactly their products in shelf order, with fen prices, stock and images", async () => {
    const view = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_wang' }, 'o_cust_1');
    expect(view.sales).toMatchObject({ openid: 'o_sales_wang', name: '王强' });
    expect(view.brand.name).toBe('山野良品');
    expect(view.products.map((p) => p.id)).toEqual(['p01', 'p02', 'p05', 'p09', 'p10', 'p11']);
    const p01 = view.products[0];
    expect(p01.title).toBe(PRODUCT_TITLES.p01);
    expect(p01.priceFen).toBe(16800);
    expect(p01.stock).toBe(160);
    expect(Number.isInteger(p01.priceFen)).toBe(true);
    // Stored as file ids in storage, answered as temporary URLs that serve the image.
    expect(await t.cloud.db.collection('products').doc('p01').get()).toMatchObject({ data: [expect.objectContaining({ images: [expect.stringMatching(/^cloud:\/\/local\.[^/]+\/products\/p01\.svg$/)] })] });
    expect(p01.images[0]).toMatch(new RegExp(`^${t.cloud.url}/_storage/[^/]+/products/p01\\.svg\\?sign=`));
    expect(view.sales.avatarUrl).toMatch(/\/avatars\/wang\.svg\?sign=/);
    expect((await fetch(p01.images[0])).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('different salespeople have different shelves', async () => {
    const li = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    const zhao = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_zhao' }, 'o_cust_1');
    expect(li.products).toHaveLength(8);
    expect(zhao.products.map((p) => p.id)).toEqual(['p03', 'p04', 'p06', 'p07', 'p08', 'p12']);
  });

  it("without salesId: the caller's bound salesperson, else the brand default", async () => {
    await t.cloud.db.collection('users').doc('o_cust_2').update({ boundSalesId: 'o_sales_zhao' });
    expect((await t.cloud.ok<ShelfView>('shelf', { action: 'view' }, 'o_cust_2')).sales.openid).toBe('o_sales_zhao');
    expect((await t.cloud.ok<ShelfView>('shelf', { action: 'view' }, 'o_cust_1')).sales.openid).toBe('o_sales_li');
  });

  it('costs at most 3 database round trips, and one getTempFileURL for all its images', async () => {
    t.cloud.resetStats();
    await t.cloud.ok('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    expect(t.cloud.stats().byAction['shelf.view'].maxOps).toBeLessThanOrEqual(3);
    expect(t.cloud.stats().byAction['shelf.view'].byPlatform).toEqual({ 'storage.batchGetDownloadUrl': 1 });
  });

  it('shows live promotions as badges and a malformed deal or template is skipped, never breaking the shelf', async () => {
    const before = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    const dealed = before.products.filter((p) => p.groupDeal);
    expect(dealed.length).toBeGreaterThan(0);
    const broken = dealed[0];
    await t.cloud.db.collection('group_deals').doc(broken.groupDeal!.dealId).update({ groupSize: 1, surprise: 'field' });
    await t.cloud.db.collection('coupon_templates').add({ _id: 'ct_broken', status: 'active', title: 42 });
    const after = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    expect(after.products).toHaveLength(before.products.length);
    const same = after.products.find((p) => p.id === broken.id)!;
    expect(same.groupDeal).toBeUndefined();
    expect(same.badges.some((b) => b.kind === 'group')).toBe(false);
    expect(after.coupons.some((c) => c.templateId === 'ct_broken')).toBe(false);
  });

  it('an unknown salesperson is NOT_FOUND', async () => {
    const r = await t.cloud.call('shelf', { action: 'view', salesId: 'o_cust_3' }, 'o_cust_1');
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('shelf.product', () => {
  it('returns SKUs with stock and claimable coupons', async () => {
    const p = await t.cloud.ok<{ id: string; skus: Array<{ skuId: string; stock: number }>; coupons: unknown[]; openTeams: unknown[] }>('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    expect(p.id).toBe('p01');
    expect(p.skus.map((s) => s.skuId)).toEqual(['p01-s1', 'p01-s2']);
    expect(p.skus[0].stock).toBe(120);
    expect(Array.isArray(p.openTeams)).toBe(true);
  });

  it("records a customer's view with the title for their salesperson; view:false (checkout, team pages) records nothing", async () => {
    await t.cloud.ok('shelf', { action: 'product', productId: 'p03' }, 'o_cust_2');
    await t.cloud.ok('shelf', { action: 'product', productId: 'p03', view: false }, 'o_cust_2');
    const { data } = await t.cloud.db.collection('users').doc('o_cust_2').get();
    expect(data[0].views.p03).toMatchObject({ n: 1, title: PRODUCT_TITLES.p03 });
  });

  it('a missing product is NOT_FOUND', async () => {
    expect(await t.cloud.call('shelf', { action: 'product', productId: 'nope' }, 'o_cust_1')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('shelf.catalog', () => {
  it('lists every product on sale for a salesperson, marking the ones on their shelf', async () => {
    const c = await t.cloud.ok<{ products: Array<{ id: string; onShelf: boolean }> }>('shelf', { action: 'catalog' }, 'o_sales_zhao');
    expect(c.products).toHaveLength(12);
    expect(c.products.filter((p) => p.onShelf).map((p) => p.id).sort()).toEqual(['p03', 'p04', 'p06', 'p07', 'p08', 'p12']);
  });

  it('is for salespeople only', async () => {
    expect(await t.cloud.call('shelf', { action: 'catalog' }, 'o_cust_1')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('shelf.curate', () => {
  it('a salesperson reorders their shelf; the view follows', async () => {
    await t.cloud.ok('shelf', { action: 'curate', productIds: ['p12', 'p01'] }, 'o_sales_zhao');
    const view = await t.cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_zhao' }, 'o_cust_1');
    expect(view.products.map((p) => p.id)).toEqual(['p12', 'p01']);
  });

  it('customers may not curate, and unknown products are refused', async () => {
    expect(await t.cloud.call('shelf', { action: 'curate', productIds: ['p01'] }, 'o_cust_1')).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(await t.cloud.call('shelf', { action: 'curate', productIds: ['zzz'] }, 'o_sales_li')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the function contract on bad input', () => {
  it.each([
    [{ action: 'nope' }, 'action'],
    [{}, 'action'],
    [{ action: 'product' }, 'productId'],
    [{ action: 'product', productId: 7 }, 'productId'],
    [{ action: 'view', salesId: 'o_sales_li', extra: 1 }, 'extra'],
    [{ action: 'curate', productIds: [] }, 'productIds'],
  ])('%j → INVALID_ARGUMENT naming %s', async (event, field) => {
    const r = await t.cloud.call('shelf', event, 'o_cust_1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.message).toContain(field);
    }
  });

  it('a call without a caller identity is UNAUTHENTICATED', async () => {
    expect(await t.cloud.call('shelf', { action: 'view' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('an unknown openid is registered as a customer on first call', async () => {
    await t.cloud.ok('shelf', { action: 'view' }, 'o_new_person');
    const { data } = await t.cloud.db.collection('users').doc('o_new_person').get();
    expect(data[0]).toMatchObject({ _id: 'o_new_person', role: 'customer' });
  });
});
