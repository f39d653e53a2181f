/**
 * Issue 12's fulfilment and after-sale story in a real browser, one context per person:
 *   a customer bound to 李娜 buys 2 products and pays (the one pay helper) → ops ship it from the
 *   to-ship page → the customer sees the tracking number and confirms receipt → the clock passes
 *   the after-sale window, the sweep completes the order and 李娜's commission becomes settleable;
 *   a second customer returns one line of a shipped order (apply → ops approve → return tracking
 *   → ops confirm the goods → refunded) with stock, money and commission checked in the stored
 *   documents at each step; a rejected request shows the reviewer's note; a request after the
 *   window shows why it is refused.
 * Steps run in order; once one fails the rest are reported as not reached.
 */
import type { Page } from 'playwright-core';
import { formatIssues, startE2E, type E2E, type Person } from './harness';
import { see, storySteps, until } from './story';
import { HOME } from '../tests/support/commerce';
import { payOrder } from '../tests/support/pay';

const SALES = 'o_sales_li';
const OPS = { name: 'ops', openid: 'o_ops' };
const BUYER = { name: 'buyer', openid: 'o_cust_2' };
const RETURNER = { name: 'returner', openid: 'o_cust_3' };
const DAY = 86_400_000;
const ITEMS = [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }];

type Doc = Record<string, unknown>;
type Line = { lineId: string; state: string; skuId: string; paidFen: number; afterSaleId: string | null };

async function fill(page: Page, testid: string, value: string, tag = 'input'): Promise<void> {
  const el = page.locator(`[data-testid=${testid}] ${tag}:visible, ${tag}[data-testid=${testid}]:visible`).first();
  await el.waitFor({ timeout: 20000 });
  await el.fill(value);
}

async function click(page: Page, testid: string): Promise<void> {
  const el = page.locator(`[data-testid=${testid}]:visible`).first();
  await el.waitFor({ timeout: 20000 });
  await el.click();
}

/** Taro's h5 showModal: its confirm button. */
async function confirmModal(page: Page): Promise<void> {
  await page.getByText('确定', { exact: true }).filter({ visible: true }).last().click();
}

