/**
 * Issue 6's whole loop in a real browser, one browser context per person:
 *   李娜 (sales) shares her shelf → 老刘 opens the link, claims a coupon, opens a 2-person team →
 *   婷婷 opens the invite link and joins → both pay at the local cashier (WeChat Pay's stand-in) → the team shows success →
 *   李娜 sees both customers and pending commission → the boss dashboard shows the GMV →
 *   ops change the deal's price in the console → the shelf shows it on reload.
 * Every step saves a screenshot (e2e/screenshots/loop-*.png); the run has no browser console errors.
 * Steps run in order; once one fails the rest are reported as not reached.
 */
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';
import { copyLink, openLinkAs, see, shareShelf, storySteps } from './story';

const SALES = { name: 'sales-li', openid: 'o_sales_li', display: '李娜' };
const LEADER = { name: 'customer-liu', openid: 'o_cust_3', display: '老刘' };
const FRIEND = { name: 'friend-ting', openid: 'o_cust_4', display: '婷婷' };
const BOSS = { name: 'boss', openid: 'o_boss' };
const OPS = { name: 'ops', openid: 'o_ops' };
const PRODUCT = 'p01'; // on 李娜's shelf; its 2-person deal gd_p01_duo (¥128.00)
const DEAL = 'gd_p01_duo';
const COUPON = 'ct_flat5'; // 无门槛减5元 on p01–p03
const NEW_GROUP_PRICE_FEN = 9900;

interface Team {
  teamId?: string;
  status: string;
  members?: Array<{ openid?: string; status?: string }>;
}
interface Order {
  orderId?: string;
  _id?: string;
  status: string;
  payFen?: number;
  totalFen?: number;
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

describe('h5: the whole loop (issue 6), one browser context per person', () => {
  let e2e: E2E;
  let sales: Person;
  let leader: Person;
  let friend: Person;
  const state: { shelfLink?: string; inviteLink?: string; teamId?: string; gmvBeforeFen?: number } = {};

  const { step, timings } = storySteps(() => e2e);

  beforeAll(async () => {
    e2e = await startE2E('loop');
    sales = await e2e.person(SALES.name, SALES.openid);
    leader = await e2e.person(LEADER.name, LEADER.openid);
    friend = await e2e.person(FRIEND.name, FRIEND.openid);
    for (const p of [sales, leader, friend]) await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.cloud.url });
    const dash = await e2e.cloud.ok<{ gmvFen?: number }>('admin', { action: 'dashboard' }, BOSS.openid).catch(() => ({ gmvFen: 0 }));
    state.gmvBeforeFen = Number(dash.gmvFen) || 0;
  });

