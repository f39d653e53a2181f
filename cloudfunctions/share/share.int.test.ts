import { useTestCloud } from '../../emulator/testing';
import { decodeQrPng } from '../../emulator/wechat/qr-decode';
import { BARGAIN_IDS, FLASH_IDS } from '../../emulator/seed';
import { SHARE_LANDING_PAGE } from '../../shared/growth';
import { deleteFiles } from '../_platform';

const t = useTestCloud();

const DAY = 86_400_000;
type Created = { shareId: string; path: string; depth: number; parentShareId: string | null; rootShareId: string };
type Opened = { boundSalesId: string | null; binding: { result: string; reason: string | null } };

async function user(openid: string) {
  return ((await t.cloud.db.collection('users').doc(openid).get()).data as Array<Record<string, unknown>>)[0];
}
async function setPolicy(p: Record<string, unknown>) {
  await t.cloud.db.collection('binding_policy').doc('default').set({ status: 'active', protectionDays: 0, ...p });
}

describe('share chain and binding', () => {
  it("an unbound customer sharing a salesperson's shelf brings customers to that salesperson; a non-salesperson id owns nobody", async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_cust_3');
    expect(s.depth).toBe(1);
    const o = await t.cloud.ok<Opened>('share', { action: 'open', shareId: s.shareId }, 'o_cust_4');
    expect(o.boundSalesId).toBe('o_sales_wang');
    expect(await user('o_cust_4')).toMatchObject({ boundSalesId: 'o_sales_wang', referrerOpenid: 'o_cust_3' });
    const fake = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_cust_1' }, channel: 'card' }, 'o_cust_3');
    const stored = (await t.cloud.db.collection('shares').doc(fake.shareId).get()).data[0] as { salesId: string | null };
    expect(stored.salesId).toBeNull();
  });

  it('a share id is short and the path carries only it; opening binds the customer and a re-share hangs below', async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    expect(s.shareId.length).toBeLessThanOrEqual(10);
    expect(s.path).toBe(`/pages/landing/index?s=${s.shareId}`);
    expect(s.depth).toBe(1);
    const o = await t.cloud.ok<Opened>('share', { action: 'open', shareId: s.shareId }, 'o_cust_1');
    expect(o.boundSalesId).toBe('o_sales_li');
    const a = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, 'o_cust_1');
    expect(a).toMatchObject({ depth: 2, parentShareId: s.shareId, rootShareId: s.shareId });
    await t.cloud.ok('share', { action: 'open', shareId: a.shareId }, 'o_cust_2');
    expect(await user('o_cust_2')).toMatchObject({ boundSalesId: 'o_sales_li', referrerOpenid: 'o_cust_1', boundShareId: a.shareId });
    expect(await user('o_cust_1')).toMatchObject({ boundSalesId: 'o_sales_li' });
    expect((await user('o_cust_1')).referrerOpenid ?? null).toBeNull();
  });

  it('opening your own share binds nobody', async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    const own = await t.cloud.ok<Opened>('share', { action: 'open', shareId: s.shareId }, 'o_sales_li');
    expect(own.binding).toEqual({ result: 'kept', reason: 'self_share' });
    // an unbound customer's own share has no salesperson and binds nobody either
    const c = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, 'o_cust_3');
    const self = await t.cloud.ok<Opened>('share', { action: 'open', shareId: c.shareId }, 'o_cust_3');
    expect(self.binding).toEqual({ result: 'kept', reason: 'self_share' });
    expect((await user('o_cust_3')).boundSalesId ?? null).toBeNull();
    const bindings = await t.cloud.db.collection('bindings').where({ openid: 'o_cust_3' }).get();
    expect(bindings.data).toHaveLength(0);
  });

  it('inside the protection period a second salesperson cannot take the customer; in N-day mode after expiry they can; the history shows both', async () => {
    await setPolicy({ mode: 'n_days', validDays: 7, protectionDays: 3 });
    const li = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    const wang = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'poster' }, 'o_sales_wang');
    expect((await t.cloud.ok<Opened>('share', { action: 'open', shareId: li.shareId }, 'o_cust_1')).boundSalesId).toBe('o_sales_li');
    t.cloud.advanceClock(2 * DAY);
    const during = await t.cloud.ok<Opened>('share', { action: 'open', shareId: wang.shareId }, 'o_cust_1');
    expect(during).toMatchObject({ boundSalesId: 'o_sales_li', binding: { result: 'kept', reason: 'protected' } });
    t.cloud.advanceClock(3 * DAY); // day 5: protection over, binding still valid
    expect((await t.cloud.ok<Opened>('share', { action: 'open', shareId: wang.shareId }, 'o_cust_1')).binding.reason).toBe('active');
    t.cloud.advanceClock(3 * DAY); // day 8: binding lapsed
    const after = await t.cloud.ok<Opened>('share', { action: 'open', shareId: wang.shareId }, 'o_cust_1');
    expect(after).toMatchObject({ boundSalesId: 'o_sales_wang', binding: { result: 'bound', reason: 'expired' } });
    const history = await t.cloud.db.collection('bindings').where({ openid: 'o_cust_1' }).orderBy('rev', 'asc').get();
    expect((history.data as Array<{ salesId: string; previousSalesId: string | null }>).map((h) => [h.salesId, h.previousSalesId])).toEqual([
      ['o_sales_li', null],
      ['o_sales_wang', 'o_sales_li'],
    ]);
  });

  it('two salespeople’s shares opened at the same moment (first touch): exactly one binds, and the history names it', async () => {
    await setPolicy({ mode: 'first_touch' });
    const li = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    const wang = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_wang');
    await t.cloud.ok('coupon', { action: 'mine' }, 'o_cust_4'); // registered before the race
    const [x, y] = await Promise.all([
      t.cloud.ok<Opened>('share', { action: 'open', shareId: li.shareId }, 'o_cust_4'),
      t.cloud.ok<Opened>('share', { action: 'open', shareId: wang.shareId }, 'o_cust_4'),
    ]);
    expect([x.binding.result, y.binding.result].sort()).toEqual(['bound', 'kept']);
    const winner = x.binding.result === 'bound' ? 'o_sales_li' : 'o_sales_wang';
    const history = await t.cloud.db.collection('bindings').where({ openid: 'o_cust_4' }).get();
    expect((history.data as Array<{ salesId: string; rev: number }>).map((h) => [h.salesId, h.rev])).toEqual([[winner, 1]]);
    expect(await user('o_cust_4')).toMatchObject({ boundSalesId: winner, bindingRev: 1 });
  });

  it('two salespeople’s shares opened at the same moment (latest wins): every bind is in the history, in order, and the last one holds', async () => {
    await setPolicy({ mode: 'latest' });
    const li = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    const wang = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_wang' }, channel: 'card' }, 'o_sales_wang');
    await t.cloud.ok('coupon', { action: 'mine' }, 'o_cust_4');
    const [x, y] = await Promise.all([
      t.cloud.ok<Opened>('share', { action: 'open', shareId: li.shareId }, 'o_cust_4'),
      t.cloud.ok<Opened>('share', { action: 'open', shareId: wang.shareId }, 'o_cust_4'),
    ]);
    const bound = [x, y].filter((r) => r.binding.result === 'bound');
    expect(bound.length).toBeGreaterThanOrEqual(1);
    const history = (await t.cloud.db.collection('bindings').where({ openid: 'o_cust_4' }).orderBy('rev', 'asc').get()).data as Array<{ salesId: string; rev: number }>;
    expect(history.map((h) => h.rev)).toEqual(bound.map((_b, i) => i + 1));
    expect(await user('o_cust_4')).toMatchObject({ boundSalesId: history[history.length - 1].salesId, bindingRev: history.length });
  });

  it('an openid inside the event is ignored (refused as an unknown field; identity comes from the context)', async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    const r = await t.cloud.call('share', { action: 'open', shareId: s.shareId, openid: 'o_cust_2' }, 'o_cust_1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('INVALID_ARGUMENT');
    expect((await user('o_cust_2')).boundSalesId ?? null).toBeNull();
    const userInfo = await t.cloud.call<Opened>('share', { action: 'open', shareId: s.shareId, userInfo: { openId: 'o_cust_2' } }, 'o_cust_1');
    expect(userInfo.ok).toBe(true);
    expect((await user('o_cust_1')).boundSalesId).toBe('o_sales_li');
    expect((await user('o_cust_2')).boundSalesId ?? null).toBeNull();
  });

  it("poster answers the share's mini-program code (wxacode.getUnlimited) kept in storage once per share, as a temporary URL", async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'poster' }, 'o_sales_li');
    t.cloud.resetStats();
    const p = await t.cloud.ok<{ url: string; fileId: string; encoded: string }>('share', { action: 'poster', shareId: s.shareId }, 'o_cust_1');
    expect(p.encoded).toBe(`${SHARE_LANDING_PAGE}?scene=${s.shareId}`);
    expect(p.fileId).toMatch(new RegExp(`^cloud://local\\.[^/]+/posters/${s.shareId}\\.png$`));
    const png = Buffer.from(await (await fetch(p.url)).arrayBuffer());
    expect(decodeQrPng(png)).toBe(`https://local.linkshelf/${SHARE_LANDING_PAGE}?scene=${s.shareId}`);
    expect((await t.cloud.db.collection('shares').doc(s.shareId).get()).data[0]).toMatchObject({ posterFileId: p.fileId });
    // Asked again: the kept file, no second code — one getTempFileURL.
    const again = await t.cloud.ok<{ url: string; fileId: string }>('share', { action: 'poster', shareId: s.shareId }, 'o_sales_li');
    expect(again.fileId).toBe(p.fileId);
    const byPlatform = t.cloud.stats().byAction['share.poster'].byPlatform;
    expect(byPlatform).toEqual({ 'wxacode.getUnlimited': 1, 'storage.getUploadMetadata': 1, 'storage.batchGetDownloadUrl': 2 });
    // The kept file deleted (by ops, say): the next poster renders it again.
    expect(await deleteFiles([p.fileId])).toEqual({ deleted: [p.fileId], missing: [] });
    const rendered = await t.cloud.ok<{ url: string; fileId: string }>('share', { action: 'poster', shareId: s.shareId }, 'o_cust_1');
    expect(decodeQrPng(Buffer.from(await (await fetch(rendered.url)).arrayBuffer()))).toContain(`scene=${s.shareId}`);
    expect((await t.cloud.call('share', { action: 'poster', shareId: 'nope0' }, 'o_cust_1')).ok).toBe(false);
  });

  it("a poster's content: a product share shows the product's title, image and price and the sharer's salesperson; a shelf share the salesperson's name", async () => {
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: 'p03' }, channel: 'poster' }, 'o_sales_li');
    const p = await t.cloud.ok<{ content: Record<string, unknown> }>('share', { action: 'poster', shareId: s.shareId }, 'o_cust_1');
    const li = await user('o_sales_li');
    const product = (await t.cloud.db.collection('products').doc('p03').get()).data[0] as { title: string };
    expect(p.content).toMatchObject({ title: product.title, priceFen: 9800, priceKind: 'price', groupSize: null, salesName: li.name });
    expect(String(p.content.imageUrl)).toMatch(/^(https?:\/\/|\/)/);
    const shelf = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'poster' }, 'o_sales_li');
    const q = await t.cloud.ok<{ content: Record<string, unknown> }>('share', { action: 'poster', shareId: shelf.shareId }, 'o_cust_1');
    expect(q.content).toMatchObject({ title: `${String(li.name)}的精选好物`, priceFen: null, priceKind: null, imageUrl: null });
  });

  it("a poster of a product with a live group deal shows the group price", async () => {
    const deal = (await t.cloud.db.collection('group_deals').where({ status: 'active' }).limit(1).get()).data[0] as { productId: string; groupPriceFen: number; groupSize: number };
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: deal.productId }, channel: 'poster' }, 'o_sales_li');
    const p = await t.cloud.ok<{ content: Record<string, unknown> }>('share', { action: 'poster', shareId: s.shareId }, 'o_cust_1');
    expect(p.content).toMatchObject({ priceFen: deal.groupPriceFen, priceKind: 'group', groupSize: deal.groupSize });
  });

  it('a poster of a bargain share shows its product and the price reached now; of a product with a running flash sale, the flash price (not before it starts)', async () => {
    const b = await t.cloud.ok<{ bargainId: string; startPriceFen: number }>('bargain', { action: 'start', productId: BARGAIN_IDS.productId, skuId: BARGAIN_IDS.skuId }, 'o_cust_1');
    const s = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'bargain', id: b.bargainId }, channel: 'poster' }, 'o_cust_1');
    const posterOf = async (shareId: string) => (await t.cloud.ok<{ content: Record<string, unknown> }>('share', { action: 'poster', shareId }, 'o_cust_2')).content;
    const nuts = (await t.cloud.db.collection('products').doc(BARGAIN_IDS.productId).get()).data[0] as { title: string };
    expect(await posterOf(s.shareId)).toMatchObject({ title: nuts.title, priceFen: b.startPriceFen, priceKind: 'bargain', groupSize: null });
    expect(String((await posterOf(s.shareId)).imageUrl)).toMatch(/^(https?:\/\/|\/)/);
    const helped = await t.cloud.ok<{ reachedPriceFen: number }>('bargain', { action: 'help', bargainId: b.bargainId }, 'o_cust_3');
    expect(helped.reachedPriceFen).toBeLessThan(b.startPriceFen);
    expect(await posterOf(s.shareId)).toMatchObject({ priceFen: helped.reachedPriceFen, priceKind: 'bargain' });

    const live = (await t.cloud.db.collection('flash_sales').doc(FLASH_IDS.live).get()).data[0] as { productId: string; flashPriceFen: number };
    const honey = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: live.productId }, channel: 'poster' }, 'o_sales_li');
    expect(await posterOf(honey.shareId)).toMatchObject({ priceFen: live.flashPriceFen, priceKind: 'flash' });
    const soon = (await t.cloud.db.collection('flash_sales').doc(FLASH_IDS.upcoming).get()).data[0] as { productId: string; flashPriceFen: number };
    const tea = await t.cloud.ok<Created>('share', { action: 'create', target: { type: 'product', id: soon.productId }, channel: 'poster' }, 'o_sales_li');
    expect(await posterOf(tea.shareId)).toMatchObject({ priceKind: 'price' });
    expect((await posterOf(tea.shareId)).priceFen).not.toBe(soon.flashPriceFen);
    t.cloud.advanceClock(3 * 3_600_000);
    expect(await posterOf(tea.shareId)).toMatchObject({ priceFen: soon.flashPriceFen, priceKind: 'flash' });
  });
});
