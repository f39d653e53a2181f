/**
 * Browser e2e harness: Chromium (see browser.ts: the system one, else the npm-shipped one) driven by playwright-core against an in-process local
 * cloud that serves the h5 build (miniprogram/dist/h5; override with LINKSHELF_H5_DIR). Every
 * person gets their own browser context (own localStorage = own persona). Every console error and
 * page error of every context is collected; tests assert there are none. Screenshots go to
 * e2e/screenshots/ (gitignored).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startTestCloud, type TestCloud } from '../emulator/testing';

export const REPO_ROOT = resolve(__dirname, '..');
export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e', 'screenshots');

export interface BrowserIssue {
  who: string;
  kind: 'console.error' | 'pageerror' | 'requestfailed' | 'http';
  text: string;
  url?: string;
}

export interface Person {
  name: string;
  openid: string;
  context: BrowserContext;
  page: Page;
  /** Opens a hash route of the h5 app, e.g. `/pages/shelf/index?salesId=o_sales_li`. */
  open(route: string, query?: Record<string, string>): Promise<void>;
}

export interface E2E {
  cloud: TestCloud;
  browser: Browser;
  issues: BrowserIssue[];
  /** A new browser context for one person (phone viewport; `desktop` for the ops console). */
  person(name: string, openid: string, options?: { desktop?: boolean }): Promise<Person>;
  /** Full-page screenshot e2e/screenshots/<prefix>-<NN>-<step>.png; returns its path. */
  shot(page: Page, step: string): Promise<string>;
  shots: string[];
  /** Everyone created so far. */
  people: Person[];
  close(): Promise<void>;
}

export function h5Dir(): string {
  const dir = process.env.LINKSHELF_H5_DIR ? resolve(process.env.LINKSHELF_H5_DIR) : join(REPO_ROOT, 'miniprogram', 'dist', 'h5');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `No h5 build at ${dir} (index.html missing). Build it first: npm run build:h5 ` +
        '(npm test does this before the e2e suite). The e2e tests never build by themselves.',
    );
  }
  return dir;
}

/**
 * One local cloud and browser for a describe block: started before its tests, closed after them.
 * @returns the running E2E (throws if asked before the block's beforeAll ran).
 */
export function useE2E(prefix: string, options: { liveClock?: boolean } = {}): () => E2E {
  let e2e: E2E | undefined;
  beforeAll(async () => {
    e2e = await startE2E(prefix, options);
  });
  afterAll(async () => {
    await e2e?.close();
  });
  return () => {
    if (!e2e) throw new Error(`e2e ${prefix}: not started`);
    return e2e;
  };
}

