/**
 * Issue 13's payout story in a real browser, one context per person:
 *   a customer buys through 李娜's share and pays → her commission settles → 李娜 requests a
 *   payout on her payout page → the boss sees it in the queues and on the payouts page, approves
 *   it and marks it paid with the bank reference → 李娜's page shows it paid and the balance right,
 *   her ledger shows the `paid` entry → the queues page shows each queue with the counts the
 *   functions give → the boss exports the orders CSV and the downloaded bytes are the CSV.
 * Steps run in order; once one fails the rest are reported as not reached.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { formatIssues, startE2E, type E2E, type Person } from './harness';
import { see, storySteps, yuan } from './story';
import { HOME } from '../tests/support/commerce';
import { settleCommissionNow } from '../tests/support/payouts';
import { payOrder } from '../tests/support/pay';

const SALES = { name: 'sales-li', openid: 'o_sales_li' };
const BOSS = { name: 'boss', openid: 'o_boss' };
const BUYER = 'o_cust_2';
const REFERENCE = 'ICBC-E2E-0001';

async function textOf(page: Page, testid: string): Promise<string> {
  const el = page.locator(`[data-testid=${testid}]:visible`).first();
  await el.waitFor({ timeout: 20000 });
  return (await el.innerText()).trim();
}

describe('h5: a payout from request to paid, the queues, an export', () => {
  let e2e: E2E;
  let sales: Person;
  let boss: Person;
  const state: { orderId?: string; commissionFen?: number; payoutId?: string; amountFen?: number } = {};

  const { step } = storySteps(() => e2e);

  beforeAll(async () => {
    e2e = await startE2E('payouts');
    sales = await e2e.person(SALES.name, SALES.openid);
    boss = await e2e.person(BOSS.name, BOSS.openid);
  });

  afterAll(async () => {
    console.log(`payouts screenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('a customer buys through the salesperson’s share and pays; the commission settles', async () => {
    const { cloud } = e2e;
    const share = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: SALES.openid }, channel: 'card' }, SALES.openid);
    await cloud.ok('share', { action: 'open', shareId: share.shareId }, BUYER);
    const order = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 2 }], idempotencyKey: 'payout-e2e-order', shareId: share.shareId }, BUYER);
    await payOrder(cloud, order.orderId, BUYER);
    state.orderId = order.orderId;
    await settleCommissionNow(cloud);
    const mine = await cloud.ok<{ balance: { availableFen: number } }>('payout', { action: 'mine' }, SALES.openid);
    state.commissionFen = mine.balance.availableFen;
    expect(state.commissionFen).toBeGreaterThan(1000);
  });

  step('the salesperson sees her balance and requests a payout', async () => {
    await sales.open('/packageSales/payout/index');
    expect(await textOf(sales.page, 'payout-available')).toBe(yuan(state.commissionFen!));
    state.amountFen = state.commissionFen! - 100; // leave ¥1.00
    await sales.page.locator('[data-testid=payout-amount] input:visible').first().fill((state.amountFen / 100).toFixed(2));
    await sales.page.locator('[data-testid=payout-submit]:visible').first().click();
    await see(sales.page, '待审批');
    const mine = await e2e.cloud.ok<{ items: Array<{ payoutId: string; status: string; amountFen: number }> }>('payout', { action: 'mine' }, SALES.openid);
    expect(mine.items[0]).toMatchObject({ status: 'requested', amountFen: state.amountFen });
    state.payoutId = mine.items[0].payoutId;
    expect(await textOf(sales.page, 'payout-available')).toBe(yuan(100));
    expect(await textOf(sales.page, 'payout-reserved')).toBe(yuan(-state.amountFen));
    await e2e.shot(sales.page, 'sales-requested');
  });

  step('the queues page shows each queue with the counts the functions give', async () => {
    await boss.open('/packageBoss/queues/index');
    await see(boss.page, '提现待审批');
    const q = await e2e.cloud.ok<Record<string, number>>('admin', { action: 'queues' }, BOSS.openid);
    expect(q.payoutsRequested).toBeGreaterThanOrEqual(1);
    for (const [testid, key] of [['queue-payouts', 'payoutsRequested'], ['queue-payouts-approved', 'payoutsApproved'], ['queue-referrals', 'referralsToReview'], ['queue-invalid', 'invalidDocuments'], ['queue-commission', 'commissionWaiting']] as const) {
      expect([testid, await textOf(boss.page, `${testid}-count`)]).toEqual([testid, String(q[key])]);
    }
    await boss.page.locator('[data-testid=queue-aftersale]:visible').first().waitFor();
    await boss.page.locator('[data-testid=queue-exports]:visible').first().waitFor();
    await e2e.shot(boss.page, 'boss-queues');
  });

  step('the boss approves the request', async () => {
    await boss.page.locator('[data-testid=queue-payouts]:visible').first().click();
    const approve = boss.page.locator(`[data-testid=boss-payout-approve-${state.payoutId}]:visible`).first();
    await approve.waitFor({ timeout: 20000 });
    await approve.click();
    await see(boss.page, '没有这个状态的提现申请');
    const stored = await e2e.cloud.ok<{ items: Array<{ payoutId: string }> }>('payout', { action: 'queue', status: 'approved' }, BOSS.openid);
    expect(stored.items.map((p) => p.payoutId)).toContain(state.payoutId);
  });

  step('the boss marks it paid with the bank reference', async () => {
    await boss.page.locator('[data-testid=boss-payout-tab-approved]:visible').first().click();
    await boss.page.locator(`[data-testid=boss-payout-input-${state.payoutId}] input:visible`).first().fill(REFERENCE);
    await boss.page.locator(`[data-testid=boss-payout-paid-${state.payoutId}]:visible`).first().click();
    await boss.page.locator('[data-testid=boss-payout-tab-paid]:visible').first().click();
    await see(boss.page, `打款参考号 ${REFERENCE}`);
    await e2e.shot(boss.page, 'boss-paid');
  });

  step('the salesperson sees it paid, the balance right, and the ledger’s paid entry', async () => {
    await sales.open('/packageSales/payout/index');
    const status = sales.page.locator(`[data-testid=payout-status-${state.payoutId}]:visible`).first();
    await status.waitFor({ timeout: 20000 });
    expect(await status.getAttribute('data-status')).toBe('paid');
    expect(await textOf(sales.page, 'payout-paid')).toBe(yuan(-state.amountFen!));
    expect(await textOf(sales.page, 'payout-balance')).toBe(yuan(state.commissionFen! - state.amountFen!));
    expect(await textOf(sales.page, 'payout-available')).toBe(yuan(100));
    await e2e.shot(sales.page, 'sales-paid');
    await sales.open('/packageSales/ledger/index');
    expect(await textOf(sales.page, 'ledger-paid')).toBe(yuan(state.amountFen!));
    const ledger = await e2e.cloud.ok<{ entries: Array<{ kind: string; amountFen: number; orderId: string }> }>('sales', { action: 'ledger' }, SALES.openid);
    expect(ledger.entries.filter((e) => e.kind === 'paid')).toEqual([expect.objectContaining({ amountFen: state.amountFen, orderId: state.payoutId })]);
    await e2e.shot(sales.page, 'sales-ledger');
  });

  step('the boss exports the orders of the last 7 days: the downloaded file is the CSV', async () => {
    await boss.open('/packageBoss/exports/index');
    await boss.page.locator('[data-testid=export-kind-orders]:visible').first().click();
    await boss.page.locator('[data-testid=export-preset-7d]:visible').first().click();
    const [download] = await Promise.all([boss.page.waitForEvent('download', { timeout: 30000 }), boss.page.locator('[data-testid=export-run]:visible').first().click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
    expect(header.slice(0, 4)).toEqual(['订单号', '支付时间', '状态', '买家']);
    const row = rows.find((r) => r[0] === state.orderId);
    expect(row).toBeDefined();
    expect(row![5]).toBe('李娜');
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    await see(boss.page, `共 ${rows.length} 行`);
    await e2e.shot(boss.page, 'boss-export');
  });

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
