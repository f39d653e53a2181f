/**
 * Cloud calls on the local cloud through the real SDK: `callWxOpenApi` (wx.api, JSON) and
 * `callCompatibleWxOpenApi` (wx.openApi, multipart, raw reply) — wxacode.getUnlimited with
 * WeChat's rules and a decodable PNG, subscribeMessage.send checked against the templates and
 * recorded in the outbox, unknown APIs answered in WeChat's error shape.
 */
import { decodeQrPng } from './qr-decode';
import { useWeChatTestCloud } from './testing';
import { wxacodeContent } from './wxacode';

const w = useWeChatTestCloud();

const wxacode = async (data: Record<string, unknown>) => (await w.cloud.app.callWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: data })).result as unknown;

describe('wxacode.getUnlimited', () => {
  it('answers a PNG that decodes back to its page and scene (wx.api: base64 in responseData)', async () => {
    const result = await wxacode({ scene: 'aZ3kP9qW', page: 'pages/landing/index', width: 430 });
    expect(typeof result).toBe('string');
    const png = Buffer.from(result as string, 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(decodeQrPng(png)).toBe(wxacodeContent('pages/landing/index', 'aZ3kP9qW'));
    expect(decodeQrPng(png)).toBe('https://local.linkshelf/pages/landing/index?scene=aZ3kP9qW');
  });

  it('answers the raw PNG through wx.openApi (multipart) as a Buffer', async () => {
    const raw: unknown = await w.cloud.app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: Buffer.from(JSON.stringify({ scene: 'k=v&x=1', page: 'packageShop/product/index' })) });
    expect(Buffer.isBuffer(raw)).toBe(true);
    expect(decodeQrPng(raw as Buffer)).toBe('https://local.linkshelf/packageShop/product/index?scene=k%3Dv%26x%3D1');
  });

  it("refuses a scene over 32 characters or outside WeChat's character set with 40169", async () => {
    expect(await wxacode({ scene: 'a'.repeat(32), page: 'pages/landing/index' })).toEqual(expect.any(String));
    expect(await wxacode({ scene: 'a'.repeat(33), page: 'pages/landing/index' })).toMatchObject({ errcode: 40169 });
    expect(await wxacode({ scene: '货架', page: 'pages/landing/index' })).toMatchObject({ errcode: 40169 });
    expect(await wxacode({ scene: 'a b', page: 'pages/landing/index' })).toMatchObject({ errcode: 40169 });
    expect(await wxacode({ page: 'pages/landing/index' })).toMatchObject({ errcode: 40169 });
  });

  it('refuses a page with a leading slash, a query, or not in the app (41030) unless check_path is false', async () => {
    expect(await wxacode({ scene: 's', page: '/pages/landing/index' })).toMatchObject({ errcode: 41030 });
    expect(await wxacode({ scene: 's', page: 'pages/landing/index?s=1' })).toMatchObject({ errcode: 41030 });
    expect(await wxacode({ scene: 's', page: 'pages/nope/index' })).toMatchObject({ errcode: 41030 });
    expect(await wxacode({ scene: 's', page: 'pages/nope/index', check_path: false })).toEqual(expect.any(String));
    expect(await wxacode({ scene: 's', page: 'pages/landing/index', width: 100 })).toMatchObject({ errcode: 40097 });
  });

  it('answers a refusal through wx.openApi as WeChat JSON, not a Buffer', async () => {
    const raw: unknown = await w.cloud.app.callCompatibleWxOpenApi({ apiName: 'wxacode.getUnlimited', requestData: Buffer.from(JSON.stringify({ scene: 'x'.repeat(33) })) });
    expect(raw).toMatchObject({ errcode: 40169 });
  });
});

