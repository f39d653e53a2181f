/**
 * What the story e2e files share (loop.e2e.ts, backoffice.e2e.ts): steps that run in order and
 * stop at the first failure, the h5 copy-link, opening a link as a person, waiting for text.
 */
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { E2E, Person } from './harness';

/** The h5 share link: copy-link → clipboard (Taro also keeps it in storage `taro_clipboard`). */
export async function copyLink(page: Page, scope = page.locator('body'), testid = 'copy-link'): Promise<string> {
  // Clear both places, so a second copy on the same page never reads the first one's link.
  await page.evaluate(() => {
    localStorage.removeItem('taro_clipboard');
    return navigator.clipboard.writeText('').catch(() => undefined);
  });
  await scope.locator(`[data-testid=${testid}]:visible`).first().click();
  const t0 = Date.now();
  for (;;) {
    const link = await page.evaluate(async () => {
      const fromClipboard = await navigator.clipboard.readText().catch(() => '');
      if (fromClipboard.includes('#/')) return fromClipboard;
      try {
        const v = JSON.parse(localStorage.getItem('taro_clipboard') || 'null') as { data?: string } | null;
        if (v?.data && v.data.includes('#/')) return v.data;
      } catch {
        /* not JSON */
      }
      return '';
    });
    if (link) return link;
    if (Date.now() - t0 > 15000) throw new Error('copy-link put no h5 link on the clipboard within 15 s');
    await page.waitForTimeout(100);
  }
}

/** Opens a copied h5 link as `openid` (the h5 stand-in for WeChat's identity: `as=` in the hash query). */
export async function openLinkAs(p: Person, link: string): Promise<void> {
  const url = new URL(link);
  const sep = url.hash.includes('?') ? '&' : '?';
  await p.page.goto(`${url.origin}/${url.hash}${sep}as=${encodeURIComponent(p.openid)}`, { waitUntil: 'domcontentloaded' });
}

/** Waits for visible text. */
export async function see(page: Page, text: string | RegExp, timeout = 20000): Promise<void> {
  await page.getByText(text).filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
}

/**
 * `step(name, fn)`: an `it` that runs only if every earlier step passed, records its time, and on
 * failure saves a `FAILED-<person>` screenshot of what each person was looking at.
 */
export function storySteps(e2e: () => E2E) {
  const state: { failed?: string } = {};
  const timings: string[] = [];
  const step = (name: string, fn: () => Promise<void>, timeout = 90000) =>
    it(
      name,
      async () => {
        if (state.failed) throw new Error(`not reached: step "${state.failed}" failed`);
        const t0 = Date.now();
        try {
          await fn();
        } catch (err) {
          state.failed = name;
          for (const p of e2e().people) await e2e().shot(p.page, `FAILED-${p.name}`).catch(() => undefined);
          throw err;
        } finally {
          timings.push(`${name}: ${Date.now() - t0} ms`);
        }
      },
      timeout,
    );
  return { step, timings };
}

/** A salesperson shares her shelf: workbench → 分享中心 → copy link; the link is a landing page with a share id. */
export async function shareShelf(p: Person): Promise<string> {
  await p.open('/packageSales/workbench/index');
  await see(p.page, '分享中心');
  const link = await copyLink(p.page);
  expect(link).toMatch(/#\/pages\/landing\/index\?s=[0-9A-Za-z_-]{1,10}$/);
  return link;
}

/** Waits (up to 20 s) until `read` gives `want`: the page's call lands after the click. */
export async function until(read: () => Promise<unknown>, want: unknown): Promise<void> {
  const t0 = Date.now();
  let seen = await read();
  while (seen !== want && Date.now() - t0 < 20000) {
    await new Promise((r) => setTimeout(r, 200));
    seen = await read();
  }
  expect(seen).toBe(want);
}

/** Fen as the app shows money, e.g. 1880 → `¥18.80`, -500 → `-¥5.00`. */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A small one-colour PNG, as a phone photo would be picked. */
export function photoPng(rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: 16, height: 16 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...rgb, 255], i);
  return PNG.sync.write(png);
}
