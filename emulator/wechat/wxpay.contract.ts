/**
 * WeChat Pay (cloudPay) on the local cloud, driven by the real @cloudbase/node-sdk through
 * `callWxPayApi` (multipart, raw reply): the trade machine, WeChat Pay's checks, the cashier, and
 * callbacks delivered to a function until it answers `{errcode: 0}`.
 */
import { CALLBACK_FN, useWeChatTestCloud } from './testing';
import { LOCAL_SUB_MCH_ID } from './merchant';
import { GIVE_UP_AFTER_MS, RETRY_GAPS_MS } from './pay-callbacks';
import { MAX_REFUNDS_PER_TRADE } from './wxpay';
import { REFUND_SETTLE_MS } from '.';

const w = useWeChatTestCloud();

const order = (outTradeNo: string, extra: Record<string, unknown> = {}) => ({
  functionName: CALLBACK_FN,
  envId: 'local',
  subMchId: LOCAL_SUB_MCH_ID,
  nonceStr: 'n0nce',
  body: '小美的货架-随行杯',
  outTradeNo,
  totalFee: 9900,
  spbillCreateIp: '127.0.0.1',
  subOpenid: 'o_cust_1',
  ...extra,
});
const query = (outTradeNo: string) => w.cloud.pay('cloudPay.queryOrder', { sub_mch_id: LOCAL_SUB_MCH_ID, out_trade_no: outTradeNo, nonce_str: 'n' });
const refund = (outTradeNo: string, outRefundNo: string, refundFee: number, totalFee = 9900) =>
  w.cloud.pay('cloudPay.refund', { functionName: CALLBACK_FN, envId: 'local', sub_mch_id: LOCAL_SUB_MCH_ID, nonce_str: 'n', out_trade_no: outTradeNo, out_refund_no: outRefundNo, total_fee: totalFee, refund_fee: refundFee });
const queryRefund = (fields: Record<string, unknown>) => w.cloud.pay('cloudPay.queryRefund', { sub_mch_id: LOCAL_SUB_MCH_ID, nonce_str: 'n', ...fields });
const cashier = (outTradeNo: string, outcome: string) => w.cloud.control<Record<string, unknown>>('cashier', { outTradeNo, outcome });

async function paidTrade(outTradeNo: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  expect((await w.cloud.pay('cloudPay.unifiedOrder', order(outTradeNo, extra))).resultCode).toBe('SUCCESS');
  const paid = await cashier(outTradeNo, 'pay');
  expect(paid.status).toBe(200);
  return paid.body;
}

