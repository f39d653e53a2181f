import { AS_FUNCTION, useTestCloud } from '../../emulator/testing';
import { bindByCard } from '../../tests/support/share';
import { payOrder } from '../../tests/support/pay';
import { HOME } from '../../tests/support/commerce';
import { acceptTemplates } from '../../tests/support/messages';

const t = useTestCloud();

type Doc = Record<string, unknown>;
const MIN = 60_000;
const MATERIALS = ['m_tea_guide', 'm_brochure_2026', 'm_case_hangzhou', 'm_video_farm', 'm_voice_wang', 'm_poster_618'];

const bind = (openid: string, salesId: string) => bindByCard(t.cloud, openid, salesId);
const oaOutbox = () => t.cloud.cloud.wechat.officialAccount.outbox();
const subscribeOutbox = () => t.cloud.cloud.wechat.openApi.outbox();
async function alerts(where: Doc = {}): Promise<Doc[]> {
  return ((await t.cloud.db.collection('alerts').where(where).limit(1000).get()) as { data: Doc[] }).data;
}

describe('alerts to the salesperson', () => {
  it("a bound customer reading a material alerts their salesperson through the Official Account (wechat-api's calls on the local cloud)", async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_1');
    expect(oaOutbox()).toEqual([
      expect.objectContaining({
        touser: 'oa_sales_li',
        templateId: 'oa_tmpl_customer_activity',
        miniprogram: { appid: 'wx0000000000000000', pagepath: 'packageSales/customer/index?openid=o_cust_1' },
        data: expect.objectContaining({ keyword1: '小美', keyword2: expect.stringContaining('阅读'), keyword3: '2026-06-01 10:00' }),
      }),
    ]);
    expect(await alerts()).toEqual([expect.objectContaining({ kind: 'material_opened', salesId: 'o_sales_li', status: 'sent', channel: 'oa' })]);
    // The token is shared by every instance through the database.
    expect((await t.cloud.db.collection('wechat_tokens').doc('oa').get()).data).toEqual([expect.objectContaining({ accessToken: expect.any(String) })]);
    // A reload in the same visit, and an unbound customer's read, alert nobody.
    await t.cloud.ok('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_1');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_2');
    expect(oaOutbox()).toHaveLength(1);
  });

  it('at most the daily cap per salesperson (a setting), the next China day afresh', async () => {
    await t.cloud.db.collection('settings').doc('alerts').update({ dailyCap: 3 });
    await bind('o_cust_1', 'o_sales_li');
    await bind('o_cust_2', 'o_sales_li');
    await Promise.all(MATERIALS.flatMap((m) => ['o_cust_1', 'o_cust_2'].map((c) => t.cloud.ok('material', { action: 'get', materialId: m }, c))));
    expect(oaOutbox()).toHaveLength(3);
    const stored = await alerts();
    expect(stored).toHaveLength(12);
    expect(stored.filter((a) => a.status === 'sent')).toHaveLength(3);
    expect(stored.filter((a) => a.status === 'capped')).toHaveLength(9);
    t.cloud.advanceClock(24 * 60 * MIN);
    await t.cloud.ok('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_1');
    expect(oaOutbox()).toHaveLength(4);
  });

  it('none after the salesperson opts out; again after they opt back in', async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('card', { action: 'setAlerts', enabled: false }, 'o_sales_li');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_1');
    expect(oaOutbox()).toEqual([]);
    expect(subscribeOutbox()).toEqual([]);
    expect(await alerts()).toEqual([expect.objectContaining({ status: 'opted_out' })]);
    await t.cloud.ok('card', { action: 'setAlerts', enabled: true }, 'o_sales_li');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_cust_1');
    expect(oaOutbox()).toHaveLength(1);
  });

  it("a subscribe message in the mini-program when the salesperson does not follow the account (赵敏), or stops following it", async () => {
    // Each salesperson tapped "allow" for the alert template (WeChat sends one message per acceptance).
    for (const sales of ['o_sales_zhao', 'o_sales_wang']) await acceptTemplates(t.cloud, sales, ['tmpl_customer_alert']);
    await bind('o_cust_1', 'o_sales_zhao');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_1');
    expect(oaOutbox()).toEqual([]);
    expect(subscribeOutbox()).toEqual([
      expect.objectContaining({ touser: 'o_sales_zhao', templateId: 'tmpl_customer_alert', page: 'packageSales/customer/index?openid=o_cust_1', data: expect.objectContaining({ thing1: '小美', time3: '2026-06-01 10:00' }) }),
    ]);
    t.cloud.advanceClock(MIN);
    await bind('o_cust_2', 'o_sales_wang');
    t.cloud.cloud.wechat.officialAccount.setSubscribe('oa_sales_wang', 0);
    await t.cloud.ok('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_2');
    expect(subscribeOutbox().map((m) => m.touser)).toEqual(['o_sales_zhao', 'o_sales_wang']);
    expect((await alerts({ salesId: 'o_sales_wang' }))[0]).toMatchObject({ status: 'sent', channel: 'subscribe' });
  });

  it('sent once per (event, recipient): concurrent and repeated deliveries, and the sweep, send nothing twice', async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('material', { action: 'get', materialId: 'm_tea_guide' }, 'o_cust_1');
    const [alert] = await alerts();
    const replies = await Promise.all(Array.from({ length: 5 }, () => t.cloud.ok<{ status: string }>('alerts', { action: 'deliver', alertId: alert._id }, AS_FUNCTION)));
    expect(replies.every((r) => r.status === 'sent')).toBe(true);
    t.cloud.advanceClock(5 * MIN);
    await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);
    expect(oaOutbox()).toHaveLength(1);
    // A queued alert whose delivery never happened (its request died) is delivered by the sweep, once.
    await t.cloud.db.collection('alerts').add({ ...alert, _id: 'a_orphan', key: 'orphan', status: 'pending', leaseUntil: new Date(0), createdAt: t.cloud.now() });
    t.cloud.advanceClock(2 * MIN);
    await Promise.all([t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)]);
    expect(oaOutbox()).toHaveLength(2);
    expect((await alerts({ _id: 'a_orphan' }))[0]).toMatchObject({ status: 'sent' });
  });

  it('a payment and a product viewed again alert too (the payment from the order outbox consumer)', async () => {
    await bind('o_cust_1', 'o_sales_li');
    await t.cloud.ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    t.cloud.advanceClock(31 * MIN);
    await t.cloud.ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    t.cloud.advanceClock(31 * MIN);
    await t.cloud.ok('shelf', { action: 'product', productId: 'p01' }, 'o_cust_1'); // same product, same day: no second alert
    const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }], idempotencyKey: 'alert-pay-1' }, 'o_cust_1');
    expect((await payOrder(t.cloud, o.orderId, 'o_cust_1')).paid).toBe(true);
    expect((await alerts()).map((a) => a.kind).sort()).toEqual(['order_paid', 'product_again']);
    expect(oaOutbox().map((m) => (m.data as Doc).keyword2)).toEqual(['再次看明前龙井 特级', '付款¥168.00']);
  });
});
