/**
 * Flash sale (秒杀) in the h5 build: the shelf shows the next sale; the flash page counts down to
 * a sale that has not started and takes a reminder; the cloud's clock moves past the start and the
 * sale is on; a customer buys a unit, pays it at the cashier, and the units left drop by one; a
 * second buy beyond the per-customer limit is refused with its message, and nothing more is taken.
 */
import type { Page } from 'playwright-core';
import { FLASH_IDS } from '../emulator/seed';
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';
import { see, storySteps } from './story';

type Stored = Record<string, unknown>;

const BUYER = 'o_cust_1';
const SALE = FLASH_IDS.upcoming; // 福鼎白茶, 10 units, starts two hours after the seed
const HOUR = 3600 * 1000;

const click = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]:visible`).first().click();
const textOf = (page: Page, testid: string) => page.locator(`[data-testid=${testid}]:visible`).first().innerText();

/** A stored document as the local cloud holds it. */
async function storedIn(e2e: E2E, collection: string, id: string): Promise<Stored | undefined> {
  return ((await e2e.cloud.db.collection(collection).doc(id).get()) as { data: Stored[] }).data[0];
}

describe('h5: a flash sale counts down, starts, sells one unit per customer', () => {
  let e2e: E2E;
  const { step, timings } = storySteps(() => e2e);
  const stored = (collection: string, id: string) => storedIn(e2e, collection, id);
  let buyer: Person;
  let orderId = '';

  beforeAll(async () => {
    e2e = await startE2E('flash');
    // One per customer, so the second buy is the one beyond the limit.
    await e2e.cloud.db.collection('flash_sales').doc(SALE).update({ perUserLimit: 1 });
    buyer = await e2e.person('buyer', BUYER);
  });

  afterAll(async () => {
    if (e2e) console.log(`flash: ${timings.join(', ')}\nscreenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('the shelf shows the live flash sale; the flash page counts down to the coming one and takes a reminder', async () => {
    await buyer.open('/pages/shelf/index', { salesId: 'o_sales_li' });
    await see(buyer.page, '剩余 20/20 件');
    await click(buyer.page, 'flash-strip');
    await see(buyer.page, '秒杀 福鼎白茶');
    const first = await textOf(buyer.page, `flash-countdown-${SALE}`);
    expect(first).toMatch(/距开抢 0[12]:\d\d:\d\d/);
    // It counts down: a second later it shows less.
    await buyer.page.waitForFunction(([id, before]) => document.querySelector(`[data-testid=flash-countdown-${id}]`)?.textContent !== before, [SALE, first] as const, { timeout: 5000 });
    await e2e.shot(buyer.page, 'countdown');
    await click(buyer.page, `flash-remind-${SALE}`);
    await see(buyer.page, '开抢时提醒你');
    expect(await stored('flash_reminders', `${SALE}:${BUYER}`)).toMatchObject({ flashId: SALE, openid: BUYER, sentAt: null });
  });

  step('the clock passes the start: the sale is on with every unit left', async () => {
    e2e.cloud.advanceClock(2 * HOUR + 1000);
    await buyer.page.reload({ waitUntil: 'domcontentloaded' });
    await see(buyer.page, '剩余 10/10 件');
    expect(await buyer.page.locator(`[data-testid=flash-countdown-${SALE}]`).count()).toBe(0);
    await e2e.shot(buyer.page, 'started');
  });

  step('the customer buys a unit and pays it at the cashier: the order is paid at the flash price', async () => {
    await click(buyer.page, `flash-buy-${SALE}`);
    await buyer.page.waitForURL(/packageShop\/order\/index\?id=/, { timeout: 30000 });
    orderId = new URL(buyer.page.url().replace('#/', '')).searchParams.get('id') ?? '';
    await click(buyer.page, 'pay');
    expect(await payAtCashier(buyer.page)).toBe('SUCCESS');
    await buyer.page.waitForURL(/packageShop\/order\/index\?id=.*payResult=ok/, { timeout: 30000 });
    expect(await stored('orders', orderId)).toMatchObject({ status: 'to_ship', paidFen: 6800, totalFen: 6800, flash: { flashId: SALE } });
    await e2e.shot(buyer.page, 'paid');
  });

  step('back on the flash page one unit fewer is left, and a second buy is refused with the limit message', async () => {
    await buyer.open('/packageShop/flash/index');
    await see(buyer.page, '剩余 9/10 件');
    await see(buyer.page, '已抢 1 件');
    await click(buyer.page, `flash-buy-${SALE}`);
    await see(buyer.page, '每人限购 1 件');
    expect(await textOf(buyer.page, `flash-note-${SALE}`)).toContain('每人限购 1 件，你已抢到');
    expect(await stored('flash_sales', SALE)).toMatchObject({ taken: 1, buyers: { [BUYER]: [orderId] } });
    await e2e.shot(buyer.page, 'limit');
  });

  it('raised no browser errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