describe('unifiedOrder → cashier → pay callback → queryOrder', () => {
  it('answers the wx.requestPayment parameters, then the callback reaches the function as WeChat Pay, and the trade is SUCCESS', async () => {
    const created = await w.cloud.pay('cloudPay.unifiedOrder', order('T1'));
    expect(created).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', subMchId: LOCAL_SUB_MCH_ID, tradeType: 'JSAPI' });
    const payment = created.payment as Record<string, string>;
    expect(Object.keys(payment).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp']);
    expect(payment.package).toBe(`prepay_id=${String(created.prepayId)}`);
    expect(await query('T1')).toMatchObject({ resultCode: 'SUCCESS', tradeState: 'NOTPAY', outTradeNo: 'T1', totalFee: 9900 });
    expect(await w.cloud.deliveries('T1')).toBeUndefined();

    const paid = await cashier('T1', 'pay');
    expect(paid.body).toMatchObject({ tradeState: 'SUCCESS', callbacks: [{ id: 'pay:T1', acknowledged: true, attempts: 1 }] });

    const seen = await w.cloud.deliveries('T1');
    expect(seen).toMatchObject({ deliveries: 1, sources: ['wx_paycallback'], openids: [''] });
    const event = seen!.events[0];
    expect(event).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'T1', totalFee: 9900, cashFee: 9900, subMchId: LOCAL_SUB_MCH_ID, subOpenid: 'o_cust_1', tradeType: 'JSAPI', feeType: 'CNY' });
    expect(String(event.timeEnd)).toMatch(/^20260601100000$/); // 02:00Z is 10:00 in Beijing
    const after = await query('T1');
    expect(after).toMatchObject({ tradeState: 'SUCCESS', transactionId: event.transactionId, subOpenid: 'o_cust_1' });
    expect(String(after.transactionId)).toMatch(/^4200\d{24}$/);
  });

  it('a callback answered with an error is delivered again on the retry schedule until {errcode: 0}, with one payment', async () => {
    await paidTrade('T2', { attach: 'fail:2' });
    expect(await w.cloud.deliveries('T2')).toMatchObject({ deliveries: 1 });
    // Not due yet: nothing is delivered before the first gap has passed on the local clock.
    expect((await w.cloud.control<{ delivered: unknown[] }>('wxpay/deliver', {})).body.delivered).toEqual([]);
    w.cloud.advanceClock(RETRY_GAPS_MS[0]);
    expect((await w.cloud.control('wxpay/deliver', {})).body).toMatchObject({ delivered: [{ id: 'pay:T2', acknowledged: false, attempts: 2 }] });
    w.cloud.advanceClock(RETRY_GAPS_MS[1]);
    expect((await w.cloud.control('wxpay/deliver', {})).body).toMatchObject({ delivered: [{ id: 'pay:T2', acknowledged: true, attempts: 3 }] });
    w.cloud.advanceClock(RETRY_GAPS_MS[2]);
    expect((await w.cloud.control<{ delivered: unknown[] }>('wxpay/deliver', { all: true })).body.delivered).toEqual([]);

    const seen = await w.cloud.deliveries('T2');
    expect(seen?.deliveries).toBe(3);
    expect(new Set(seen!.events.map((e) => e.transactionId)).size).toBe(1);
    expect((await w.cloud.control<Array<Record<string, unknown>>>('wxpay/callbacks')).body).toMatchObject([{ _id: 'pay:T2', status: 'acknowledged', attempts: 3 }]);
    expect((await query('T2')).tradeState).toBe('SUCCESS');
  });

  it('a callback never acknowledged is given up after two days of retries', async () => {
    await paidTrade('T3', { attach: 'fail:1000' });
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 40 && last.status !== 'abandoned'; i++) {
      w.cloud.advanceClock(6 * 3600 * 1000);
      await w.cloud.control('wxpay/deliver', {});
      last = (await w.cloud.control<Array<Record<string, unknown>>>('wxpay/callbacks')).body[0];
    }
    expect(last.status).toBe('abandoned');
    const history = last.history as Array<{ at: number }>;
    expect(history[history.length - 1].at - Number(last.createdAt)).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
    expect((await w.cloud.deliveries('T3'))?.deliveries).toBe(last.attempts);
  });

  it('cancel at the cashier leaves the trade NOTPAY; fail makes it PAYERROR; neither calls back; paying later works', async () => {
    await w.cloud.pay('cloudPay.unifiedOrder', order('T4'));
    expect((await cashier('T4', 'cancel')).body).toMatchObject({ tradeState: 'NOTPAY', callbacks: [] });
    expect((await cashier('T4', 'fail')).body).toMatchObject({ tradeState: 'PAYERROR' });
    expect((await query('T4')).tradeState).toBe('PAYERROR');
    expect(await w.cloud.deliveries('T4')).toBeUndefined();
    expect((await cashier('T4', 'pay')).body).toMatchObject({ tradeState: 'SUCCESS' });
    expect((await cashier('T4', 'pay')).status).toBe(409);
    expect((await cashier('nope', 'pay')).status).toBe(404);
  });

  it('serves the cashier page for a prepay id', async () => {
    const created = await w.cloud.pay('cloudPay.unifiedOrder', order('T5'));
    const page = await (await fetch(`${w.cloud.url}/cashier?prepay_id=${String(created.prepayId)}&return=/%23/pages/orders/index`)).text();
    expect(page).toContain('¥99.00');
    expect(page).toContain('"/#/pages/orders/index"');
    const foreign = await (await fetch(`${w.cloud.url}/cashier?prepay_id=${String(created.prepayId)}&return=https://evil.example`)).text();
    expect(foreign).toContain('const returnTo = "";');
  });
});