describe('subscribeMessage.send', () => {
  const send = async (data: Record<string, unknown>) => (await w.cloud.app.callWxOpenApi({ apiName: 'subscribeMessage.send', requestData: data })).result as Record<string, unknown>;
  /** The user taps "allow" on wx.requestSubscribeMessage (the local stand-in). */
  const accept = async (openid: string, tmplIds: unknown) => {
    const res = await fetch(`${w.cloud.url}/client/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ tmplIds }) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const paid = (thing2: string) => ({
    touser: 'o_cust_1',
    template_id: 'tmpl_order_paid',
    page: 'packageShop/order/index?id=o1',
    data: { character_string1: { value: 'LS20260601001' }, thing2: { value: thing2 }, amount3: { value: '¥99.00' }, time4: { value: '2026年6月1日 10:00' } },
    miniprogram_state: 'formal',
    lang: 'zh_CN',
  });

  it('records a valid message in the outbox with its fields', async () => {
    await accept('o_cust_1', ['tmpl_order_paid']);
    const reply = await send(paid('小美的随行杯'));
    expect(reply).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) });
    const { body } = await w.cloud.control<Array<Record<string, unknown>>>('outbox');
    expect(body).toEqual([
      expect.objectContaining({
        _id: String(reply.msgid),
        touser: 'o_cust_1',
        templateId: 'tmpl_order_paid',
        title: '订单支付成功通知',
        page: 'packageShop/order/index?id=o1',
        data: { character_string1: 'LS20260601001', thing2: '小美的随行杯', amount3: '¥99.00', time4: '2026年6月1日 10:00' },
        miniprogramState: 'formal',
        sentAt: Date.parse('2026-06-01T02:00:00.000Z'),
      }),
    ]);
  });

  it('refuses a thing of 21 characters (47003), a missing keyword, an unknown template (40037), no touser (40003); nothing is recorded', async () => {
    await accept('o_cust_1', ['tmpl_order_paid']);
    expect(await send(paid('一二三四五六七八九十一二三四五六七八九十'))).toMatchObject({ errcode: 0 });
    expect(await send(paid('一二三四五六七八九十一二三四五六七八九十一'))).toMatchObject({ errcode: 47003 });
    const missing = paid('杯');
    delete (missing.data as Record<string, unknown>).time4;
    expect(await send(missing)).toMatchObject({ errcode: 47003 });
    expect(await send({ ...paid('杯'), data: { ...paid('杯').data, amount3: { value: '九十九元' } } })).toMatchObject({ errcode: 47003 });
    expect(await send({ ...paid('杯'), template_id: 'tmpl_unknown' })).toMatchObject({ errcode: 40037 });
    expect(await send({ ...paid('杯'), touser: '' })).toMatchObject({ errcode: 40003 });
    expect(await send({ ...paid('杯'), page: 'pages/nope/index' })).toMatchObject({ errcode: 41030 });
    expect((await w.cloud.control<unknown[]>('outbox')).body).toHaveLength(1);
  });

  it('sends only what the user accepted: none → 43101; each acceptance allows one send', async () => {
    expect(await send(paid('杯'))).toMatchObject({ errcode: 43101 });
    expect(await accept('o_cust_1', ['tmpl_order_paid', 'tmpl_order_shipped'])).toEqual({ status: 200, body: { errMsg: 'requestSubscribeMessage:ok', tmpl_order_paid: 'accept', tmpl_order_shipped: 'accept' } });
    await accept('o_cust_1', ['tmpl_order_paid']);
    expect(await send(paid('杯'))).toMatchObject({ errcode: 0 });
    expect(await send(paid('杯'))).toMatchObject({ errcode: 0 });
    expect(await send(paid('杯'))).toMatchObject({ errcode: 43101 });
    expect(await send({ ...paid('杯'), touser: 'o_cust_2' })).toMatchObject({ errcode: 43101 });
    expect((await w.cloud.control<unknown[]>('outbox')).body).toHaveLength(2);
    expect((await w.cloud.control<Array<Record<string, unknown>>>('subscriptions')).body).toEqual([
      expect.objectContaining({ openid: 'o_cust_1', templateId: 'tmpl_order_paid', remaining: 0 }),
      expect.objectContaining({ openid: 'o_cust_1', templateId: 'tmpl_order_shipped', remaining: 1 }),
    ]);
  });

  it("refuses an acceptance request as wx.requestSubscribeMessage fails: no ids 10001, more than 3 20003, an unknown id 20001", async () => {
    expect(await accept('o_cust_1', [])).toMatchObject({ status: 400, body: { errCode: 10001 } });
    expect(await accept('o_cust_1', ['tmpl_order_paid', 'tmpl_group_result', 'tmpl_refund_done', 'tmpl_order_shipped'])).toMatchObject({ status: 400, body: { errCode: 20003 } });
    expect(await accept('o_cust_1', ['tmpl_nope'])).toMatchObject({ status: 400, body: { errCode: 20001 } });
    expect((await w.cloud.control<unknown[]>('subscriptions')).body).toEqual([]);
  });
});

it("answers an unknown cloud call in WeChat's error shape", async () => {
  expect((await w.cloud.app.callWxOpenApi({ apiName: 'wxa.doEverything', requestData: {} })).result).toMatchObject({ errcode: -604101, errmsg: expect.any(String) });
});

it('the console lists the WeChat side beside the collections (payments, refunds, callbacks, outbox, storage)', async () => {
  const html = await (await fetch(`${w.cloud.url}/console/`)).text();
  expect(html).toContain('id="wechat-views"');
  const panel = await (await fetch(`${w.cloud.url}/console/wechat-panel.js`)).text();
  for (const route of ['wxpay/trades', 'wxpay/refunds', 'wxpay/callbacks', 'outbox', 'storage']) {
    expect(panel).toContain(`'${route}'`);
    expect((await fetch(`${w.cloud.url}/_emulator/${route}`)).status).toBe(200);
  }
});