export async function startE2E(prefix: string, options: { liveClock?: boolean } = {}): Promise<E2E> {
  const dist = h5Dir();
  const cloud = await startTestCloud();
  cloud.cloud.paths.h5 = dist;
  // The browser counts down with its own clock (team expiry, coupon validity), so by default the
  // cloud runs on real time too, and the demo data is re-seeded relative to it (promotions are
  // active for 30 days from the seed instant).
  if (options.liveClock !== false) {
    cloud.cloud.clock.set(Date.now(), false);
    await cloud.reset();
    await cloud.seed();
  }
  const browser = await launchChromium();
  const issues: BrowserIssue[] = [];
  const shots: string[] = [];
  const contexts: BrowserContext[] = [];
  const people: Person[] = [];
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // This file's shots from an earlier run (incl. FAILED-*) would be mistaken for this run's.
  for (const f of readdirSync(SCREENSHOT_DIR)) if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(join(SCREENSHOT_DIR, f));
  let n = 0;

  const person = async (name: string, openid: string, options: { desktop?: boolean } = {}): Promise<Person> => {
    // A phone-sized viewport, like the mini-program on a mid-range phone; ops work on a desktop.
    const context = await browser.newContext(
      options.desktop
        ? { viewport: { width: 1280, height: 800 }, locale: 'zh-CN' }
        : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, isMobile: true },
    );
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') issues.push({ who: name, kind: 'console.error', text: `${msg.text()}${msg.location()?.url ? ` (${msg.location().url})` : ''}`, url: msg.location()?.url });
    });
    page.on('pageerror', (err) => issues.push({ who: name, kind: 'pageerror', text: String(err?.stack || err) }));
    page.on('requestfailed', (req) => {
      const failure = req.failure()?.errorText ?? '';
      // A navigation away aborts in-flight requests: not a fault of the app.
      if (failure !== 'net::ERR_ABORTED') issues.push({ who: name, kind: 'requestfailed', text: `${req.method()} ${req.url()} ${failure}` });
    });
    page.on('response', (res) => {
      if (res.status() >= 400) issues.push({ who: name, kind: 'http', text: `${res.status()} ${res.request().method()} ${res.url()}` });
    });
    const p: Person = {
      name,
      openid,
      context,
      page,
      async open(route, query = {}) {
        const qs = new URLSearchParams({ as: openid, ...query }).toString();
        await page.goto(`${cloud.url}/#${route}?${qs}`, { waitUntil: 'domcontentloaded' });
      },
    };
    people.push(p);
    return p;
  };

  return {
    cloud,
    browser,
    issues,
    person,
    shots,
    people,
    async shot(page, step) {
      n += 1;
      // Taro h5 scrolls inside its page container, not the window: bring every scroller to the top.
      await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('*'))) if (el.scrollTop > 0) el.scrollTop = 0;
        window.scrollTo(0, 0);
      });
      const file = join(SCREENSHOT_DIR, `${prefix}-${String(n).padStart(2, '0')}-${step}.png`);
      await page.screenshot({ path: file, fullPage: true });
      shots.push(file);
      return file;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await cloud.close();
    },
  };
}

/**
 * The payer at WeChat Pay's pay sheet — in the h5 build, the local cloud's cashier page the app
 * opened (`/cashier?prepay_id=…&return=…`): taps pay (or fail / cancel) and waits until the cashier
 * has sent the browser back into the app (the cashier answers once WeChat Pay's notice reached
 * payNotify). Returns the trade's state the cashier showed.
 */
export async function payAtCashier(page: Page, outcome: 'pay' | 'fail' | 'cancel' = 'pay'): Promise<string> {
  await page.waitForURL(/\/cashier\?/, { timeout: 30000 });
  const button = page.locator(`button[data-outcome=${outcome}]`);
  await button.waitFor({ timeout: 15000 });
  // The cashier leaves the page as soon as its POST answers: read the reply on its way through.
  let state = '';
  const cashierPost = '**/_emulator/cashier';
  await page.route(cashierPost, async (route) => {
    const reply = await route.fetch();
    state = ((await reply.json()) as { tradeState?: string }).tradeState ?? '';
    await route.fulfill({ response: reply });
  });
  try {
    await button.click();
    await page.waitForURL((u) => !u.pathname.startsWith('/cashier'), { timeout: 30000 });
  } finally {
    await page.unroute(cashierPost);
  }
  return state;
}

/** All product images on the page: scrolls each into view (they lazy-load) and waits for pixels. */
export async function expectImagesLoaded(page: Page, selector: string, timeoutMs = 15000): Promise<Array<{ src: string; naturalWidth: number }>> {
  const imgs = page.locator(selector);
  const count = await imgs.count();
  for (let i = 0; i < count; i++) await imgs.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (sel) => {
      const list = Array.from(document.querySelectorAll(sel)) as HTMLImageElement[];
      return list.length > 0 && list.every((img) => img.complete && img.naturalWidth > 0);
    },
    selector,
    { timeout: timeoutMs },
  );
  return page.$$eval(selector, (list) => (list as HTMLImageElement[]).map((img) => ({ src: img.currentSrc || img.src, naturalWidth: img.naturalWidth })));
}

export function formatIssues(issues: BrowserIssue[]): string {
  return issues.map((i) => `[${i.who}] ${i.kind}: ${i.text}`).join('\n');
}