describe("unifiedOrder applies WeChat Pay's checks", () => {
  it('refuses a 33-character outTradeNo, a fractional or zero fee, an unbound merchant, an unknown callback function, a missing payer', async () => {
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('x'.repeat(33)))).toMatchObject({ returnCode: 'FAIL' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T6', { totalFee: 99.5 }))).toMatchObject({ returnCode: 'FAIL' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T6', { totalFee: 0 }))).toMatchObject({ returnCode: 'FAIL' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T6', { subMchId: '1900000999' }))).toMatchObject({ returnCode: 'FAIL' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T6', { functionName: 'noSuchFunction' }))).toMatchObject({ returnCode: 'FAIL' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T6', { subOpenid: undefined }))).toMatchObject({ returnCode: 'FAIL' });
    expect((await w.cloud.control<unknown[]>('wxpay/trades')).body).toEqual([]);
  });

  it('the same request again gets the same prepay id; the same outTradeNo for another amount is refused', async () => {
    const a = await w.cloud.pay('cloudPay.unifiedOrder', order('T7'));
    const b = await w.cloud.pay('cloudPay.unifiedOrder', order('T7'));
    expect(b.prepayId).toBe(a.prepayId);
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T7', { totalFee: 1 }))).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'INVALID_REQUEST' });
    await cashier('T7', 'pay');
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('T7'))).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERPAID' });
  });

  it('queryOrder of an unknown trade is ORDERNOTEXIST; an unknown cloudPay API makes the SDK throw', async () => {
    expect(await query('nope')).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' });
    await expect(w.cloud.pay('cloudPay.payYourself', { sub_mch_id: LOCAL_SUB_MCH_ID })).rejects.toMatchObject({ code: 'INVALID_PARAM' });
  });
});

describe('closeOrder', () => {
  it('closes an unpaid trade once; a closed trade cannot be paid or re-ordered; a paid one cannot be closed', async () => {
    await w.cloud.pay('cloudPay.unifiedOrder', order('C1'));
    const close = (no: string) => w.cloud.pay('cloudPay.closeOrder', { sub_mch_id: LOCAL_SUB_MCH_ID, out_trade_no: no, nonce_str: 'n' });
    expect(await close('C1')).toMatchObject({ returnCode: 'SUCCESS', resultCode: 'SUCCESS' });
    expect((await query('C1')).tradeState).toBe('CLOSED');
    expect(await close('C1')).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERCLOSED' });
    expect((await cashier('C1', 'pay')).body).toMatchObject({ error: 'ORDERCLOSED' });
    expect(await w.cloud.pay('cloudPay.unifiedOrder', order('C1'))).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERCLOSED' });
    await paidTrade('C2');
    expect(await close('C2')).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERPAID' });
    expect(await close('C3')).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' });
  });
});

