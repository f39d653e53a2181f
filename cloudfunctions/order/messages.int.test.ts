/**
 * Subscribe messages (订阅消息) of the order events, in the local cloud's outbox at the moment
 * they happen, with every field within WeChat's limits (the local cloud also refuses a send that
 * is not): paid, refunded by staff, a team that failed; none for a user who never accepted
 * (recorded `not_accepted`), and none twice when an event is delivered again.
 */
import { AS_FUNCTION, useTestCloud } from '../../emulator/testing';
import { docs, HOME } from '../../tests/support/commerce';
import { acceptTemplates, outbox, type SentMessage } from '../../tests/support/messages';
import { payOrder } from '../../tests/support/pay';

const t = useTestCloud();
const HOUR = 3_600_000;

/** WeChat's limits by keyword type (thing ≤ 20, character_string ≤ 32, phrase ≤ 5; amount, time formats). */
function withinLimits(m: SentMessage): boolean {
  return Object.entries(m.data).every(([key, v]) => {
    if (key.startsWith('thing')) return [...v].length <= 20;
    if (key.startsWith('character_string')) return v.length <= 32 && /^[A-Za-z0-9_-]+$/.test(v);
    if (key.startsWith('phrase')) return [...v].length <= 5;
    if (key.startsWith('amount')) return /^¥\d+\.\d{2}$/.test(v);
    if (key.startsWith('time')) return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(v);
    return false;
  });
}
const sent = async (templateId: string) => (await outbox(t.cloud)).filter((m) => m.templateId === templateId);

it('paid: the buyer is told at payment (order id, products, amount, time); the same event delivered again sends nothing more', async () => {
  await acceptTemplates(t.cloud, 'o_cust_2');
  await acceptTemplates(t.cloud, 'o_cust_2');
  const o = await t.cloud.ok<{ orderId: string; totalFen: number }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }], idempotencyKey: 'msg-paid-1' }, 'o_cust_2');
  expect(await sent('tmpl_order_paid')).toEqual([]);
  await payOrder(t.cloud, o.orderId, 'o_cust_2');
  const paid = await sent('tmpl_order_paid');
  expect(paid.map((m) => [m.touser, m.page, m.data.character_string1, m.data.thing2, m.data.amount3])).toEqual([
    ['o_cust_2', `packageShop/order/index?id=${o.orderId}`, o.orderId, '福鼎白茶 寿眉等2件', `¥${(o.totalFen / 100).toFixed(2)}`],
  ]);
  expect(paid.every(withinLimits)).toBe(true);
  // Re-delivery (the outbox's sweep): the record stops it.
  await t.cloud.db.collection('orders').doc(o.orderId).update({ outboxPending: ['OrderPaid'], outboxPendingCount: 1 });
  await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
  expect(await sent('tmpl_order_paid')).toHaveLength(1);
  expect(await docs(t.cloud, 'messages', { orderId: o.orderId, purpose: 'orderPaid' })).toEqual([expect.objectContaining({ status: 'sent', recipient: 'o_cust_2' })]);
});

it('refunded by staff: the buyer is told the amount and why; a buyer who never accepted gets nothing (recorded not_accepted)', async () => {
  await acceptTemplates(t.cloud, 'o_cust_3', ['tmpl_refund_done']);
  const o = await t.cloud.ok<{ orderId: string; lines: Array<{ paidFen: number }> }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }, { productId: 'p05', qty: 1 }], idempotencyKey: 'msg-refund-1' }, 'o_cust_3');
  await payOrder(t.cloud, o.orderId, 'o_cust_3');
  await t.cloud.ok('order', { action: 'refund', orderId: o.orderId, lineIds: ['L2'] }, 'o_ops');
  const refunds = await sent('tmpl_refund_done');
  expect(refunds.map((m) => [m.touser, m.data.character_string1, m.data.amount2, m.data.thing3])).toEqual([['o_cust_3', o.orderId, `¥${(o.lines[1].paidFen / 100).toFixed(2)}`, '商家为你办理了退款']]);
  expect(refunds.every(withinLimits)).toBe(true);

  const never = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'msg-refund-2' }, 'o_cust_4');
  await payOrder(t.cloud, never.orderId, 'o_cust_4');
  await t.cloud.ok('order', { action: 'refund', orderId: never.orderId }, 'o_ops');
  expect((await outbox(t.cloud)).filter((m) => m.touser === 'o_cust_4')).toEqual([]);
  expect((await docs(t.cloud, 'messages', { orderId: never.orderId })).map((m) => [m.purpose, m.status]).sort()).toEqual([['orderPaid', 'not_accepted'], ['refund', 'not_accepted']]);
});

it('a team that failed: its paid member is told 拼团失败 with the amount going back, when the sweep refunds it', async () => {
  await acceptTemplates(t.cloud, 'o_cust_1', ['tmpl_group_result']);
  const team = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'msg-team-fail' }, 'o_cust_1');
  await payOrder(t.cloud, team.orderId, 'o_cust_1');
  expect(await sent('tmpl_group_result')).toEqual([]);
  t.cloud.advanceClock(25 * HOUR);
  await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
  const results = await sent('tmpl_group_result');
  expect(results.map((m) => [m.touser, m.data.phrase2])).toEqual([['o_cust_1', '拼团失败']]);
  expect(results[0].data.thing3).toMatch(/^未成团，已退回¥\d+\.\d{2}$/);
  expect(results.every(withinLimits)).toBe(true);
});

it.each([
  ['pay', ['tmpl_order_paid', 'tmpl_order_shipped', 'tmpl_group_result']],
  ['aftersale', ['tmpl_aftersale_result', 'tmpl_refund_done']],
  ['commission', ['tmpl_commission_settled']],
  ['flashRemind', ['tmpl_flash_started']],
])('the app asks for the templates of the %s moment: %j (the seeded settings)', async (moment, ids) => {
  expect(await t.cloud.call('order', { action: 'messageTemplates', moment }, 'o_cust_2')).toEqual({ ok: true, data: { templateIds: ids } });
});