  afterAll(async () => {
    console.log(`loop timings:\n  ${timings.join('\n  ')}\nscreenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('the salesperson shares her shelf (workbench → copy link)', async () => {
    state.shelfLink = await shareShelf(sales);
    await e2e.shot(sales.page, 'sales-workbench-share');
  });

  step('a customer opens the link and lands on her shelf', async () => {
    await openLinkAs(leader, state.shelfLink!);
    await see(leader.page, SALES.display);
    await leader.page.locator(`[data-product=${PRODUCT}]:visible`).first().waitFor();
    await e2e.shot(leader.page, 'customer-opens-shelf-link');
  });

  step('the customer claims a coupon on the product page', async () => {
    await leader.page.locator(`[data-product=${PRODUCT}]:visible`).first().click();
    const claim = leader.page.locator(`[data-testid=claim-${COUPON}]:visible`).first();
    await claim.waitFor({ timeout: 20000 });
    await claim.click();
    await see(leader.page, '已领取');
    const mine = await e2e.cloud.ok<unknown>('coupon', { action: 'mine' }, LEADER.openid);
    expect(JSON.stringify(mine)).toContain(COUPON);
    await e2e.shot(leader.page, 'customer-claims-coupon');
  });

  step('the customer opens a team and pays at the cashier', async () => {
    await leader.page.locator('[data-testid=open-team]:visible').first().click();
    await leader.page.locator('[data-testid=sku-confirm]:visible').first().click();
    await leader.page.locator('[data-testid=submit-order]:visible').first().waitFor({ timeout: 20000 });
    await e2e.shot(leader.page, 'customer-checkout-open-team');
    await leader.page.locator('[data-testid=submit-order]:visible').first().click();
    expect(await payAtCashier(leader.page)).toBe('SUCCESS');
    await leader.page.waitForURL(/packageShop\/team\/index\?id=.*payResult=ok/, { timeout: 30000 });
    await see(leader.page, /还差\s*1\s*人/);
    state.teamId = new URL(leader.page.url().replace('#/', '')).searchParams.get('id') ?? undefined;
    expect(state.teamId).toBeTruthy();
    const team = await e2e.cloud.ok<Team>('groupbuy', { action: 'get', teamId: state.teamId }, LEADER.openid);
    expect(team.status).toBe('forming');
    await e2e.shot(leader.page, 'customer-team-forming');
  });

  step('the customer copies the team invite link', async () => {
    state.inviteLink = await copyLink(leader.page);
    expect(state.inviteLink).toMatch(/#\/pages\/landing\/index\?s=/);
  });

  step('a friend opens the invite link, joins and pays at the cashier', async () => {
    await openLinkAs(friend, state.inviteLink!);
    await friend.page.waitForURL(/packageShop\/team\/index/, { timeout: 30000 });
    const join = friend.page.locator('[data-testid=team-join]:visible').first();
    await join.waitFor({ timeout: 20000 });
    await e2e.shot(friend.page, 'friend-opens-invite');
    await join.click();
    await friend.page.locator('[data-testid=submit-order]:visible').first().waitFor({ timeout: 20000 });
    await friend.page.locator('[data-testid=submit-order]:visible').first().click();
    expect(await payAtCashier(friend.page)).toBe('SUCCESS');
    await friend.page.waitForURL(/packageShop\/team\/index\?id=.*payResult=ok/, { timeout: 30000 });
  });

  step('the team shows success to both', async () => {
    await see(friend.page, '拼团成功');
    await e2e.shot(friend.page, 'friend-team-succeeded');
    await leader.page.reload({ waitUntil: 'domcontentloaded' });
    await see(leader.page, '拼团成功');
    await e2e.shot(leader.page, 'customer-team-succeeded');
    const team = await e2e.cloud.ok<Team>('groupbuy', { action: 'get', teamId: state.teamId }, LEADER.openid);
    expect(team.status).toBe('succeeded');
    for (const who of [LEADER.openid, FRIEND.openid]) {
      const orders = await e2e.cloud.ok<Order[] | { orders: Order[] }>('order', { action: 'list' }, who);
      const list = Array.isArray(orders) ? orders : orders.orders;
      expect(list.some((o) => ['paid', 'to_ship', 'succeeded', 'shipped', 'completed'].includes(o.status))).toBe(true);
    }
  });

  step('the salesperson sees both customers and pending commission', async () => {
    await sales.open('/packageSales/customers/index');
    await see(sales.page, LEADER.display);
    await see(sales.page, FRIEND.display);
    // What the customer looked at: 老刘 opened the product page of p01.
    await sales.page.locator(`[data-openid=${LEADER.openid}]:visible`).first().click();
    await sales.page.waitForFunction(
      ([openid, title, id]) => {
        const text = document.querySelector(`[data-openid=${openid}] .cust-detail`)?.textContent || '';
        return text.includes(title) || text.includes(id);
      },
      [LEADER.openid, '明前龙井', PRODUCT] as const,
      { timeout: 20000 },
    );
    await e2e.shot(sales.page, 'sales-customers');
    await sales.open('/packageSales/workbench/index');
    await see(sales.page, '待结算佣金');
    const ledger = await e2e.cloud.ok<{ totals?: { pendingFen: number } }>('sales', { action: 'ledger' }, SALES.openid);
    const pendingFen = ledger.totals?.pendingFen ?? 0;
    expect(pendingFen).toBeGreaterThan(0);
    await see(sales.page, yuan(pendingFen));
    await e2e.shot(sales.page, 'sales-pending-commission');
  });

  step('the boss dashboard shows the GMV', async () => {
    const boss = await e2e.person(BOSS.name, BOSS.openid);
    const dash = await e2e.cloud.ok<{ gmvFen: number }>('admin', { action: 'dashboard' }, BOSS.openid);
    expect(dash.gmvFen - (state.gmvBeforeFen ?? 0)).toBe(2 * 12800);
    await boss.open('/packageBoss/dashboard/index');
    const kpi = boss.page.locator('[data-testid=kpi-GMV]:visible').first();
    await kpi.waitFor({ timeout: 20000 });
    const shown = (await kpi.innerText()).replace(/\s+/g, '');
    const yuanValue = dash.gmvFen / 100;
    // formatFenCompact: "¥256" / "¥256.00" / "¥2.6万" — the number must be the dashboard's GMV.
    expect(shown).toMatch(new RegExp(`${Math.floor(yuanValue)}|${(yuanValue / 10000).toFixed(1)}万`));
    await e2e.shot(boss.page, 'boss-dashboard-gmv');
  });

  step("ops change the deal's price in the console and the shelf shows it on reload", async () => {
    const ops = await e2e.person(OPS.name, OPS.openid, { desktop: true });
    await ops.page.goto(`${e2e.cloud.url}/console`, { waitUntil: 'domcontentloaded' });
    // The console asks who you are: ops and boss personas only (issue 13).
    await ops.page.locator('[data-testid="console-signin-o_ops"]').click();
    await ops.page.locator('[data-testid=console-who]').filter({ hasText: '周运营' }).waitFor();
    await ops.page.locator('#collections li[data-collection=group_deals]').click();
    await ops.page.locator(`#docs li[data-doc-id=${DEAL}]`).click();
    await ops.page.waitForFunction(() => (document.getElementById('editor') as HTMLTextAreaElement).value.includes('groupPriceFen'));
    const text = await ops.page.locator('#editor').inputValue();
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(doc.groupPriceFen).toBe(12800);
    doc.groupPriceFen = NEW_GROUP_PRICE_FEN;
    await ops.page.locator('#editor').fill(JSON.stringify(doc, null, 2));
    // Save: the console PUTs the document (validated by the functions' zod schemas), then reloads
    // the collection and re-opens the document (its status line then reads the validation result).
    const [saved] = await Promise.all([
      ops.page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes(`/_emulator/console/docs/group_deals/${DEAL}`), { timeout: 15000 }),
      ops.page.locator('#save').click(),
    ]);
    expect({ status: saved.status(), body: await saved.text() }).toMatchObject({ status: 200 });
    // The functions read the new terms (shelf.product → the deal's group price).
    const detail = await e2e.cloud.ok<{ groupDeal?: { groupPriceFen: number } }>('shelf', { action: 'product', productId: PRODUCT }, LEADER.openid);
    expect(detail.groupDeal?.groupPriceFen).toBe(NEW_GROUP_PRICE_FEN);
    expect(await ops.page.locator('#problems li').count()).toBe(0);
    await e2e.shot(ops.page, 'ops-console-deal-price');

    await leader.open('/pages/shelf/index', { salesId: SALES.openid });
    await leader.page.reload({ waitUntil: 'domcontentloaded' });
    const card = leader.page.locator(`[data-product=${PRODUCT}]:visible`).first();
    await card.waitFor({ timeout: 20000 });
    await leader.page.waitForFunction(
      ([id, price]) => (document.querySelector(`[data-product=${id}]`)?.textContent || '').replace(/\s+/g, '').includes(price),
      [PRODUCT, `¥${NEW_GROUP_PRICE_FEN / 100}`] as const,
      { timeout: 20000 },
    );
    await e2e.shot(leader.page, 'customer-shelf-new-deal-price');
  });

  it('had no browser console errors or page errors in any context', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
