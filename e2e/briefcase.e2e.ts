/**
 * Issue 15's briefcase story (card, material, radar, timeline) in a real browser, one browser
 * context per person:
 *   李娜 edits her card (photo uploaded, intro) and shares it → a new customer opens the link, sees
 *   the card and is bound to her → she forwards a customer case from the materials library → the
 *   customer reads it for 40 s (the browser's clock moved with Playwright's clock, the cloud's with
 *   advanceClock: nothing sleeps) and scrolls to 80 % → her radar shows that visit with its time and
 *   depth, and the customer's timeline (customer 360) shows the card view and the read.
 * Screenshots: e2e/screenshots/briefcase-*.png; the run has no browser console errors.
 */
import { formatIssues, startE2E, type E2E, type Person } from './harness';
import { copyLink, openLinkAs, photoPng, see, storySteps } from './story';

const SALES = { name: 'sales', openid: 'o_sales_li', display: '李娜' };
const READER = { name: 'reader', openid: 'o_e2e_reader' };
const CASE = { id: 'm_case_hangzhou', title: '客户案例：杭州王女士的办公室茶水间' };
const INTRO = '十年茶人，帮你挑对一杯好茶';
const READ_MS = 40_000;

type Doc = Record<string, unknown>;


describe('h5: the briefcase story (issue 15), one browser context per person', () => {
  let e2e: E2E;
  let sales: Person;
  let reader: Person;
  const state: { cardLink?: string; caseLink?: string; visitId?: string; seconds?: number; depth?: number } = {};
  const { step, timings } = storySteps(() => e2e);

  const tap = (p: Person, testid: string) => p.page.locator(`[data-testid="${testid}"]:visible`).first().click();
  const docs = async (collection: string, where: Doc): Promise<Doc[]> => ((await e2e.cloud.db.collection(collection).where(where).limit(100).get()) as { data: Doc[] }).data;
  /** Polls until `check` returns a value (the app's writes are asynchronous to the test). */
  const eventually = async <T>(what: string, check: () => Promise<T | undefined>, timeout = 20000): Promise<T> => {
    const t0 = Date.now();
    for (;;) {
      const v = await check();
      if (v !== undefined) return v;
      if (Date.now() - t0 > timeout) throw new Error(`not within ${timeout} ms: ${what}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  beforeAll(async () => {
    e2e = await startE2E('briefcase');
    sales = await e2e.person(SALES.name, SALES.openid);
    reader = await e2e.person(READER.name, READER.openid);
    await sales.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.cloud.url });
  });

  afterAll(async () => {
    console.log(`briefcase timings:\n  ${timings.join('\n  ')}\nscreenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('李娜 edits her card from the workbench: a photo uploaded, her intro, saved', async () => {
    await sales.open('/packageSales/workbench/index');
    await sales.page.getByText('我的名片').filter({ visible: true }).first().click();
    await sales.page.locator('[data-testid=card-save]:visible').waitFor({ timeout: 20000 });
    const photoSrc = () => sales.page.evaluate(() => document.querySelector('[data-testid=card-photo] img')?.getAttribute('src') ?? '');
    const before = await eventually('her current photo shown', async () => (await photoSrc()) || undefined);
    const [chooser] = await Promise.all([sales.page.waitForEvent('filechooser', { timeout: 20000 }), tap(sales, 'card-upload-photo')]);
    await chooser.setFiles({ name: 'me.png', mimeType: 'image/png', buffer: photoPng([196, 120, 40]) });
    // The upload replaces the seeded photo (her avatar) with the new file's URL.
    await eventually('the uploaded photo shown', async () => {
      const src = await photoSrc();
      return src !== '' && src !== before ? src : undefined;
    });
    const intro = sales.page.locator('[data-testid=card-intro-input]:visible textarea').first();
    await intro.fill(INTRO);
    await eventually('the intro typed', async () => ((await intro.inputValue()) === INTRO ? true : undefined));
    await tap(sales, 'card-save');
    const saved = await eventually('the card saved with the uploaded photo', async () => {
      const [u] = await docs('users', { _id: SALES.openid });
      const card = u?.card as Doc | undefined;
      return card?.intro === INTRO ? card : undefined;
    });
    expect(String(saved.photo)).toMatch(new RegExp(`^cloud://[^/]+/uploads/${SALES.openid}/card/`));
    await e2e.shot(sales.page, 'card-edit');
  });

  step('she shares the card; a new customer opens the link, sees it and is bound to her', async () => {
    state.cardLink = await copyLink(sales.page);
    await openLinkAs(reader, state.cardLink);
    await see(reader.page, INTRO);
    await see(reader.page, SALES.display);
    const bound = await eventually('the reader bound to 李娜', async () => {
      const [u] = await docs('users', { _id: READER.openid });
      return u?.boundSalesId === SALES.openid ? u : undefined;
    });
    expect(bound.boundSalesId).toBe(SALES.openid);
    await eventually('a card view in the reader\'s stream', async () => ((await docs('customer_events', { openid: READER.openid, type: 'card_viewed' })).length === 1 ? true : undefined));
    await e2e.shot(reader.page, 'card-seen');
  });

  step('she forwards a customer case from the materials library', async () => {
    await sales.open('/packageSales/materials/index');
    const item = sales.page.locator(`[data-testid=material-item][data-id=${CASE.id}]:visible`).first();
    await item.waitFor({ timeout: 20000 });
    await item.locator('[data-testid=material-forward]').click();
    const sheet = sales.page.locator('[data-testid=material-share-sheet]:visible').first();
    state.caseLink = await copyLink(sales.page, sheet);
    await e2e.shot(sales.page, 'material-forward');
  });

  step('the customer reads it for 40 s (clocks moved, nothing sleeps) and scrolls to 80 %', async () => {
    const page = reader.page;
    // A fresh document, so the fake clock is in place before the app starts.
    await page.goto('about:blank');
    await page.clock.install();
    await openLinkAs(reader, state.caseLink!);
    await page.locator('[data-testid=material-title]:visible', { hasText: CASE.title }).waitFor({ timeout: 20000 });
    const visit = await eventually('the material visit opened', async () => (await docs('customer_events', { openid: READER.openid, type: 'material_read' }))[0]);
    state.visitId = String(visit._id);
    // The case's images change its height as they load; scroll only once they have (else 80 % of a
    // shorter page reads as less once they arrive, and no later scroll would correct it).
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.mat-page img')).every((img) => (img as HTMLImageElement).complete), undefined, { timeout: 20000 });
    // Scroll the page's scroller so the bottom of the screen is at 80 % of the content; repeated
    // until the page has measured it (a scroll can land before the page's listener is attached).
    const scrollTo80 = () => page.evaluate(() => {
      const content = document.querySelector('.mat-page') as HTMLElement;
      let scroller: HTMLElement | null = content;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
      const target = scroller ?? (document.scrollingElement as HTMLElement);
      const top = Math.max(0, Math.round(0.8 * content.getBoundingClientRect().height - window.innerHeight));
      target.scrollTop = top;
      target.dispatchEvent(new Event('scroll'));
      return { top, height: content.getBoundingClientRect().height, viewport: window.innerHeight };
    });
    const depthShown = () => page.evaluate(() => Number(document.querySelector('[data-testid=material-page]')?.getAttribute('data-depth')));
    const scrolled = await scrollTo80();
    expect(scrolled.height).toBeGreaterThan(scrolled.viewport); // the case is longer than a screen
    // The page measures it (rounded to whole percents): 80 %, give or take the rounding.
    await eventually('the page measured 80 %', async () => {
      if ((await depthShown()) >= 80) return true;
      await scrollTo80();
      return undefined;
    });
    const measured = Number(await page.locator('[data-testid=material-page]').first().getAttribute('data-depth'));
    expect(measured).toBeLessThanOrEqual(81);
    // 40 s pass on the server and in the page (its 1 s ticker fires 40 times; it reports every 5 s).
    e2e.cloud.advanceClock(READ_MS);
    await page.clock.runFor(READ_MS);
    const read = await eventually('the 40 s and 80 % reported', async () => {
      const [v] = await docs('customer_events', { _id: state.visitId });
      return v && Number(v.seconds) >= 40 && Number(v.depth) === measured ? v : undefined;
    });
    // Never more than the time elapsed since the visit opened (server clock).
    const elapsedS = (e2e.cloud.now().getTime() - new Date(read.at as string | Date).getTime()) / 1000;
    expect(Number(read.seconds)).toBeLessThanOrEqual(elapsedS);
    state.seconds = Number(read.seconds);
    state.depth = Number(read.depth);
    await e2e.shot(page, 'material-read');
  }, 120_000);

  step('her radar shows that visit with its time and depth', async () => {
    await sales.open('/packageSales/radar/index');
    const row = sales.page.locator(`[data-testid=radar-row][data-visit="${state.visitId}"]:visible`).first();
    await row.waitFor({ timeout: 20000 });
    const seconds = state.seconds!;
    const shown = seconds >= 60 ? `${Math.floor(seconds / 60)}分${String(seconds % 60).padStart(2, '0')}秒` : `${seconds}秒`;
    expect((await row.locator('[data-testid=radar-seconds]').innerText()).trim()).toBe(shown);
    expect((await row.locator('[data-testid=radar-depth]').innerText()).trim()).toBe(`读到 ${state.depth}%`);
    await expect(row.innerText()).resolves.toContain(CASE.title);
    await e2e.shot(sales.page, 'radar');
  });

  step("the customer's timeline (customer 360) shows the card view and the read", async () => {
    await sales.page.locator(`[data-testid=radar-row][data-visit="${state.visitId}"]:visible`).first().click();
    await sales.page.locator('[data-testid=c360-name]:visible').waitFor({ timeout: 20000 });
    const types = async () => sales.page.locator('[data-testid=timeline-item]:visible').evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
    await eventually('both events on the timeline', async () => {
      const t = await types();
      return t.includes('card_viewed') && t.includes('material_read') ? t : undefined;
    });
    const readItem = sales.page.locator('[data-testid=timeline-item][data-type=material_read]:visible').first();
    await expect(readItem.innerText()).resolves.toContain(`读到 ${state.depth}%`);
    await e2e.shot(sales.page, 'timeline');
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
