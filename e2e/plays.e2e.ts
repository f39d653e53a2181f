/**
 * Issue 14's plays in a real browser (items 4–6), one browser context per person:
 *   the card-copy experiment: two customers in different arms copy a product link and see
 *   different chat-card titles; friends open both links; the boss's dashboard shows both arms with
 *   counts and an interval, and says the difference is not yet significant;
 *   Moments: a share opened in single-page mode (no persona before the page renders) calls
 *   nothing, and once the visitor opens the full app the open is the sharer's;
 *   a poster is composed (product, price, salesperson, code) and shown.
 * Screenshots: e2e/screenshots/plays-*.png; the run has no browser console errors.
 */
import { formatIssues, startE2E, type E2E, type Person } from './harness';
import { copyLink, openLinkAs, see, storySteps } from './story';
import { bucketVariant } from '../shared/growth';

const PRODUCT = 'p01';
const VARIANTS = [
  { name: 'plain', weight: 1 },
  { name: 'discount', weight: 1 },
];
const candidates = Array.from({ length: 40 }, (_, i) => `o_plays_${i}`);
const inArm = (arm: string, skip = 0) => candidates.filter((o) => bucketVariant(o, 'cardCopy', VARIANTS) === arm)[skip];

describe('h5: experiments with a treatment, Moments, posters (issue 14)', () => {
  let e2e: E2E;
  let plain: Person;
  let discount: Person;
  const state: { links: Record<string, string>; titles: Record<string, string>; momentsShareId?: string } = { links: {}, titles: {} };
  const { step, timings } = storySteps(() => e2e);

  beforeAll(async () => {
    e2e = await startE2E('plays');
    plain = await e2e.person('arm-plain', inArm('plain'));
    discount = await e2e.person('arm-discount', inArm('discount'));
    for (const p of [plain, discount]) await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.cloud.url });
    // both sharers become 李娜's customers first, so their shares bind the friends they bring
    const li = await e2e.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    for (const p of [plain, discount]) await e2e.cloud.ok('share', { action: 'open', shareId: li.shareId }, p.openid);
  });

  afterAll(async () => {
    console.log(`plays timings:\n  ${timings.join('\n  ')}\nscreenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step("the card-copy experiment's two arms give different card titles", async () => {
    for (const [arm, p] of [
      ['plain', plain],
      ['discount', discount],
    ] as const) {
      await p.open('/packageShop/product/index', { id: PRODUCT });
      state.links[arm] = await copyLink(p.page);
      const title = p.page.locator('[data-testid=card-title]:visible').first();
      await title.waitFor();
      state.titles[arm] = (await title.textContent()) ?? '';
      await e2e.shot(p.page, `card-title-${arm}`);
    }
    expect(state.titles.discount).toMatch(/^好友专享价 · /);
    expect(state.titles.plain).not.toMatch(/好友专享价/);
    expect(state.titles.discount).toBe(`好友专享价 · ${state.titles.plain}`);
  });

  step('friends open both links; the dashboard shows both arms with counts and an interval', async () => {
    for (const [arm, n] of [
      ['plain', 2],
      ['discount', 3],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const friend = await e2e.person(`friend-${arm}-${i}`, `o_plays_friend_${arm}_${i}`);
        await openLinkAs(friend, state.links[arm]);
        await friend.page.locator('.product').first().waitFor({ timeout: 20000 });
      }
    }
    const boss = await e2e.person('boss', 'o_boss');
    await boss.open('/packageBoss/dashboard/index');
    const experiment = boss.page.locator('[data-testid=experiment-cardCopy]:visible');
    await experiment.waitFor({ timeout: 20000 });
    // 李娜's own share (above) counts in her arm: her two openers bound
    const li = bucketVariant('o_sales_li', 'cardCopy', VARIANTS) === 'plain' ? 2 : 0;
    await expect(experiment.locator('[data-testid=arm-plain]').textContent()).resolves.toContain(`${2 + li}/${2 + li} = 100.0%`);
    const treated = (await experiment.locator('[data-testid=arm-discount]').textContent()) ?? '';
    expect(treated).toContain("3/3 = 100.0%");
    expect(treated).toMatch(/差 0\.0% \[-?\d+\.\d%, -?\d+\.\d%\]/);
    await expect(experiment.locator('[data-testid=experiment-verdict]').textContent()).resolves.toBe('尚无显著差异');
    await experiment.scrollIntoViewIfNeeded();
    await e2e.shot(boss.page, 'dashboard-arms');
  });

  step('a Moments landing in single-page mode calls nothing; opened in full it is attributed to the sharer', async () => {
    const sharer = discount.openid;
    const share = await e2e.cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'product', id: PRODUCT }, channel: 'moments' }, sharer);
    state.momentsShareId = share.shareId;
    // a visitor with no persona: WeChat's single-page mode has no logged-in user
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const calls: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/functions/')) calls.push(new URL(r.url()).pathname);
    });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(`${e2e.cloud.url}/#/packageShop/product/index?s=${share.shareId}&mode=timeline`, { waitUntil: 'domcontentloaded' });
    // the h5 persona switcher (a dev tool) picks a persona on a first visit and reloads: wait for
    // that reload to settle before tapping, so the tap is not lost in it
    await page.waitForFunction(() => !!localStorage.getItem('linkshelf.persona'), undefined, { timeout: 20000 });
    await page.waitForLoadState('load');
    await page.locator('[data-testid=single-page]:visible').waitFor({ timeout: 20000 });
    await page.waitForTimeout(1500);
    expect(calls).toEqual([]);
    const before = (await e2e.cloud.db.collection('shares').doc(share.shareId).get()).data[0] as { opens?: number; channel: string };
    expect(before).toMatchObject({ channel: 'moments' });
    expect(before.opens ?? 0).toBe(0);
    await e2e.shot(page, 'moments-single-page');

    await page.locator('[data-testid=open-full]:visible').click();
    // the full app: the page had only the share id, so the landing opens it and shows the product
    // (the product page renders its shell before it redirects: wait for the target's own URL)
    await page.waitForURL(new RegExp(`product/index\\?id=${PRODUCT}`), { timeout: 30000 });
    await page.locator('.product').first().waitFor({ timeout: 30000 });
    const visitor = await page.evaluate(() => (JSON.parse(localStorage.getItem('linkshelf.persona') || '{}') as { data?: { openid?: string } }).data?.openid ?? '');
    expect(calls).toContain('/functions/share');
    const after = (await e2e.cloud.db.collection('shares').doc(share.shareId).get()).data[0] as { opens?: number; sharerOpenid: string };
    expect(after).toMatchObject({ opens: 1, sharerOpenid: sharer });
    expect(visitor).toMatch(/^o_/);
    const opened = await e2e.cloud.db.collection('customer_events').where({ openid: visitor, type: 'share_opened' }).get();
    expect((opened.data as Array<{ data: { shareId: string } }>).map((e) => e.data.shareId)).toContain(share.shareId);
    expect(errors).toEqual([]);
    await e2e.shot(page, 'moments-full-app');
    await context.close();
  });

  step('a poster is composed (product, price, salesperson, code) and shown', async () => {
    await discount.open('/packageShop/product/index', { id: PRODUCT });
    await discount.page.locator('[data-testid=make-poster]:visible').first().click();
    const img = discount.page.locator('[data-testid=poster-img] img, img[data-testid=poster-img]').first();
    await img.waitFor({ timeout: 20000 });
    await discount.page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=poster-img] img, img[data-testid=poster-img]') as HTMLImageElement | null;
      return !!el && el.complete && el.naturalWidth > 0;
    });
    const shown = await img.evaluate((el) => ({ src: (el as HTMLImageElement).src.slice(0, 22), w: (el as HTMLImageElement).naturalWidth, h: (el as HTMLImageElement).naturalHeight }));
    expect(shown).toEqual({ src: 'data:image/png;base64,', w: 600, h: 960 });
    await see(discount.page, /下载海报/);
    await e2e.shot(discount.page, 'poster');
  });

  it('had no browser console errors or page errors in any context', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
