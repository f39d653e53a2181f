/**
 * Issue 13's story in a real browser, one browser context per person:
 *   the boss invites (back office → 销售团队 → 邀请新销售) → a new person opens the invitation and
 *   becomes a salesperson with an empty shelf → ops add a product (uploaded image, SKU with stock)
 *   and put it on the brand pool → the new salesperson puts it on her shelf and shares it → a
 *   customer buys it and pays → ops ship it, the customer confirms receipt and the sweep completes
 *   it after the after-sale window → she requests a payout of her settled commission, the boss
 *   approves it and marks it paid, her page and ledger show it →
 *   the boss deactivates the salesperson with 王强 as heir → the customer's next visit shows
 *   王强's shelf, and the leaver's old share link binds a new customer to 王强.
 * Screenshots: e2e/screenshots/backoffice-*.png; the run has no browser console errors.
 */
import { decodeQrPng } from '../emulator/wechat/qr-decode';
import { formatIssues, payAtCashier, startE2E, type E2E, type Person } from './harness';
import { copyLink, openLinkAs, photoPng, see, shareShelf, storySteps, until, yuan } from './story';
import { giveAddresses } from '../tests/support/commerce';

const BOSS = { name: 'boss', openid: 'o_boss' };
const OPS = { name: 'ops', openid: 'o_ops' };
const NEWBIE = { name: 'newbie', openid: 'o_e2e_newbie', display: '林晓', title: '社区茶饮顾问' };
const BUYER = { name: 'buyer', openid: 'o_e2e_buyer' };
const LATE = { name: 'late-customer', openid: 'o_e2e_late' };
const HEIR = { openid: 'o_sales_wang', display: '王强' };

// ¥188 (not ¥88): her 10% commission (¥18.80) then clears the payout minimum (¥10.00, the default;
// the test seed has no payout setting) with ¥1.00 left over.
const PRODUCT = { title: 'E2E 高山乌龙', category: '茶叶', sku: '150g 罐', price: '188', stock: 25 };
const TRACKING = 'SF1300013000131';
const REFERENCE = 'ICBC-E2E-1301';
const DAY = 86_400_000;

interface Order {
  orderId: string;
  status: string;
  attribution?: { salesId: string | null };
}


