/**
 * The BUILT weapp shelf page rendered by miniprogram-simulate with WeChat's official WXML/WXSS
 * compilers, its wx.cloud.callFunction answered by a real local cloud: the products that
 * shelf.view returns must appear in the rendered tree.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';
import { weappDir } from './dist';
import { installMiniProgramEnv, type MpEnv } from './mp-env';

interface ShelfView {
  sales?: { name: string; openid: string };
  products: Array<{ id: string; title: string }>;
}

type Rendered = {
  attach(parent: unknown): void;
  dom: { innerHTML: string; textContent: string | null };
  detach(): void;
  instance: Record<string, (...args: unknown[]) => unknown>;
};

const g = globalThis as unknown as { document: { createElement(t: string): unknown } };

async function poll<T>(what: string, fn: () => T | undefined | false, timeoutMs = 30000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('weapp build: shelf page in miniprogram-simulate (official compiler) on the local cloud', () => {
  let cloud: TestCloud;
  let env: MpEnv;
  const dist = weappDir();
  const persona = 'o_cust_1';
  let shelfPage: Rendered | undefined;

  beforeAll(async () => {
    cloud = await startTestCloud();
    env = installMiniProgramEnv({ cloudUrl: cloud.url, openid: persona, distDir: dist });
  });
  afterAll(async () => {
    env?.dispose();
    await cloud?.close();
  });

  it('renders the salesperson card and every product title from shelf.view', async () => {
    const expected = await cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_li' }, persona);
    expect(expected.products.length).toBeGreaterThan(0);

    const t0 = Date.now();
    const page = env.loadPage('pages/shelf/index', { salesId: 'o_sales_li' }) as Rendered;
    page.attach(g.document.createElement('parent-wrapper'));

    const firstTitle = expected.products[0].title;
    await poll(`"${firstTitle}" in the rendered page`, () => (page.dom.textContent ?? '').includes(firstTitle));
    const text = page.dom.textContent ?? '';
    const firstRenderMs = Date.now() - t0;
    // The page asked the cloud through wx.cloud.callFunction, as it does in WeChat.
    expect(env.calls.some((c) => c.name === 'shelf' && (c.data as { action?: string }).action === 'view' && c.ok)).toBe(true);
    const shown = Math.min(expected.products.length, 20); // the shelf pages its list by 20
    for (const p of expected.products.slice(0, shown)) expect(text).toContain(p.title);
    if (expected.sales) expect(text).toContain(expected.sales.name);
    // Rendered as WeChat would: Taro's base template turned into real nodes, images with src.
    expect(page.dom.innerHTML).toMatch(/<wx-image|<image/i);
    expect(env.errors).toEqual([]);
    console.log(`simulate: shelf rendered ${shown} products of ${expected.sales?.name ?? 'brand'} in ${firstRenderMs} ms; stubbed wx APIs: ${[...env.stubbed].join(', ') || 'none'}`);
    shelfPage = page;
  });

  it("shelf's share card (onShareAppMessage) carries only a minted share id in a path starting with /", async () => {
    expect(shelfPage).toBeDefined();
    const share = shelfPage!.instance.onShareAppMessage({ from: 'button' }) as { title: string; path: string; promise?: Promise<{ title: string; path: string }> };
    expect(share.title).toContain('李娜');
    expect(share.path.startsWith('/')).toBe(true);
    expect(share.promise).toBeDefined();
    const card = await share.promise!;
    expect(card.path).toMatch(/^\/pages\/landing\/index\?s=[0-9A-Za-z_-]{1,10}$/);
    const shareId = card.path.split('s=')[1];
    // The share exists: a friend opening it lands on 李娜's shelf.
    const opened = await cloud.ok<{ target: { type: string; id: string }; salesId: string }>('share', { action: 'open', shareId }, 'o_cust_2');
    expect(opened).toMatchObject({ target: { type: 'shelf' }, salesId: 'o_sales_li' });
    shelfPage!.detach();
  });

  it('renders a subpackage page (packageShop/product) with the deal and the coupons', async () => {
    const detail = await cloud.ok<{ title: string; groupDeal?: { groupSize: number }; coupons?: Array<{ title?: string }> }>('shelf', { action: 'product', productId: 'p01' }, persona);
    const page = env.loadPage('packageShop/product/index', { id: 'p01' }) as Rendered;
    page.attach(g.document.createElement('parent-wrapper'));
    await poll(`"${detail.title}" on the product page`, () => (page.dom.textContent ?? '').includes(detail.title));
    const text = page.dom.textContent ?? '';
    if (detail.groupDeal) expect(text).toContain(`${detail.groupDeal.groupSize}人拼团`);
    for (const c of detail.coupons ?? []) if (c.title) expect(text).toContain(c.title);
    expect(env.errors).toEqual([]);
    page.detach();
  });
});