describe('h5: shipped, received, completed; a return; refusals', () => {
  let e2e: E2E;
  let ops: Person;
  let buyer: Person;
  let returner: Person;
  const state: { orderId?: string; returnOrderId?: string; requestId?: string; rejectedId?: string; stock?: number; l2?: Line } = {};
  const { step } = storySteps(() => e2e);

  const get = async (collection: string, id: string) => ((await e2e.cloud.db.collection(collection).doc(id).get()) as { data: Doc[] }).data[0];
  const list = async (collection: string, where: Doc) => ((await e2e.cloud.db.collection(collection).where(where).limit(100).get()) as { data: Doc[] }).data;
  const ledger = async (orderId: string) => (await list('commission_ledger', { orderId })).map((e) => [e.kind, e.lineId]).sort();

  /** A customer bound to 李娜 orders p03 + p05 and pays. */
  async function paidOrder(openid: string, key: string): Promise<string> {
    const { cloud } = e2e;
    const share = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: SALES }, channel: 'card' }, SALES);
    await cloud.ok('share', { action: 'open', shareId: share.shareId }, openid);
    const order = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: ITEMS, idempotencyKey: key, shareId: share.shareId }, openid);
    await payOrder(cloud, order.orderId, openid);
    return order.orderId;
  }

  beforeAll(async () => {
    e2e = await startE2E('fulfil');
    ops = await e2e.person(OPS.name, OPS.openid, { desktop: true });
    buyer = await e2e.person(BUYER.name, BUYER.openid);
    returner = await e2e.person(RETURNER.name, RETURNER.openid);
  });

  afterAll(async () => {
    console.log(`fulfil screenshots:\n  ${e2e?.shots.join('\n  ')}`);
    if (e2e?.issues.length) console.log(formatIssues(e2e.issues));
    await e2e?.close();
  });

  step('a customer buys 2 products and pays: the order waits to ship, 李娜 earns pending commission', async () => {
    state.orderId = await paidOrder(BUYER.openid, 'fulfil-e2e-1');
    expect(await get('orders', state.orderId)).toMatchObject({ status: 'to_ship' });
    expect(await ledger(state.orderId)).toEqual([['pending', 'L1'], ['pending', 'L2']]);
  });

  step('ops ship it from the to-ship page with a tracking number', async () => {
    await ops.open('/packageBoss/to-ship/index');
    await see(ops.page, state.orderId!);
    await fill(ops.page, `ship-tracking-${state.orderId}`, 'SF 1234 5678 90123');
    await click(ops.page, `ship-submit-${state.orderId}`);
    await until(async () => (await get('orders', state.orderId!))?.status, 'shipped');
    const stored = await get('orders', state.orderId!);
    expect(stored?.shipments).toEqual([expect.objectContaining({ carrier: 'SF', trackingNo: 'SF1234567890123', lineIds: ['L1', 'L2'], shippedBy: OPS.openid })]);
    await e2e.shot(ops.page, 'ops-shipped');
  });

  step('the customer sees the tracking number and confirms receipt', async () => {
    await buyer.open('/packageShop/order/index', { id: state.orderId! });
    await see(buyer.page, 'SF1234567890123');
    await see(buyer.page, '顺丰速运');
    await click(buyer.page, 'confirm-receipt');
    await confirmModal(buyer.page);
    await until(async () => (await get('orders', state.orderId!))?.status, 'received');
    expect(await get('orders', state.orderId!)).toMatchObject({ receivedBy: 'buyer' });
    await see(buyer.page, '已收货');
    await e2e.shot(buyer.page, 'buyer-received');
  });

  step('after the after-sale window the sweep completes the order; only now 李娜’s commission is settleable', async () => {
    e2e.cloud.advanceClock(6 * DAY);
    await e2e.cloud.runTimer('sweep');
    expect(await get('orders', state.orderId!)).toMatchObject({ status: 'received' });
    expect(await ledger(state.orderId!)).toEqual([['pending', 'L1'], ['pending', 'L2']]);
    e2e.cloud.advanceClock(2 * DAY);
    await e2e.cloud.runTimer('sweep');
    expect(await get('orders', state.orderId!)).toMatchObject({ status: 'completed' });
    expect(await ledger(state.orderId!)).toEqual([['pending', 'L1'], ['pending', 'L2'], ['settleable', 'L1'], ['settleable', 'L2']]);
    await buyer.open('/packageShop/order/index', { id: state.orderId! });
    await see(buyer.page, '已完成');
  });

  step('a second customer asks to return one line of a shipped order', async () => {
    const orderId = await paidOrder(RETURNER.openid, 'fulfil-e2e-2');
    state.returnOrderId = orderId;
    await e2e.cloud.ok('fulfil', { action: 'ship', orderId, lineIds: ['L1', 'L2'], carrier: 'ZTO', trackingNo: '73100098765432' }, OPS.openid);
    await e2e.cloud.ok('order', { action: 'confirmReceipt', orderId }, RETURNER.openid);
    state.l2 = ((await get('orders', orderId))?.lines as Line[])[1];
    state.stock = Number((await get('skus', state.l2.skuId))?.stock);

    await returner.open('/packageShop/order/index', { id: orderId });
    await click(returner.page, 'ask-aftersale');
    await click(returner.page, 'as-line-L2');
    await click(returner.page, 'as-kind-return');
    await fill(returner.page, 'as-reason', '包装破损，想退货', 'textarea');
    await click(returner.page, 'as-submit');
    await see(returner.page, '待审核');
    const [request] = await list('aftersale_requests', { orderId });
    expect(request).toMatchObject({ kind: 'return', status: 'requested', lineIds: ['L2'], refundFen: state.l2.paidFen });
    state.requestId = String(request._id);
    expect(((await get('orders', orderId))?.lines as Line[]).map((l) => l.afterSaleId)).toEqual([null, state.requestId]);
    await e2e.shot(returner.page, 'returner-requested');
  });

  step('ops approve the return in the queue: no money and no stock move yet', async () => {
    await ops.open('/packageBoss/aftersale-queue/index');
    await click(ops.page, `aftersale-${state.requestId}`);
    await fill(ops.page, 'as-review-note', '请寄回：杭州市西湖区 1 号');
    await click(ops.page, 'as-approve');
    await until(async () => (await get('aftersale_requests', state.requestId!))?.status, 'approved');
    expect(await list('refunds', { orderId: state.returnOrderId })).toHaveLength(0);
    expect(Number((await get('skus', state.l2!.skuId))?.stock)).toBe(state.stock);
    await e2e.shot(ops.page, 'ops-approved');
  });

  step('the customer sends the goods back with a tracking number', async () => {
    await returner.open('/packageShop/aftersale/index', { id: state.requestId! });
    await see(returner.page, '请寄回：杭州市西湖区 1 号');
    await fill(returner.page, 'return-tracking', 'YT9000123456789');
    await click(returner.page, 'return-submit');
    await until(async () => (await get('aftersale_requests', state.requestId!))?.status, 'return_shipped');
    expect(await list('refunds', { orderId: state.returnOrderId })).toHaveLength(0);
    await see(returner.page, '退货中');
  });

  step('ops confirm the goods arrived: refunded — the line returned, its stock, money and commission back', async () => {
    await ops.open('/packageBoss/aftersale-detail/index', { id: state.requestId! });
    await click(ops.page, 'as-receive');
    await until(async () => (await get('aftersale_requests', state.requestId!))?.status, 'refunded');
    const order = await get('orders', state.returnOrderId!);
    expect((order?.lines as Line[]).map((l) => [l.lineId, l.state])).toEqual([['L1', 'shipped'], ['L2', 'returned']]);
    expect(order).toMatchObject({ status: 'received', refundedFen: state.l2!.paidFen });
    expect(await list('refunds', { orderId: state.returnOrderId })).toEqual([expect.objectContaining({ refundFen: state.l2!.paidFen, afterSaleId: state.requestId })]);
    expect(Number((await get('skus', state.l2!.skuId))?.stock)).toBe(state.stock! + 1);
    expect(await ledger(state.returnOrderId!)).toEqual([['pending', 'L1'], ['pending', 'L2'], ['reversed', 'L2']]);
    await returner.open('/packageShop/aftersale/index', { id: state.requestId! });
    await see(returner.page, '已退款');
    await e2e.shot(returner.page, 'returner-refunded');
  });

  step('a rejected request shows the reviewer’s note to the customer', async () => {
    const asked = await e2e.cloud.ok<{ requestId: string }>('aftersale', { action: 'request', orderId: state.returnOrderId, lineIds: ['L1'], kind: 'return', reason: '不喜欢' }, RETURNER.openid);
    state.rejectedId = asked.requestId;
    await ops.open('/packageBoss/aftersale-detail/index', { id: asked.requestId });
    await fill(ops.page, 'as-review-note', '食品拆封后不支持无理由退货');
    await click(ops.page, 'as-reject');
    await until(async () => (await get('aftersale_requests', asked.requestId))?.status, 'rejected');
    await returner.open('/packageShop/aftersale/index', { id: asked.requestId });
    await see(returner.page, '已拒绝');
    await see(returner.page, '商家备注：食品拆封后不支持无理由退货');
    await e2e.shot(returner.page, 'returner-rejected');
  });

  step('a request after the window is refused with its reason', async () => {
    e2e.cloud.advanceClock(8 * DAY);
    await returner.open('/packageShop/aftersale-apply/index', { orderId: state.returnOrderId! });
    await click(returner.page, 'as-line-L1');
    await click(returner.page, 'as-kind-return');
    await fill(returner.page, 'as-reason', '还是想退', 'textarea');
    await click(returner.page, 'as-submit');
    await see(returner.page, '已超过售后期限，无法申请');
    expect(await list('aftersale_requests', { orderId: state.returnOrderId })).toHaveLength(2);
    await e2e.shot(returner.page, 'returner-late');
  });

  it('the browser saw no errors', () => {
    // A refused request is an envelope, not an HTTP error; nothing else may fail.
    expect(formatIssues(e2e.issues)).toBe('');
  });
});
