/**
 * Issue 10 in the browser, beside the loop's payments at the cashier (loop.e2e.ts, checkout.e2e.ts).
 *
 * The upload end to end, its first real use: the salesperson changes her avatar on the
 * workbench (我的名片 → 更换头像) → the app uploads the picked picture into her own storage folder
 * (`services/storage.ts`, h5: `/client/storage/upload`) and sets it with sales.setAvatar → her card
 * shows it from its temporary URL (and customers' shelves answer the same picture) → she removes
 * it → the card falls back to her initial and the upload is deleted from storage. The seeded
 * picture it replaced is never deleted.
 *
 * The console's WeChat side: after a payment at the cashier and its refund, ops see the trade, the
 * refund, WeChat Pay's callbacks, the subscribe-message outbox and the storage files beside the
 * collections. Screenshots: e2e/screenshots/wechat-side-*.png.
 */
import { PNG } from 'pngjs';
import { doc, HOME } from '../tests/support/commerce';
import { finishRefunds, payOrder } from '../tests/support/pay';
import { formatIssues, useE2E } from './harness';

const SALES = 'o_sales_li';
const CUSTOMER = 'o_cust_1';

/** A small PNG, as a phone photo would be picked. */
function photo(): Buffer {
  const png = new PNG({ width: 24, height: 24 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([230, 120, 30, 255], i);
  return PNG.sync.write(png);
}

/** Status and bytes of a temporary URL, fetched as anyone with the link would. */
async function download(url: string): Promise<{ status: number; body: Buffer }> {
  const res = await fetch(url);
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
}

type Shelf = { sales: { avatarUrl: string } };

describe('h5: the WeChat side of the local cloud — an upload, and the console', () => {
  const e2e = useE2E('wechat-side');

  it('upload → stored under her folder → shown from its temporary URL → removed and deleted', async () => {
    const seeded = (await e2e().cloud.ok<Shelf>('shelf', { action: 'view', salesId: SALES }, CUSTOMER)).sales.avatarUrl;
    expect(seeded).toMatch(/^http/);
    const sales = await e2e().person('sales', SALES);
    const page = sales.page;
    const card = page.locator('[data-testid=my-card]:visible');
    await sales.open('/packageSales/workbench/index');
    await card.waitFor({ timeout: 20000 });

    const picked = photo();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 20000 }), card.locator('[data-testid=avatar-change]').click()]);
    await chooser.setFiles({ name: 'me.png', mimeType: 'image/png', buffer: picked });

    // Shown: the card's picture is the upload, loaded from its temporary URL.
    const shown = `[data-testid=my-card] img[src*="/uploads/${SALES}/avatar/"]`;
    await page.waitForFunction((sel) => {
      const img = document.querySelector(sel) as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0;
    }, shown, { timeout: 20000 });
    const src = await page.locator(shown).getAttribute('src');
    expect(src).toMatch(/\?sign=/);
    expect((await page.locator(shown).evaluate((img) => (img as HTMLImageElement).naturalWidth))).toBe(24);
    await e2e().shot(page, 'workbench-avatar-set');

    // Stored: her document holds the cloud:// file id of her own folder; the URL serves the bytes
    // she picked; customers' shelves answer the same picture.
    const fileId = String((await doc(e2e().cloud, 'users', SALES))?.avatarFileId);
    expect(fileId).toMatch(new RegExp(`^cloud://.+/uploads/${SALES}/avatar/.+\\.png$`));
    const served = await download(src!);
    expect(served.status).toBe(200);
    expect(served.body.equals(picked)).toBe(true);
    const customerView = (await e2e().cloud.ok<Shelf>('shelf', { action: 'view', salesId: SALES }, CUSTOMER)).sales.avatarUrl;
    expect(new URL(customerView).pathname).toBe(new URL(src!).pathname);

    // Removed: the card shows her initial, the document forgets the file, the upload is deleted.
    await card.locator('[data-testid=avatar-remove]').click();
    await card.locator('.sales-initial').waitFor({ timeout: 20000 });
    expect(await page.locator(shown).count()).toBe(0);
    expect((await doc(e2e().cloud, 'users', SALES))?.avatarFileId ?? null).toBeNull();
    let gone = 0;
    for (let i = 0; i < 50 && gone !== 404; i++) {
      gone = (await download(src!)).status;
      if (gone !== 404) await new Promise((r) => setTimeout(r, 200));
    }
    expect(gone).toBe(404);
    await e2e().shot(page, 'workbench-avatar-removed');

    // The seeded picture it replaced belongs to the brand's setup and is still there.
    expect((await download(seeded)).status).toBe(200);
    expect(formatIssues(e2e().issues)).toBe('');
  });

  it('ops see a payment, its refund, the callbacks, the outbox and the files in the console', async () => {
    const customer = 'o_cust_2';
    const order = await e2e().cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }], idempotencyKey: 'e2e-console-1' }, customer);
    const paid = await payOrder(e2e().cloud, order.orderId, customer);
    const tradeNo = paid.start.ok ? paid.start.data.outTradeNo : '';
    expect(paid.paid).toBe(true);
    await e2e().cloud.ok('order', { action: 'refund', orderId: order.orderId }, 'o_ops'); // staff refund at once (buyers ask through after-sale)
    await finishRefunds(e2e().cloud);
    expect(await doc(e2e().cloud, 'orders', order.orderId)).toMatchObject({ status: 'refunded' });

    const ops = await e2e().person('ops', 'o_ops', { desktop: true });
    const page = ops.page;
    await page.goto(`${e2e().cloud.url}/console`, { waitUntil: 'domcontentloaded' });
    await page.locator('[data-testid="console-signin-o_ops"]').click();
    await page.locator('[data-testid=console-who]').filter({ hasText: '周运营' }).waitFor();
    const views: Array<[view: string, row: string | RegExp]> = [
      ['wxpay/trades', new RegExp(`${tradeNo} · ¥\\d+\\.\\d\\d \\[REFUND\\] · 退款 1`)],
      ['wxpay/refunds', new RegExp(`${tradeNo} · ¥\\d+\\.\\d\\d \\[SUCCESS\\]`)],
      ['wxpay/callbacks', new RegExp(`pay:${tradeNo} → payNotify ×1 \\[acknowledged\\]`)],
      // The buyer accepted no subscription here, so the paid and refund messages were not sent: the view opens, empty.
      ['outbox', '（空）'],
      ['storage', 'avatars/li.svg'],
    ];
    for (const [view, row] of views) {
      await page.locator(`#wechat-views li[data-view="${view}"]`).click();
      const li = page.locator('#docs li').filter({ hasText: row }).first();
      await li.waitFor({ timeout: 20000 });
      if (view === 'outbox') continue;
      await li.click();
      await page.locator('#status').filter({ hasText: '只读' }).waitFor({ timeout: 5000 });
      expect(await page.locator('#editor').inputValue()).toMatch(/"_id"/);
    }
    await e2e().shot(page, 'console-storage');
    expect(formatIssues(e2e().issues)).toBe('');
  });
});
