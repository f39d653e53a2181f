/**
 * Checkout shows the server's price: every figure on the page is order.quote's for the same cart
 * (best coupon preselected, "no coupon", a group order's leader perk and coupon), and the order
 * that submit creates through order.create charges exactly the quoted total with the quoted coupon.
 */
import type { Page } from 'playwright-core';
import type { Reply } from '../shared/contract';
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';

type Quote = Reply<'order', 'quote'>;
const BUYER = 'o_cust_2';

/** The figures the page shows, in fen (data-fen of the quote's cells, once they are on screen). */
async function shownFigures(page: Page): Promise<{ subtotalFen: number; activityDiscountFen: number; couponDiscountFen: number; totalFen: number }> {
  const fen = async (id: string) => {
    const el = page.locator(`[data-testid=${id}]:visible`).first();
    return (await el.count()) ? Number(await el.getAttribute('data-fen')) : 0;
  };
  await page.locator('[data-testid=price-total]:visible').first().waitFor({ timeout: 20000 });
  return { subtotalFen: await fen('price-subtotal'), activityDiscountFen: await fen('price-activity'), couponDiscountFen: await fen('price-coupon'), totalFen: await fen('price-total') };
}

const figuresOf = (q: Quote) => ({ subtotalFen: q.subtotalFen, activityDiscountFen: q.activityDiscountFen, couponDiscountFen: q.couponDiscountFen, totalFen: q.totalFen });

describe('h5: checkout shows order.quote and orders through order.create', () => {
  let e2e: E2E;
  let buyer: Person;
  let flat5 = '';
  const quote = (fields: Record<string, unknown>) => e2e.cloud.ok<Quote>('order', { action: 'quote', ...fields }, BUYER);

  beforeAll(async () => {
    e2e = await startE2E('checkout');
    flat5 = (await e2e.cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, BUYER)).couponId;
    await e2e.cloud.ok('coupon', { action: 'claim', templateId: 'ct_man100_15' }, BUYER);
    buyer = await e2e.person('buyer', BUYER);
  });

  afterAll(async () => {
    if (e2e) console.log(`checkout screenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  it('buying alone: the best coupon is preselected and the figures are the quote\'s; "no coupon" re-quotes', async () => {
    const cart = { items: [{ productId: 'p03', skuId: 'p03-s1', qty: 2 }] };
    const best = await quote(cart);
    expect(best.couponId).not.toBeNull();
    await buyer.open('/packageShop/checkout/index', { productId: 'p03', skuId: 'p03-s1', qty: '2', mode: 'single' });
    expect(await shownFigures(buyer.page)).toEqual(figuresOf(best));
    await e2e.shot(buyer.page, 'single-best-coupon');

    const none = await quote({ ...cart, couponId: null });
    await buyer.page.locator('[data-testid=coupon-cell]:visible').first().click();
    await buyer.page.locator('[data-testid=coupon-none]:visible').first().click();
    await buyer.page.waitForFunction(() => document.querySelector('[data-testid=price-coupon]')?.getAttribute('data-fen') === '0', undefined, { timeout: 20000 });
    expect(await shownFigures(buyer.page)).toEqual(figuresOf(none));
    expect(none.totalFen).toBe(best.totalFen + best.couponDiscountFen);
    await e2e.shot(buyer.page, 'single-no-coupon');
  });

  it('opening a team of a deal that allows coupons: leader perk and coupon from the quote; the order charges the quoted total with the quoted coupon', async () => {
    await e2e.cloud.db.collection('group_deals').doc('gd_p02_trio').update({ allowCoupon: true });
    const q = await quote({ dealId: 'gd_p02_trio' });
    expect(q).toMatchObject({ couponId: flat5, activityDiscountFen: 1000, couponDiscountFen: 500 });
    await buyer.open('/packageShop/checkout/index', { productId: 'p02', skuId: 'p02-s1', qty: '1', mode: 'open', dealId: 'gd_p02_trio' });
    expect(await shownFigures(buyer.page)).toEqual(figuresOf(q));
    await e2e.shot(buyer.page, 'open-team-with-coupon');

    await buyer.page.locator('[data-testid=submit-order]:visible').first().click();
    // The pay sheet: the local cashier, charging exactly the quoted total.
    await buyer.page.waitForURL(/\/cashier\?/, { timeout: 30000 });
    await buyer.page.getByText(`¥${(q.totalFen / 100).toFixed(2)}`).first().waitFor({ timeout: 15000 });
    await e2e.shot(buyer.page, 'open-team-cashier');
    expect(await payAtCashier(buyer.page)).toBe('SUCCESS');
    await buyer.page.waitForURL(/packageShop\/team\/index\?id=.*payResult=ok/, { timeout: 30000 });
    const teamId = new URL(buyer.page.url().replace('#/', '')).searchParams.get('id');
    const orders = (await e2e.cloud.db.collection('orders').where({ buyerOpenid: BUYER, teamId }).get()) as { data: Array<Record<string, unknown>> };
    expect(orders.data).toEqual([expect.objectContaining({ couponId: flat5, totalFen: q.totalFen, paidFen: q.totalFen, status: 'paid' })]);
    const coupon = (await e2e.cloud.db.collection('coupons').doc(flat5).get()) as { data: Array<Record<string, unknown>> };
    expect(coupon.data[0]).toMatchObject({ status: 'used' });
    await e2e.shot(buyer.page, 'open-team-paid');
  });

  it('opening a team of a deal without coupons: the quote offers none and the page says so', async () => {
    const q = await quote({ dealId: 'gd_p01_duo' });
    expect(q).toMatchObject({ couponId: null, couponDiscountFen: 0 });
    await buyer.open('/packageShop/checkout/index', { productId: 'p01', skuId: 'p01-s1', qty: '1', mode: 'open', dealId: 'gd_p01_duo' });
    expect(await shownFigures(buyer.page)).toEqual(figuresOf(q));
    await buyer.page.getByText('本单无可用券').filter({ visible: true }).first().waitFor({ timeout: 15000 });
    await e2e.shot(buyer.page, 'open-team-no-coupon');
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
