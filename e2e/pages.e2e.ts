/**
 * Every page of the app (read from miniprogram/src/app.config.ts) opened in Chromium by the person
 * it is for, on data made through the functions: each must finish loading (no skeleton), show no
 * error state, and log no console error. One screenshot per page: e2e/screenshots/pages-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { HOME } from '../tests/support/commerce';
import { payOrder } from '../tests/support/pay';
import { formatIssues, REPO_ROOT, startE2E, type E2E, type Person } from './harness';

interface AppConfig {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
}

/** The page list of the app config: the TypeScript source run with a `defineAppConfig` shim. */
function appPages(): string[] {
  const src = readFileSync(join(REPO_ROOT, 'miniprogram', 'src', 'app.config.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const mod: { exports: { default?: AppConfig } } = { exports: {} };
  new Function('module', 'exports', 'defineAppConfig', js)(mod, mod.exports, (c: AppConfig) => c);
  const config = mod.exports.default!;
  return [...config.pages, ...(config.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

const CUSTOMER = 'o_cust_1';
const SALES = 'o_sales_li';
const BOSS = 'o_boss';

async function settled(page: Page, route: string): Promise<void> {
  // Loaded: the route is shown and no skeleton is left on the visible page.
  await page.waitForFunction(
    (r) => {
      if (!location.hash.includes(r)) return false;
      const visible = (el: Element) => (el as HTMLElement).offsetParent !== null;
      const skeletons = Array.from(document.querySelectorAll('.sk-grid, .sk-list, .sk-card, .sk-row')).filter(visible);
      const body = document.body.innerText || '';
      return skeletons.length === 0 && body.replace(/\s+/g, '').length > 0;
    },
    route,
    { timeout: 20000 },
  );
  await page.waitForTimeout(300);
}

describe('h5: every page opens without errors for the person it is for', () => {
  let e2e: E2E;
  let customer: Person;
  let sales: Person;
  let boss: Person;
  const ids: { shareId?: string; teamId?: string; orderId?: string; shippedOrderId?: string; requestId?: string } = {};
  const pages = appPages();

  beforeAll(async () => {
    e2e = await startE2E('pages');
    const { cloud } = e2e;
    // Data through the functions: a share opened by the customer, a coupon, a team, a paid order.
    const share = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: SALES }, channel: 'link' }, SALES);
    ids.shareId = share.shareId;
    await cloud.ok('share', { action: 'open', shareId: share.shareId }, CUSTOMER);
    await cloud.ok('coupon', { action: 'claim', templateId: 'ct_flat5', shareId: share.shareId }, CUSTOMER);
    const team = await cloud.ok<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'pages-team-1', shareId: share.shareId }, CUSTOMER);
    await payOrder(cloud, team.orderId, CUSTOMER);
    ids.teamId = team.teamId;
    const order = await cloud.ok<{ orderId?: string; _id?: string }>(
      'order',
      { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 1 }], idempotencyKey: 'pages-order-1', shareId: share.shareId },
      CUSTOMER,
    );
    const orderId = order.orderId ?? order._id ?? '';
    ids.orderId = orderId;
    await payOrder(cloud, orderId, CUSTOMER);
    // The briefcase: the bound customer opens the salesperson's card and reads a case.
    await cloud.ok('card', { action: 'get', salesId: SALES }, CUSTOMER);
    await cloud.ok('material', { action: 'get', materialId: 'm_case_hangzhou' }, CUSTOMER);
    // Fulfilment (issue 12): a second order shipped, its buyer asking for a refund (goods not received).
    const shipped = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'pages-order-2' }, CUSTOMER);
    ids.shippedOrderId = shipped.orderId;
    await payOrder(cloud, shipped.orderId, CUSTOMER);
    await cloud.ok('fulfil', { action: 'ship', orderId: shipped.orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: 'SF1234567890123' }, 'o_ops');
    const request = await cloud.ok<{ requestId: string }>('aftersale', { action: 'request', orderId: shipped.orderId, lineIds: ['L1'], kind: 'refund', reason: '快递一直没到' }, CUSTOMER);
    ids.requestId = request.requestId;
    await cloud.ok('cart', { action: 'set', items: [{ skuId: 'p12-s1', qty: 2 }] }, CUSTOMER);
    customer = await e2e.person('customer', CUSTOMER);
    sales = await e2e.person('sales', SALES);
    boss = await e2e.person('boss', BOSS);
  });

  afterAll(async () => {
    if (e2e) console.log(`pages: ${pages.length} routes, screenshots:\n  ${e2e.shots.join('\n  ')}`);
    await e2e?.close();
  });

  /** Who opens each page, with which query. Every page of the app config must be here. */
  const visits = (): Array<{ route: string; who: Person; query?: Record<string, string>; expect?: string | RegExp; lands?: string }> => [
    { route: 'pages/shelf/index', who: customer, query: { salesId: SALES }, expect: '李娜' },
    { route: 'pages/orders/index', who: customer },
    { route: 'pages/me/index', who: customer },
    { route: 'pages/me/index', who: sales },
    { route: 'pages/me/index', who: boss },
    { route: 'pages/landing/index', who: customer, query: { s: ids.shareId! }, lands: 'pages/shelf/index', expect: '李娜' },
    { route: 'packageShop/product/index', who: customer, query: { id: 'p02' }, expect: /3人/ },
    // Best coupon preselected: ct_flat5 (无门槛减5元) applies to p03.
    { route: 'packageShop/checkout/index', who: customer, query: { productId: 'p03', qty: '1', mode: 'single' }, expect: /-¥5\.00/ },
    { route: 'packageShop/team/index', who: customer, query: { id: ids.teamId! }, expect: /还差/ },
    { route: 'packageShop/coupons/index', who: customer, query: { tab: 'center' } },
    { route: 'packageShop/coupons/index', who: customer, query: { tab: 'mine' }, expect: '无门槛减5元' },
    { route: 'packageShop/order/index', who: customer, query: { id: ids.orderId! }, expect: '科苑路15号 科兴科学园B栋' },
    // The cart and the address book (issue 12): the cart set above, the seeded home address.
    { route: 'packageShop/cart/index', who: customer, expect: '竹纤维茶巾' },
    { route: 'packageShop/address/index', who: customer, expect: /科苑路15号/ },
    { route: 'packageSales/workbench/index', who: sales, expect: '分享中心' },
    { route: 'packageSales/curate/index', who: sales },
    { route: 'packageSales/customers/index', who: sales, expect: '小美' },
    { route: 'packageSales/orders/index', who: sales },
    { route: 'packageSales/ledger/index', who: sales },
    { route: 'packageSales/leaderboard/index', who: sales, expect: '李娜' },
    { route: 'packageBoss/dashboard/index', who: boss, expect: 'GMV' },
    { route: 'packageSales/training/index', who: sales, expect: '新人必修：品牌与产品' },
    { route: 'packageSales/course/index', who: sales, query: { id: 'course_onboarding' }, expect: '课程目录' },
    { route: 'packageSales/lesson/index', who: sales, query: { courseId: 'course_onboarding', lessonId: 'l_brand' }, expect: '品牌故事' },
    { route: 'packageSales/quiz/index', who: sales, query: { courseId: 'course_onboarding' }, expect: '山野良品的货从哪里来？' },
    { route: 'packageBoss/training-report/index', who: boss, expect: '新人必修：品牌与产品' },
    { route: 'packageSales/payout/index', who: sales, expect: '可提现' },
    { route: 'packageBoss/payouts/index', who: boss, expect: '待审批' },
    { route: 'packageBoss/queues/index', who: boss, expect: '提现待审批' },
    { route: 'packageBoss/exports/index', who: boss, expect: '导出 CSV' },
    // The back office (issue 13).
    { route: 'packageBoss/home/index', who: boss, expect: '商品管理' },
    { route: 'packageBoss/products/index', who: boss, expect: '武夷大红袍' },
    { route: 'packageBoss/product-edit/index', who: boss, query: { id: 'p01' }, expect: /剩 120/ },
    { route: 'packageBoss/team/index', who: boss, expect: '孙磊' },
    { route: 'packageBoss/invite/index', who: boss, expect: '生成邀请' },
    { route: 'packageShop/join/index', who: customer, query: { code: 'JoinTeamDemo' }, expect: '邀请码 JoinTeamDemo' },
    // The briefcase (issue 15).
    { route: 'packageShop/card/index', who: customer, query: { salesId: SALES }, expect: '李娜' },
    { route: 'packageShop/material/index', who: customer, query: { id: 'm_case_hangzhou' }, expect: '客户案例：杭州王女士的办公室茶水间' },
    { route: 'packageSales/card-edit/index', who: sales, expect: '保存名片' },
    { route: 'packageSales/materials/index', who: sales, expect: '龙井怎么泡才不苦：三步冲泡法' },
    { route: 'packageSales/radar/index', who: sales, expect: '小美' },
    { route: 'packageSales/customer/index', who: sales, query: { openid: CUSTOMER }, expect: '小美' },
    { route: 'packageSales/today/index', who: sales },
    { route: 'packageBoss/briefcase-report/index', who: boss, expect: '客户生命周期' },
    // Fulfilment and after-sale (issue 12).
    { route: 'packageShop/aftersale/index', who: customer, expect: '快递一直没到' },
    { route: 'packageShop/aftersale/index', who: customer, query: { id: ids.requestId! }, expect: '待审核' },
    { route: 'packageShop/aftersale-apply/index', who: customer, query: { orderId: ids.orderId! }, expect: '选择商品' },
    { route: 'packageShop/order/index', who: customer, query: { id: ids.shippedOrderId! }, expect: 'SF1234567890123' },
    { route: 'packageBoss/to-ship/index', who: boss, expect: ids.orderId! },
    { route: 'packageBoss/aftersale-queue/index', who: boss, expect: '快递一直没到' },
    { route: 'packageBoss/aftersale-detail/index', who: boss, query: { id: ids.requestId! }, expect: '同意退款' },
    // 砍价 (issue 14): opened from the product page with its SKU, the page starts the customer's bargain.
    { route: 'packageShop/bargain/index', who: customer, query: { productId: 'p09', skuId: 'p09-s1' }, expect: /还需 3 位好友帮砍/ },
  ];

  it('covers every page of the app config', () => {
    const covered = new Set(visits().map((v) => v.route));
    expect(pages.filter((p) => !covered.has(p))).toEqual([]);
  });

  it('opens each page: loaded, no error state, screenshot', async () => {
    const problems: string[] = [];
    for (const v of visits()) {
      const label = `${v.route} as ${v.who.name}`;
      try {
        await v.who.open(`/${v.route}`, v.query);
        await settled(v.who.page, v.lands ?? v.route);
        if (v.expect) await v.who.page.getByText(v.expect).filter({ visible: true }).first().waitFor({ timeout: 15000 });
        const errorState = await v.who.page.locator('.state-box[data-code]:visible').count();
        if (errorState) problems.push(`${label}: error state ${await v.who.page.locator('.state-box[data-code]:visible').first().getAttribute('data-code')}`);
      } catch (err) {
        problems.push(`${label}: ${String((err as Error).message).split('\n')[0]}`);
      }
      await e2e.shot(v.who.page, `${v.route.replace(/\//g, '_').replace(/_index$/, '')}-${v.who.name}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('had no browser console errors or page errors', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
