/**
 * Issue 2's check: a customer opens the URL and sees a salesperson's shelf with products and their
 * images loaded (naturalWidth > 0), with no browser console errors.
 */
import { expectImagesLoaded, formatIssues, useE2E } from './harness';

interface ShelfView {
  sales?: { name: string; openid: string };
  products: Array<{ id: string; title: string; images?: string[] }>;
}

describe('h5: a customer opens a salesperson shelf', () => {
  const e2e = useE2E('shelf');

  it('shows the salesperson card and every product with its image loaded', async () => {
    const expected = await e2e().cloud.ok<ShelfView>('shelf', { action: 'view', salesId: 'o_sales_wang' }, 'o_cust_2');
    expect(expected.products.length).toBeGreaterThan(0);
    const customer = await e2e().person('customer', 'o_cust_2');
    const t0 = Date.now();
    await customer.open('/pages/shelf/index', { salesId: 'o_sales_wang' });
    const page = customer.page;
    await page.getByText(expected.products[0].title).first().waitFor({ timeout: 20000 });
    const renderMs = Date.now() - t0;
    if (expected.sales) await page.getByText(expected.sales.name).first().waitFor();
    const body = await page.locator('body').innerText();
    for (const p of expected.products.slice(0, 20)) expect(body).toContain(p.title);
    const imgs = await expectImagesLoaded(page, '.pcard img');
    expect(imgs.length).toBe(Math.min(expected.products.filter((p) => p.images?.length).length, 20));
    await e2e().shot(page, 'customer-shelf');
    console.log(`shelf: ${expected.products.length} products of ${expected.sales?.name}, first title after ${renderMs} ms, ${imgs.length} images loaded`);
    expect(formatIssues(e2e().issues)).toBe('');
  });
});
