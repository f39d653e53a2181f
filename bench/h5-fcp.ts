/**
 * Benchmark 5: the h5 shelf page in Chromium on the local cloud — first contentful paint ≤ 1.5 s.
 * The h5 build (miniprogram/dist/h5, built with `npm run build:h5` when missing or stale) is served
 * by an in-process local cloud, like the e2e suite. Each load uses a fresh browser context (cold
 * HTTP cache, own localStorage) with the e2e's phone viewport; FCP comes from
 * `performance.getEntriesByName('first-contentful-paint')`. Also measured: when the first product
 * title is in the DOM (the shelf's data arrived and rendered), and bytes transferred.
 */
import { join } from 'node:path';
import { chooseChromium, launchChromium } from '../e2e/browser';
import { startTestCloud } from '../emulator/testing';
import { ensureBuild } from './build-util';
import { budget, median, REPO_ROOT, round, type Budget } from './lib';
import type { Bench } from './run-one';

const LOADS = 7;
const FCP_BUDGET_MS = 1500;

interface Load {
  fcpMs: number | null;
  shelfMs: number | null;
  domContentLoadedMs: number;
  loadMs: number;
  transferKB: number;
  functionCalls: number;
}

export const bench: Bench = {
  title: 'h5 shelf page: first contentful paint in Chromium',
  async run() {
    const dist = join(REPO_ROOT, 'miniprogram', 'dist', 'h5');
    const build = ensureBuild('h5', join(dist, 'index.html'));
    const cloud = await startTestCloud();
    cloud.cloud.paths.h5 = dist;
    const expected = await cloud.ok<{ products: Array<{ title: string }> }>('shelf', { action: 'view', salesId: 'o_sales_wang' }, 'o_cust_2');
    const firstTitle = expected.products[0]?.title;
    const browserSource = (await chooseChromium()).source;
    const browser = await launchChromium();
    const loads: Load[] = [];
    const errors: string[] = [];
    try {
      for (let i = 0; i < LOADS; i++) {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN', hasTouch: true, isMobile: true });
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(String(e)));
        let functionCalls = 0;
        page.on('request', (r) => void (r.url().includes('/functions/') && functionCalls++));
        await page.goto(`${cloud.url}/#/pages/shelf/index?as=o_cust_2&salesId=o_sales_wang`, { waitUntil: 'load' });
        let shelfMs: number | null = null;
        if (firstTitle) {
          shelfMs = await page
            .waitForFunction((t) => (document.body.innerText.includes(t) ? performance.now() : 0), firstTitle, { timeout: 20_000, polling: 'raf' })
            .then((h) => h.jsonValue() as Promise<number>)
            .catch(() => null);
        }
        // FCP is reported asynchronously: wait (bounded) until the entry exists.
        await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
        const m = await page.evaluate(() => {
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
          const res = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
          const bytes = res.reduce((s, r) => s + (r.transferSize || 0), 0) + (nav?.transferSize ?? 0);
          return { fcp: fcp ? fcp.startTime : null, dcl: nav?.domContentLoadedEventEnd ?? 0, load: nav?.loadEventEnd ?? 0, bytes };
        });
        loads.push({
          fcpMs: m.fcp === null ? null : round(m.fcp),
          shelfMs: shelfMs === null ? null : round(shelfMs),
          domContentLoadedMs: round(m.dcl),
          loadMs: round(m.load),
          transferKB: round(m.bytes / 1024),
          functionCalls,
        });
        await context.close();
      }
    } finally {
      await browser.close().catch(() => undefined);
      await cloud.close();
    }
    const fcps = loads.map((l) => l.fcpMs).filter((x): x is number => x !== null);
    const shelves = loads.map((l) => l.shelfMs).filter((x): x is number => x !== null);
    console.log('load  FCP ms  shelf ms  DCL ms  load ms  KB  function calls');
    loads.forEach((l, i) => console.log(`${String(i + 1).padStart(4)}  ${String(l.fcpMs).padStart(6)}  ${String(l.shelfMs).padStart(8)}  ${String(l.domContentLoadedMs).padStart(6)}  ${String(l.loadMs).padStart(7)}  ${l.transferKB}  ${l.functionCalls}`));
    const fcpMedian = fcps.length === LOADS ? round(median(fcps)) : null;
    const budgets: Budget[] = [
      budget(`h5 shelf FCP (median of ${LOADS} cold loads)`, fcpMedian, '<=', FCP_BUDGET_MS, 'ms'),
      budget('h5 shelf loads that showed products', shelves.length, '==', LOADS),
      budget('h5 page errors', errors.length, '==', 0, '', errors.slice(0, 3).join(' | ')),
    ];
    return { figures: { build, browser: browserSource, loads, fcpMedianMs: fcpMedian, fcpMaxMs: fcps.length ? Math.max(...fcps) : null, shelfMedianMs: shelves.length ? round(median(shelves)) : null, errors }, budgets };
  },
};
