import { useTestCloud } from '../../emulator/testing';
import type { Envelope } from '../../shared/errors';
import { giveAddresses, HOME } from '../../tests/support/commerce';

const t = useTestCloud();
const OPS = 'o_ops';
const BOSS = 'o_boss';

interface Product {
  productId: string;
  title: string;
  status: 'on' | 'off';
  images: Array<{ fileId: string; url: string }>;
  skus: Array<{ skuId: string; name: string; priceFen: number; listPriceFen: number; stock: number; sold: number }>;
  stock: number;
}
interface Adjusted {
  auditId: string;
  skuId: string;
  stockAfter: number | null;
  repeated: boolean;
  deltaQty: number;
}

const doc = async <T = Record<string, unknown>>(collection: string, id: string) =>
  ((await t.cloud.db.collection(collection).doc(id).get()).data as T[])[0];
const codeOf = (r: Envelope<unknown>) => (r.ok ? 'OK' : r.error.code);
const messageOf = (r: Envelope<unknown>) => (r.ok ? '' : r.error.message);

/** An image uploaded the way the app does (the client storage call, as the ops persona). */
async function uploadImage(name = 'tea.png'): Promise<string> {
  const res = await fetch(`${t.cloud.url}/client/storage/upload?cloudPath=${encodeURIComponent(`uploads/${OPS}/product/${name}`)}`, {
    method: 'POST',
    headers: { 'x-wx-openid': OPS, 'content-type': 'image/png' },
    body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

const newTea = (image: string, overrides: Record<string, unknown> = {}) => ({
  action: 'save',
  product: { title: '高山乌龙', subtitle: '台湾 · 清香型', category: '茶叶', images: [image] },
  skus: [
    { name: '150g 罐', priceFen: 8800, listPriceFen: 9900, stock: 40 },
    { name: '300g 礼盒', priceFen: 16800, listPriceFen: 16800, stock: 5 },
  ],
  idempotencyKey: 'save-oolong-1',
  ...overrides,
});

describe('catalog.save', () => {
  it('creates a product off the brand pool with its SKUs and stock; stored as typed, the image a cloud:// id', async () => {
    const image = await uploadImage();
    const p = await t.cloud.ok<Product>('catalog', newTea(image), OPS);
    expect(p).toMatchObject({ title: '高山乌龙', status: 'off', stock: 45 });
    expect(p.images).toEqual([{ fileId: image, url: expect.stringContaining('/_storage/') }]);
    expect(p.skus.map((s) => [s.name, s.priceFen, s.listPriceFen, s.stock, s.sold])).toEqual([
      ['150g 罐', 8800, 9900, 40, 0],
      ['300g 礼盒', 16800, 16800, 5, 0],
    ]);
    expect(await doc('products', p.productId)).toMatchObject({ title: '高山乌龙', subtitle: '台湾 · 清香型', category: '茶叶', images: [image], status: 'off', createdBy: OPS });
    expect(await doc('skus', p.skus[0].skuId)).toMatchObject({ productId: p.productId, name: '150g 罐', priceFen: 8800, listPriceFen: 9900, stock: 40, sold: 0, sort: 1 });
    expect(p.productId).toMatch(/^p[A-Za-z0-9]+$/);
  });

  it('a repeated save (same key: its reply was lost) creates nothing twice', async () => {
    const image = await uploadImage();
    const first = await t.cloud.ok<Product>('catalog', newTea(image), OPS);
    const again = await t.cloud.ok<Product>('catalog', newTea(image), OPS);
    expect(again.productId).toBe(first.productId);
    expect(again.skus.map((s) => s.skuId)).toEqual(first.skus.map((s) => s.skuId));
    expect((await t.cloud.db.collection('skus').where({ productId: first.productId }).count()).total).toBe(2);
    expect((await t.cloud.db.collection('products').count()).total).toBe(16); // 15 seeded + 1
  });

  it("an edit changes fields, names and prices and adds a SKU, but never an existing SKU's stock", async () => {
    const image = await uploadImage();
    const p = await t.cloud.ok<Product>('catalog', newTea(image), OPS);
    await t.cloud.db.collection('skus').doc(p.skus[0].skuId).update({ stock: 33, sold: 7 }); // sales meanwhile
    const edited = await t.cloud.ok<Product>(
      'catalog',
      {
        action: 'save',
        product: { productId: p.productId, title: '高山乌龙 新茶', category: '茶叶', images: [image] },
        skus: [
          { skuId: p.skus[0].skuId, name: '150g 罐装', priceFen: 7800, listPriceFen: 9900 },
          { name: '50g 试饮', priceFen: 2900, listPriceFen: 3500, stock: 100 },
        ],
        idempotencyKey: 'save-oolong-edit',
      },
      BOSS,
    );
    expect(edited.title).toBe('高山乌龙 新茶');
    expect(await doc('skus', p.skus[0].skuId)).toMatchObject({ name: '150g 罐装', priceFen: 7800, stock: 33, sold: 7 });
    expect(await doc('skus', p.skus[1].skuId)).toMatchObject({ name: '300g 礼盒', stock: 5 }); // left out: kept as it was
    expect(edited.skus.map((s) => [s.name, s.stock]).sort()).toEqual([
      ['150g 罐装', 33],
      ['300g 礼盒', 5],
      ['50g 试饮', 100],
    ]);
    expect(await doc('products', p.productId)).toMatchObject({ status: 'off', createdBy: OPS, updatedBy: BOSS });
  });

  it.each([
    ['a list price below the price', 'skus.0.listPriceFen', { skus: [{ name: 'a', priceFen: 900, listPriceFen: 800, stock: 1 }] }],
    ['a new SKU without stock', 'skus.0.stock', { skus: [{ name: 'a', priceFen: 900, listPriceFen: 900 }] }],
    ['negative stock', 'skus.0.stock', { skus: [{ name: 'a', priceFen: 900, listPriceFen: 900, stock: -1 }] }],
    ["an existing SKU's stock", 'skus.0.stock', { skus: [{ skuId: 'p01-s1', name: 'a', priceFen: 900, listPriceFen: 900, stock: 5 }] }],
    ['a price in yuan (not integer fen)', 'skus.0.priceFen', { skus: [{ name: 'a', priceFen: 9.9, listPriceFen: 900, stock: 1 }] }],
    ['a zero price', 'skus.0.priceFen', { skus: [{ name: 'a', priceFen: 0, listPriceFen: 900, stock: 1 }] }],
    ['no SKU', 'skus', { skus: [] }],
    ['a SKU listed twice', 'skus.1.skuId', { skus: [{ skuId: 'p01-s1', name: 'a', priceFen: 1, listPriceFen: 1 }, { skuId: 'p01-s1', name: 'b', priceFen: 1, listPriceFen: 1 }] }],
    ['an image that is neither cloud:// nor /assets/', 'product.images.0', { product: { title: 't', category: 'c', images: ['http://evil.example/x.png'] } }],
    ['an empty title', 'product.title', { product: { title: ' ', category: 'c', images: ['/assets/products/p01.svg'] } }],
    ['an unknown field', 'product.priceFen', { product: { title: 't', category: 'c', images: ['/assets/products/p01.svg'], priceFen: 1 } }],
  ] as Array<[string, string, Record<string, unknown>]>)('refuses %s: INVALID_ARGUMENT naming %s, nothing written', async (_title, field, fields) => {
    t.cloud.resetStats();
    const r = await t.cloud.call('catalog', { ...newTea('/assets/products/p01.svg'), ...fields }, OPS);
    expect(codeOf(r)).toBe('INVALID_ARGUMENT');
    expect(messageOf(r).startsWith(`${field}:`)).toBe(true);
    expect((await t.cloud.db.collection('products').count()).total).toBe(15);
    expect(t.cloud.stats().byAction['catalog.save'].byOp.insertDocument ?? 0).toBe(0);
  });

  it('refuses a cloud:// image that is not in storage, and SKUs of another product or a missing product (NOT_FOUND)', async () => {
    const ghost = await t.cloud.call('catalog', newTea('cloud://local.linkshelf-1/uploads/o_ops/product/never.png'), OPS);
    expect([codeOf(ghost), messageOf(ghost).split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'product.images.0']);
    const foreign = await t.cloud.call(
      'catalog',
      { ...newTea('/assets/products/p02.svg'), product: { productId: 'p02', title: 't', category: 'c', images: ['/assets/products/p02.svg'] }, skus: [{ skuId: 'p01-s1', name: 'a', priceFen: 1, listPriceFen: 1 }] },
      OPS,
    );
    expect([codeOf(foreign), messageOf(foreign).split(':')[0]]).toEqual(['NOT_FOUND', 'skus.0.skuId']);
    const missing = await t.cloud.call('catalog', { ...newTea('/assets/products/p02.svg'), product: { productId: 'p404', title: 't', category: 'c', images: ['/assets/products/p02.svg'] } }, OPS);
    expect([codeOf(missing), messageOf(missing).split(':')[0]]).toEqual(['NOT_FOUND', 'product.productId']);
    expect(await doc('skus', 'p01-s1')).toMatchObject({ name: '250g 罐装', priceFen: 16800 });
  });
});

describe('catalog.list', () => {
  it('pages newest first, 20 a page, with a stable cursor; status narrows', async () => {
    for (let i = 0; i < 10; i++) {
      t.cloud.advanceClock(60_000);
      await t.cloud.ok('catalog', { ...newTea('/assets/products/p01.svg'), product: { title: `新品 ${i}`, category: '茶叶', images: ['/assets/products/p01.svg'] }, idempotencyKey: `list-new-${i}` }, OPS);
    }
    const first = await t.cloud.ok<{ products: Product[]; nextCursor: string | null }>('catalog', { action: 'list' }, OPS);
    expect(first.products).toHaveLength(20);
    expect(first.products.slice(0, 3).map((p) => p.title)).toEqual(['新品 9', '新品 8', '新品 7']);
    // A product added between two pages does not shift the second page.
    t.cloud.advanceClock(60_000);
    await t.cloud.ok('catalog', { ...newTea('/assets/products/p01.svg'), idempotencyKey: 'list-late' }, OPS);
    const second = await t.cloud.ok<{ products: Product[]; nextCursor: string | null }>('catalog', { action: 'list', cursor: first.nextCursor }, OPS);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.products, ...second.products].map((p) => p.productId);
    expect(new Set(seen).size).toBe(25);
    expect(second.products.map((p) => p.productId)).toEqual(['p05', 'p04', 'p03', 'p02', 'p01']); // seeded at one instant: ties by _id
    const off = await t.cloud.ok<{ products: Product[] }>('catalog', { action: 'list', status: 'off' }, OPS);
    expect(off.products.every((p) => p.status === 'off')).toBe(true);
    expect(off.products).toHaveLength(14); // 10 + 1 new, 3 seeded drafts without stock
    const bad = await t.cloud.call('catalog', { action: 'list', cursor: 'not-a-cursor' }, OPS);
    expect([codeOf(bad), messageOf(bad).split(':')[0]]).toEqual(['INVALID_ARGUMENT', 'cursor']);
  });
});

describe('catalog.setStatus', () => {
  type Shelf = { products: Array<{ id: string }> };

  it('off hides the product from every shelf at once and closes its forming teams to joins; on brings both back', async () => {
    const team = await t.cloud.ok<{ teamId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'status-team-open' }, 'o_cust_1');
    const off = await t.cloud.ok<{ teams: number }>('catalog', { action: 'setStatus', productId: 'p02', status: 'off' }, OPS);
    expect(off.teams).toBe(1);
    expect(await doc('products', 'p02')).toMatchObject({ status: 'off', statusBy: OPS });
    expect(await doc('teams', team.teamId)).toMatchObject({ status: 'forming', joinsClosedAt: t.cloud.now() });

    const li = await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_3');
    const wang = await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_wang' }, 'o_cust_3');
    const curate = await t.cloud.ok<Shelf>('shelf', { action: 'catalog' }, 'o_sales_li');
    expect([li, wang, curate].map((s) => s.products.some((p) => p.id === 'p02'))).toEqual([false, false, false]);
    expect(codeOf(await t.cloud.call('shelf', { action: 'product', productId: 'p02' }, 'o_cust_3'))).toBe('NOT_FOUND');
    expect(codeOf(await t.cloud.call('order', { action: 'create', addressId: HOME, items: [{ productId: 'p02', skuId: 'p02-s1', qty: 1 }], idempotencyKey: 'status-buy-off' }, 'o_cust_3'))).toBe('NOT_FOUND');
    const join = await t.cloud.call('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: 'status-join-off' }, 'o_cust_2');
    expect(codeOf(join)).toBe('NOT_FOUND');
    expect(await doc('teams', team.teamId)).toMatchObject({ seatsTaken: 1 });

    // Twice is the same as once.
    expect((await t.cloud.ok<{ status: string }>('catalog', { action: 'setStatus', productId: 'p02', status: 'off' }, OPS)).status).toBe('off');
    await t.cloud.ok('catalog', { action: 'setStatus', productId: 'p02', status: 'on' }, BOSS);
    expect(await doc('teams', team.teamId)).toMatchObject({ joinsClosedAt: null });
    await t.cloud.ok('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: 'status-join-on' }, 'o_cust_2');
    expect(await doc('teams', team.teamId)).toMatchObject({ seatsTaken: 2 });
    expect((await t.cloud.ok<Shelf>('shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_3')).products.some((p) => p.id === 'p02')).toBe(true);
  });

  it('a new product put on the pool can be curated onto a shelf, its stored image shown by a temporary URL; an unknown product is NOT_FOUND', async () => {
    const image = await uploadImage('shelf.png');
    const p = await t.cloud.ok<Product>('catalog', newTea(image), OPS);
    expect(codeOf(await t.cloud.call('shelf', { action: 'curate', productIds: [p.productId] }, 'o_sales_zhao'))).toBe('NOT_FOUND');
    await t.cloud.ok('catalog', { action: 'setStatus', productId: p.productId, status: 'on' }, OPS);
    await t.cloud.ok('shelf', { action: 'curate', productIds: ['p03', p.productId] }, 'o_sales_zhao');
    const shelf = await t.cloud.ok<{ products: Array<{ id: string; images: string[] }> }>('shelf', { action: 'view', salesId: 'o_sales_zhao' }, 'o_cust_1');
    expect(shelf.products.map((x) => x.id)).toEqual(['p03', p.productId]);
    expect(shelf.products.map((x) => x.images[0])).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/.+\/products\/p03\.svg\?sign=/), expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_storage\/.+shelf\.png/)]);
    const page = await t.cloud.ok<{ images: string[] }>('shelf', { action: 'product', productId: p.productId }, 'o_cust_1');
    expect(page.images).toEqual([shelf.products[1].images[0]]);
    expect(codeOf(await t.cloud.call('catalog', { action: 'setStatus', productId: 'p404', status: 'on' }, OPS))).toBe('NOT_FOUND');
  });
});