describe('refund → refund callback → queryRefund', () => {
  it('is accepted as PROCESSING, settles on the local clock, calls back with reqInfo, then queryRefund says SUCCESS', async () => {
    await paidTrade('R1');
    const accepted = await refund('R1', 'R1-r1', 3000);
    expect(accepted).toMatchObject({ resultCode: 'SUCCESS', outTradeNo: 'R1', outRefundNo: 'R1-r1', refundFee: 3000, totalFee: 9900 });
    expect(await queryRefund({ out_refund_no: 'R1-r1' })).toMatchObject({ refundCount: 1, outRefundNoList: ['R1-r1'], refundStatusList: ['PROCESSING'] });
    expect((await query('R1')).tradeState).toBe('REFUND');

    expect((await w.cloud.control('wxpay/deliver', {})).body).toMatchObject({ settledRefunds: 0 });
    w.cloud.advanceClock(REFUND_SETTLE_MS);
    expect((await w.cloud.control('wxpay/deliver', {})).body).toMatchObject({ settledRefunds: 1, delivered: [{ id: 'refund:R1-r1', acknowledged: true }] });
    const seen = await w.cloud.deliveries('R1-r1');
    expect(seen).toMatchObject({ deliveries: 1, sources: ['wx_paycallback'] });
    expect(seen!.events[0]).toMatchObject({
      returnCode: 'SUCCESS',
      subMchId: LOCAL_SUB_MCH_ID,
      reqInfo: { outTradeNo: 'R1', outRefundNo: 'R1-r1', refundId: accepted.refundId, refundFee: 3000, totalFee: 9900, refundStatus: 'SUCCESS', successTime: '2026-06-01 10:00:30' },
    });
    expect(await queryRefund({ out_refund_no: 'R1-r1' })).toMatchObject({ refundStatusList: ['SUCCESS'], refundIdList: [accepted.refundId], refundFeeList: [3000] });
  });

  it('out_refund_no reused on a retry is the same refund; with another amount it is refused; never more than was paid', async () => {
    await paidTrade('R2');
    const first = await refund('R2', 'R2-a', 5000);
    expect((await refund('R2', 'R2-a', 5000)).refundId).toBe(first.refundId);
    expect(await refund('R2', 'R2-a', 4000)).toMatchObject({ resultCode: 'FAIL', errCode: 'REFUND_FEE_MISMATCH' });
    expect(await refund('R2', 'R2-b', 4901)).toMatchObject({ resultCode: 'FAIL', errCode: 'INVALID_REQUEST' });
    expect(await refund('R2', 'R2-b', 4900, 9800)).toMatchObject({ resultCode: 'FAIL', errCode: 'REFUND_FEE_MISMATCH' });
    expect(await refund('R2', 'R2-b', 4900)).toMatchObject({ resultCode: 'SUCCESS' });
    expect(await queryRefund({ out_trade_no: 'R2' })).toMatchObject({ totalRefundCount: 2, refundFeeList: [5000, 4900] });
    expect(await refund('R3', 'R3-a', 1)).toMatchObject({ resultCode: 'FAIL', errCode: 'ORDERNOTEXIST' });
    await w.cloud.pay('cloudPay.unifiedOrder', order('R4'));
    expect(await refund('R4', 'R4-a', 1)).toMatchObject({ resultCode: 'FAIL', errCode: 'TRADE_STATE_ERROR' });
  });

  it(`allows at most ${MAX_REFUNDS_PER_TRADE} partial refunds per trade; queryRefund pages them by 10`, async () => {
    await paidTrade('R5');
    for (let i = 1; i <= MAX_REFUNDS_PER_TRADE; i++) expect((await refund('R5', `R5-${i}`, 1)).resultCode).toBe('SUCCESS');
    expect(await refund('R5', 'R5-51', 1)).toMatchObject({ resultCode: 'FAIL', errCode: 'INVALID_REQUEST' });
    expect(await queryRefund({ out_trade_no: 'R5', offset: 40 })).toMatchObject({ totalRefundCount: 50, refundCount: 10, outRefundNoList: Array.from({ length: 10 }, (_, i) => `R5-${41 + i}`) });
  });

  it('a refund closed by WeChat Pay frees its amount and calls back REFUNDCLOSE', async () => {
    await paidTrade('R6');
    await refund('R6', 'R6-a', 9900);
    expect((await w.cloud.control('wxpay/refunds/R6-a', { status: 'REFUNDCLOSE' })).status).toBe(200);
    expect((await w.cloud.deliveries('R6-a'))?.events[0]).toMatchObject({ reqInfo: { refundStatus: 'REFUNDCLOSE' } });
    expect(await refund('R6', 'R6-b', 9900)).toMatchObject({ resultCode: 'SUCCESS' });
  });
});
