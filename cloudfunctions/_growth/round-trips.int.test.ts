/**
 * Database round trips of the growth actions, measured by the local cloud (budgets in
 * docs/growth.md). A change that adds a round trip must change the budget here too.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';

let cloud: TestCloud;
beforeAll(async () => {
  cloud = await startTestCloud();
});
afterAll(async () => cloud.close());

async function ops(fn: string, event: Record<string, unknown>, openid: string): Promise<{ total: number; data: unknown }> {
  cloud.resetStats();
  const data = await cloud.ok(fn, event, openid);
  const s = cloud.stats().byAction[`${fn}.${String(event.action)}`];
  return { total: s.totalOps, data };
}

it('growth actions stay within their round-trip budgets', async () => {
  const measured: Record<string, number> = {};
  const first = await ops('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
  measured['share.create (first share of the sharer)'] = first.total;
  const shareId = (first.data as { shareId: string }).shareId;
  measured['share.create (again)'] = (await ops('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li')).total;
  measured['share.open (binds)'] = (await ops('share', { action: 'open', shareId }, 'o_cust_1')).total;
  measured['share.open (re-open)'] = (await ops('share', { action: 'open', shareId }, 'o_cust_1')).total;
  measured['share.create (re-share by a customer)'] = (await ops('share', { action: 'create', target: { type: 'product', id: 'p01' }, channel: 'card' }, 'o_cust_1')).total;
  measured['share.poster (first: renders and keeps the PNG)'] = (await ops('share', { action: 'poster', shareId }, 'o_cust_1')).total;
  measured['share.poster (again: the kept PNG)'] = (await ops('share', { action: 'poster', shareId }, 'o_cust_1')).total;
  measured['sales.customers'] = (await ops('sales', { action: 'customers' }, 'o_sales_li')).total;
  measured['sales.customer'] = (await ops('sales', { action: 'customer', openid: 'o_cust_1' }, 'o_sales_li')).total;
  measured['sales.orders'] = (await ops('sales', { action: 'orders' }, 'o_sales_li')).total;
  measured['sales.ledger'] = (await ops('sales', { action: 'ledger' }, 'o_sales_li')).total;
  measured['sales.leaderboard'] = (await ops('sales', { action: 'leaderboard' }, 'o_sales_li')).total;
  measured['admin.dashboard'] = (await ops('admin', { action: 'dashboard' }, 'o_boss')).total;
  measured['admin.shareTree'] = (await ops('admin', { action: 'shareTree', shareId }, 'o_boss')).total;
  expect(measured).toEqual({
    'share.create (first share of the sharer)': 6, // + 1: the first event of the day creates the day counter
    'share.create (again)': 4,
    'share.open (binds)': 11, // + the customer's share_opened event (issue 15): event insert, summary update, a first summary's insert
    'share.open (re-open)': 4, // nothing to count, nothing written but the open marker
    'share.create (re-share by a customer)': 6,
    'share.poster (first: renders and keeps the PNG)': 4, // caller, share, the salesperson (poster content), its posterFileId (once per share)
    'share.poster (again: the kept PNG)': 3,
    'sales.customers': 2,
    'sales.customer': 4,
    'sales.orders': 2,
    'sales.ledger': 2,
    'sales.leaderboard': 3,
    'admin.dashboard': 10, // caller + counters (3) + coupon templates, group deals and experiments in one joined read + 4 counts + the referral review list
    'admin.shareTree': 3,
  });
});