describe('catalog.adjustStock', () => {
  const adjust = (deltaQty: number, key: string, skuId = 'p03-s1', reason = '盘点') => ({ action: 'adjustStock', skuId, deltaQty, reason, idempotencyKey: key });

  it('adds and takes units with one guarded update, audited (who, when, delta, reason, stock after); never below zero', async () => {
    const add = await t.cloud.ok<Adjusted>('catalog', adjust(10, 'adj-add-0001', 'p03-s1', '到货'), OPS);
    expect(add).toMatchObject({ skuId: 'p03-s1', deltaQty: 10, stockAfter: 70, repeated: false });
    const take = await t.cloud.ok<Adjusted>('catalog', adjust(-65, 'adj-take-0001', 'p03-s1', '破损'), BOSS);
    expect(take.stockAfter).toBe(5);
    const tooMany = await t.cloud.call('catalog', adjust(-6, 'adj-take-0002'), OPS);
    expect([codeOf(tooMany), messageOf(tooMany).split(':')[0]]).toEqual(['FAILED_PRECONDITION', 'deltaQty']);
    expect(await doc('skus', 'p03-s1')).toMatchObject({ stock: 5, sold: 0 });
    const audits = (await t.cloud.db.collection('audit_log').where({ type: 'stock' }).limit(100).get()).data as Array<Record<string, unknown>>;
    expect(audits.map(({ _id: _i, ...a }) => a).sort((a, b) => Number(b.deltaQty) - Number(a.deltaQty))).toEqual([
      { type: 'stock', skuId: 'p03-s1', productId: 'p03', deltaQty: 10, reason: '到货', by: OPS, at: t.cloud.now(), stockAfter: 70 },
      { type: 'stock', skuId: 'p03-s1', productId: 'p03', deltaQty: -65, reason: '破损', by: BOSS, at: t.cloud.now(), stockAfter: 5 },
    ]);
    expect(codeOf(await t.cloud.call('catalog', adjust(1, 'adj-none-0001', 'p404-s1'), OPS))).toBe('NOT_FOUND');
    expect(codeOf(await t.cloud.call('catalog', adjust(0, 'adj-zero-0001'), OPS))).toBe('INVALID_ARGUMENT');
  });

  it('a repeated request (same key) applies once and answers the first audit', async () => {
    const first = await t.cloud.ok<Adjusted>('catalog', adjust(-3, 'adj-once-0001'), OPS);
    const again = await t.cloud.ok<Adjusted>('catalog', adjust(-3, 'adj-once-0001'), OPS);
    expect(again).toEqual({ ...first, repeated: true });
    expect(await doc('skus', 'p03-s1')).toMatchObject({ stock: 57 });
    expect((await t.cloud.db.collection('audit_log').where({ type: 'stock' }).count()).total).toBe(1);
  });

  it('a write applied whose reply was lost (the process died before the audit): the repeat applies nothing more and completes the audit', async () => {
    t.cloud.faults({ crashAfter: { call: 'catalog.adjustStock', writes: 1 } });
    const lost = await t.cloud.call('catalog', adjust(-4, 'adj-lost-0001'), OPS);
    expect(codeOf(lost)).toBe('INTERNAL');
    t.cloud.faults({});
    expect(await doc('skus', 'p03-s1')).toMatchObject({ stock: 56 });
    const again = await t.cloud.ok<Adjusted>('catalog', adjust(-4, 'adj-lost-0001'), OPS);
    expect(again).toMatchObject({ deltaQty: -4, stockAfter: null, repeated: true });
    expect(await doc('skus', 'p03-s1')).toMatchObject({ stock: 56 });
    expect(await doc('audit_log', again.auditId)).toMatchObject({ type: 'stock', deltaQty: -4, reason: '盘点', by: OPS, stockAfter: null });
  });

  it('racing 50 orders: stock is conserved and never negative, every applied adjustment audited exactly', async () => {
    await t.cloud.db.collection('skus').doc('p03-s1').update({ stock: 30 });
    await giveAddresses(t.cloud, Array.from({ length: 50 }, (_, i) => `o_race_${i}`));
    const orders = Array.from({ length: 50 }, (_, i) =>
      t.cloud.call('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', skuId: 'p03-s1', qty: 1 }], idempotencyKey: `race-order-${i}` }, `o_race_${i}`),
    );
    const deltas = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? -4 : 3));
    const adjustments = deltas.map((d, i) => t.cloud.call<Adjusted>('catalog', adjust(d, `race-adj-${i}`, 'p03-s1', `race ${i}`), OPS));
    const [orderReplies, adjustReplies] = await Promise.all([Promise.all(orders), Promise.all(adjustments)]);

    const created = orderReplies.filter((r) => r.ok).length;
    const soldOut = orderReplies.filter((r) => codeOf(r) === 'SOLD_OUT').length;
    expect(created + soldOut).toBe(50);
    const applied = adjustReplies.flatMap((r, i) => (r.ok ? [deltas[i]] : []));
    expect(adjustReplies.filter((r) => !r.ok).map(codeOf).every((c) => c === 'FAILED_PRECONDITION')).toBe(true);
    const sku = await doc<{ stock: number; sold: number }>('skus', 'p03-s1');
    expect(sku.stock).toBeGreaterThanOrEqual(0);
    expect(sku.sold).toBe(created);
    expect(sku.stock).toBe(30 + applied.reduce((a, b) => a + b, 0) - created);

    const audits = (await t.cloud.db.collection('audit_log').where({ type: 'stock' }).limit(100).get()).data as Array<{ deltaQty: number; stockAfter: number; reason: string; by: string }>;
    expect(audits.map((a) => a.deltaQty).sort()).toEqual([...applied].sort());
    expect(audits.every((a) => a.stockAfter >= 0 && a.by === OPS && a.reason.startsWith('race '))).toBe(true);
  });
});