describe('h5: the back office story (issue 13), one browser context per person', () => {
  let e2e: E2E;
  let boss: Person;
  let ops: Person;
  let newbie: Person;
  let buyer: Person;
  const state: { inviteLink?: string; code?: string; productId?: string; shelfLink?: string; orderId?: string; commissionFen?: number; amountFen?: number; payoutId?: string } = {};
  const { step, timings } = storySteps(() => e2e);

  const type = async (p: Person, testid: string, text: string) => {
    const input = p.page.locator(`[data-testid="${testid}"]:visible input`).first();
    await input.waitFor({ timeout: 20000 });
    await input.fill(text);
  };
  const tap = (p: Person, testid: string) => p.page.locator(`[data-testid="${testid}"]:visible`).first().click();
  const textOf = async (p: Person, testid: string) => {
    const el = p.page.locator(`[data-testid="${testid}"]:visible`).first();
    await el.waitFor({ timeout: 20000 });
    return (await el.innerText()).trim();
  };
  const getDoc = async (collection: string, id: string) => ((await e2e.cloud.db.collection(collection).doc(id).get()) as { data: Array<Record<string, unknown>> }).data[0];

  beforeAll(async () => {
    e2e = await startE2E('backoffice');
    boss = await e2e.person(BOSS.name, BOSS.openid);
    ops = await e2e.person(OPS.name, OPS.openid);
    newbie = await e2e.person(NEWBIE.name, NEWBIE.openid);
    buyer = await e2e.person(BUYER.name, BUYER.openid);
    // The buyer's delivery address is arranged (issue 12: goods ship to an address; adding one is e2e/cart.e2e.ts's story).
    await giveAddresses(e2e.cloud, [BUYER.openid]);
    for (const p of [boss, newbie]) await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.cloud.url });
  });

  afterAll(async () => {
    console.log(`backoffice timings:\n  ${timings.join('\n  ')}\nscreenshots:\n  ${e2e?.shots.join('\n  ')}`);
    await e2e?.close();
  });

  step('the boss invites a new salesperson (我的 → 后台管理 → 销售团队 → 邀请新销售)', async () => {
    await boss.open('/pages/me/index');
    await tap(boss, '/packageBoss/home/index');
    await tap(boss, 'bo-entry-team');
    await see(boss.page, '孙磊'); // the seeded leaver, with his heir
    await tap(boss, 'team-invite');
    await type(boss, 'invite-uses', '1');
    await tap(boss, 'invite-create');
    const code = (await boss.page.locator('[data-testid=invite-code]:visible').first().innerText()).trim();
    expect(code).toMatch(/^[1-9A-HJ-NP-Za-km-z]{12}$/);
    state.code = code;
    // The QR is WeChat's mini-program code of the join page; its scene is the code alone.
    const qrSrc = await boss.page.locator('[data-testid=invite-qr] img').first().getAttribute('src');
    const decoded = new URL(decodeQrPng(Buffer.from(await (await fetch(qrSrc!)).arrayBuffer()))!);
    expect([decoded.pathname, decoded.searchParams.get('scene')]).toEqual(['/packageShop/join/index', code]);
    state.inviteLink = await copyLink(boss.page, undefined, 'invite-copy');
    expect(state.inviteLink).toContain(`#/packageShop/join/index?code=${code}`);
    await e2e.shot(boss.page, 'boss-invites');
  });

  step('a new person opens the invitation and becomes a salesperson with an empty shelf', async () => {
    await openLinkAs(newbie, state.inviteLink!);
    await type(newbie, 'join-name', NEWBIE.display);
    await type(newbie, 'join-title', NEWBIE.title);
    await tap(newbie, 'join-accept');
    await newbie.page.locator('[data-testid=join-done]:visible').waitFor({ timeout: 20000 });
    await e2e.shot(newbie.page, 'newbie-joined');
    const shelf = await e2e.cloud.ok<{ sales: { openid: string; name: string }; products: unknown[] }>('shelf', { action: 'view', salesId: NEWBIE.openid }, BUYER.openid);
    expect(shelf).toMatchObject({ sales: { openid: NEWBIE.openid, name: NEWBIE.display }, products: [] });
    await tap(newbie, 'join-workbench');
    await see(newbie.page, '分享中心');
  });

  step('ops add a product with an uploaded image and stock, and put it on the brand pool', async () => {
    await ops.open('/packageBoss/products/index');
    await tap(ops, 'product-new');
    await type(ops, 'pe-title', PRODUCT.title);
    await type(ops, 'pe-category', PRODUCT.category);
    const [chooser] = await Promise.all([ops.page.waitForEvent('filechooser', { timeout: 20000 }), tap(ops, 'pe-add-image')]);
    await chooser.setFiles({ name: 'oolong.png', mimeType: 'image/png', buffer: photoPng([7, 193, 96]) });
    await ops.page.locator('[data-testid=pe-image]:visible').first().waitFor({ timeout: 20000 });
    await type(ops, 'pe-sku-name-0', PRODUCT.sku);
    await type(ops, 'pe-sku-price-0', PRODUCT.price);
    await type(ops, 'pe-sku-stock-0', String(PRODUCT.stock));
    await tap(ops, 'pe-save');
    await ops.page.locator('[data-testid=product-saved]:visible').waitFor({ timeout: 20000 });
    state.productId = new URL(ops.page.url().replace('#/', '')).searchParams.get('id') ?? undefined;
    const saved = await e2e.cloud.ok<{ status: string; stock: number; images: Array<{ fileId: string }> }>('catalog', { action: 'get', productId: state.productId }, OPS.openid);
    expect(saved).toMatchObject({ status: 'off', stock: PRODUCT.stock });
    expect(saved.images[0].fileId).toMatch(/^cloud:\/\/.+\/uploads\/o_ops\/product\//);
    await e2e.shot(ops.page, 'ops-product-saved');

    await ops.open('/packageBoss/products/index');
    await tap(ops, `product-toggle-${state.productId}`);
    await ops.page.locator(`[data-testid=product-status-${state.productId}]:visible`).filter({ hasText: '在售' }).waitFor({ timeout: 20000 });
    expect((await e2e.cloud.ok<{ status: string }>('catalog', { action: 'get', productId: state.productId }, OPS.openid)).status).toBe('on');
    await e2e.shot(ops.page, 'ops-product-on-pool');
  });

  step('the new salesperson puts it on her shelf and shares the shelf', async () => {
    await newbie.open('/packageSales/curate/index');
    await tap(newbie, `curate-switch-${state.productId}`);
    await tap(newbie, 'curate-save');
    await see(newbie.page, '货架已保存（1件）');
    const shelf = await e2e.cloud.ok<{ products: Array<{ id: string }> }>('shelf', { action: 'view', salesId: NEWBIE.openid }, BUYER.openid);
    expect(shelf.products.map((p) => p.id)).toEqual([state.productId]);
    state.shelfLink = await shareShelf(newbie);
    await e2e.shot(newbie.page, 'newbie-shares');
  });

  step('a customer opens the link, buys the product and pays', async () => {
    await openLinkAs(buyer, state.shelfLink!);
    await see(buyer.page, NEWBIE.display);
    await buyer.page.locator(`[data-product=${state.productId}]:visible`).first().click();
    await tap(buyer, 'buy');
    await tap(buyer, 'sku-confirm');
    await buyer.page.locator('[data-testid=submit-order]:visible').first().waitFor({ timeout: 20000 });
    await tap(buyer, 'submit-order');
    expect(await payAtCashier(buyer.page)).toBe('SUCCESS');
    await buyer.page.waitForURL(/packageShop\/order\/index\?id=.*payResult=ok/, { timeout: 30000 });
    const list = await e2e.cloud.ok<{ orders: Order[] }>('order', { action: 'list' }, BUYER.openid);
    expect(list.orders).toHaveLength(1);
    state.orderId = list.orders[0].orderId;
    const order = await e2e.cloud.ok<Order>('order', { action: 'get', orderId: state.orderId }, BUYER.openid);
    expect(order.status).toBe('to_ship'); // paid: it waits to ship (issue 12)
    expect(await e2e.cloud.db.collection('orders').doc(state.orderId).get()).toMatchObject({ data: [expect.objectContaining({ attribution: expect.objectContaining({ salesId: NEWBIE.openid }) })] });
    const product = await e2e.cloud.ok<{ stock: number }>('catalog', { action: 'get', productId: state.productId }, OPS.openid);
    expect(product.stock).toBe(PRODUCT.stock - 1);
    await e2e.shot(buyer.page, 'buyer-paid');
  });

  step('the order ships from the to-ship page, the customer confirms receipt, and the sweep completes it', async () => {
    await ops.open('/packageBoss/to-ship/index');
    await see(ops.page, state.orderId!);
    await type(ops, `ship-tracking-${state.orderId}`, TRACKING);
    await tap(ops, `ship-submit-${state.orderId}`);
    await until(async () => (await getDoc('orders', state.orderId!))?.status, 'shipped');
    expect((await getDoc('orders', state.orderId!))?.shipments).toEqual([expect.objectContaining({ trackingNo: TRACKING, shippedBy: OPS.openid })]);
    await e2e.shot(ops.page, 'ops-shipped');

    await buyer.open('/packageShop/order/index', { id: state.orderId! });
    await see(buyer.page, TRACKING);
    await tap(buyer, 'confirm-receipt');
    await buyer.page.getByText('确定', { exact: true }).filter({ visible: true }).last().click(); // Taro's h5 showModal
    await until(async () => (await getDoc('orders', state.orderId!))?.status, 'received');
    await see(buyer.page, '已收货');

    // The after-sale window closes: the sweep completes the order and the commission becomes settleable.
    const { afterSaleDays = 7 } = ((await getDoc('settings', 'fulfilment')) ?? {}) as { afterSaleDays?: number };
    e2e.cloud.advanceClock((afterSaleDays + 1) * DAY);
    await e2e.cloud.runTimer('sweep');
    expect(await getDoc('orders', state.orderId!)).toMatchObject({ status: 'completed' });
    const kinds = ((await e2e.cloud.db.collection('commission_ledger').where({ orderId: state.orderId }).limit(100).get()) as { data: Array<{ kind: string; salesId: string }> }).data;
    expect(kinds.map((e) => [e.kind, e.salesId]).sort()).toEqual([['pending', NEWBIE.openid], ['settleable', NEWBIE.openid]]);
    await buyer.open('/packageShop/order/index', { id: state.orderId! });
    await see(buyer.page, '已完成');
    await e2e.shot(buyer.page, 'buyer-completed');
  });

  step('the salesperson requests a payout; the boss approves and marks it paid; the ledger shows it and the balance is right', async () => {
    const first = await e2e.cloud.ok<{ balance: { availableFen: number }; minAmountFen: number }>('payout', { action: 'mine' }, NEWBIE.openid);
    state.commissionFen = first.balance.availableFen;
    state.amountFen = state.commissionFen - 100; // leave ¥1.00
    expect(state.amountFen).toBeGreaterThanOrEqual(first.minAmountFen);

    await newbie.open('/packageSales/payout/index');
    expect(await textOf(newbie, 'payout-available')).toBe(yuan(state.commissionFen));
    await type(newbie, 'payout-amount', (state.amountFen / 100).toFixed(2));
    await tap(newbie, 'payout-submit');
    await see(newbie.page, '待审批');
    const mine = await e2e.cloud.ok<{ items: Array<{ payoutId: string; status: string; amountFen: number }> }>('payout', { action: 'mine' }, NEWBIE.openid);
    expect(mine.items[0]).toMatchObject({ status: 'requested', amountFen: state.amountFen });
    state.payoutId = mine.items[0].payoutId;
    expect(await textOf(newbie, 'payout-available')).toBe(yuan(100));
    expect(await textOf(newbie, 'payout-reserved')).toBe(yuan(-state.amountFen));
    await e2e.shot(newbie.page, 'newbie-requests-payout');

    await boss.open('/packageBoss/payouts/index');
    await tap(boss, `boss-payout-approve-${state.payoutId}`);
    await see(boss.page, '没有这个状态的提现申请');
    const approved = await e2e.cloud.ok<{ items: Array<{ payoutId: string }> }>('payout', { action: 'queue', status: 'approved' }, BOSS.openid);
    expect(approved.items.map((p) => p.payoutId)).toContain(state.payoutId);
    await tap(boss, 'boss-payout-tab-approved');
    await type(boss, `boss-payout-input-${state.payoutId}`, REFERENCE);
    await tap(boss, `boss-payout-paid-${state.payoutId}`);
    await until(async () => (await getDoc('payouts', state.payoutId!))?.status, 'paid');
    await tap(boss, 'boss-payout-tab-paid');
    await see(boss.page, `打款参考号 ${REFERENCE}`);
    await e2e.shot(boss.page, 'boss-payout-paid');

    await newbie.open('/packageSales/payout/index');
    const status = newbie.page.locator(`[data-testid=payout-status-${state.payoutId}]:visible`).first();
    await status.waitFor({ timeout: 20000 });
    expect(await status.getAttribute('data-status')).toBe('paid');
    expect(await textOf(newbie, 'payout-paid')).toBe(yuan(-state.amountFen));
    expect(await textOf(newbie, 'payout-balance')).toBe(yuan(state.commissionFen - state.amountFen));
    expect(await textOf(newbie, 'payout-available')).toBe(yuan(100));
    await e2e.shot(newbie.page, 'newbie-payout-paid');
    await newbie.open('/packageSales/ledger/index');
    expect(await textOf(newbie, 'ledger-paid')).toBe(yuan(state.amountFen));
    const ledger = await e2e.cloud.ok<{ entries: Array<{ kind: string; amountFen: number; orderId: string }> }>('sales', { action: 'ledger' }, NEWBIE.openid);
    expect(ledger.entries.filter((e) => e.kind === 'paid')).toEqual([expect.objectContaining({ amountFen: state.amountFen, orderId: state.payoutId })]);
    await e2e.shot(newbie.page, 'newbie-ledger');
  });

  step('the boss deactivates the salesperson and chooses 王强 as heir', async () => {
    await boss.open('/packageBoss/team/index');
    await tap(boss, `deactivate-${NEWBIE.openid}`);
    await tap(boss, `heir-${HEIR.openid}`);
    await tap(boss, 'deactivate-confirm');
    await boss.page.locator(`[data-testid=member-row][data-openid=${NEWBIE.openid}][data-role=former_sales]`).first().waitFor({ timeout: 20000 });
    await e2e.shot(boss.page, 'boss-deactivates');
    const users = e2e.cloud.db.collection('users');
    expect((await users.doc(NEWBIE.openid).get()).data[0]).toMatchObject({ role: 'former_sales', heirId: HEIR.openid });
    expect((await users.doc(BUYER.openid).get()).data[0]).toMatchObject({ boundSalesId: HEIR.openid });
    // Past orders keep their attribution.
    expect((await e2e.cloud.db.collection('orders').doc(state.orderId!).get()).data[0]).toMatchObject({ attribution: expect.objectContaining({ salesId: NEWBIE.openid }) });
  });

  step("the customer's next visit shows the heir's shelf", async () => {
    // A next visit starts the app again (the open tab page would keep the shelf it showed).
    await buyer.open('/pages/shelf/index');
    await buyer.page.reload({ waitUntil: 'domcontentloaded' });
    await see(buyer.page, HEIR.display);
    await e2e.shot(buyer.page, 'buyer-sees-heir-shelf');
  });

  step("the leaver's old share link binds a new customer to the heir", async () => {
    const late = await e2e.person(LATE.name, LATE.openid);
    await openLinkAs(late, state.shelfLink!);
    await see(late.page, HEIR.display);
    expect((await e2e.cloud.db.collection('users').doc(LATE.openid).get()).data[0]).toMatchObject({ boundSalesId: HEIR.openid });
    await e2e.shot(late.page, 'late-customer-heir-shelf');
  });

  it('had no browser console errors or page errors in any context', () => {
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
