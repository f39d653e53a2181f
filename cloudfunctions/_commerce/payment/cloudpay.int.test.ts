/**
 * The production cloudPay adapter against the local cloud's WeChat Pay (real SDK, raw replies):
 * charge → cashier → callback → verified notice; refund → refund callback → queryRefund;
 * closeOrder outcomes; WeChat Pay's refusals as typed errors; no configuration → no charge.
 */
import { CALLBACK_FN, useWeChatTestCloud } from '../../../emulator/wechat/testing';
import { REFUND_SETTLE_MS } from '../../../emulator/wechat';
import { CloudPayRefusal, cloudPayPort, createCloudPay, readCloudPayConfig } from './cloudpay';

const w = useWeChatTestCloud();

const pay = createCloudPay(() => readCloudPayConfig({ ...process.env, CLOUDPAY_CALLBACK_FN: CALLBACK_FN }));
const port = cloudPayPort(pay);
const cashier = (outTradeNo: string, outcome: string) => w.cloud.control('cashier', { outTradeNo, outcome });

describe('charging', () => {
  it('startCharge answers wx.requestPayment parameters; the paid callback verifies into a notice with the trade number', async () => {
    const start = await port.startCharge({ orderId: 'ord_A1', totalFen: 12800, body: '2人拼团 随行杯', buyerOpenid: 'o_cust_1' });
    expect(start).toEqual({ outTradeNo: 'ord_A1', payment: expect.objectContaining({ package: expect.stringMatching(/^prepay_id=wx/), signType: 'MD5', timeStamp: expect.any(String), nonceStr: expect.any(String), paySign: expect.any(String) }) });
    expect(await pay.queryOrder('ord_A1')).toMatchObject({ state: 'NOTPAY', totalFen: 12800 });
    expect((await cashier('ord_A1', 'pay')).status).toBe(200);

    const event = (await w.cloud.deliveries('ord_A1'))!.events[0];
    const notice = await port.verifyNotice(event);
    expect(notice).toEqual({ orderId: 'ord_A1', tradeNo: expect.stringMatching(/^4200\d{24}$/), totalFen: 12800, provider: 'cloudpay' });
    expect(await pay.queryOrder('ord_A1')).toMatchObject({ state: 'SUCCESS', transactionId: notice!.tradeNo, payerOpenid: 'o_cust_1' });
  });

  it('a callback is not proof: a forged amount, an unpaid trade or a refund event verify to null', async () => {
    await port.startCharge({ orderId: 'ord_A2', totalFen: 500, body: 'x', buyerOpenid: 'o_cust_1' });
    const forged = { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: 'ord_A2', transactionId: '4200000000000000000000000001', totalFee: 500 };
    expect(await port.verifyNotice(forged)).toBeNull(); // unpaid at WeChat Pay
    await cashier('ord_A2', 'pay');
    expect(await port.verifyNotice({ ...forged, totalFee: 1 })).toBeNull();
    expect(await port.verifyNotice({ ...forged, reqInfo: {} })).toBeNull();
    expect(await port.verifyNotice({ ...forged, resultCode: 'FAIL' })).toBeNull();
    expect(await port.verifyNotice(forged)).toMatchObject({ orderId: 'ord_A2', totalFen: 500 });
  });

  it("WeChat Pay's refusals are typed: the same order id for another amount, an order already paid; the port answers FAILED_PRECONDITION for a paid or closed charge", async () => {
    await port.startCharge({ orderId: 'ord_A3', totalFen: 500, body: 'x', buyerOpenid: 'o_cust_1' });
    await expect(port.startCharge({ orderId: 'ord_A3', totalFen: 600, body: 'x', buyerOpenid: 'o_cust_1' })).rejects.toMatchObject({ errCode: 'INVALID_REQUEST' });
    await cashier('ord_A3', 'pay');
    const err = await pay.unifiedOrder({ outTradeNo: 'ord_A3', totalFen: 500, body: 'x', payerOpenid: 'o_cust_1' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CloudPayRefusal);
    expect(err).toMatchObject({ errCode: 'ORDERPAID' });
    await expect(port.startCharge({ orderId: 'ord_A3', totalFen: 500, body: 'x', buyerOpenid: 'o_cust_1' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await pay.unifiedOrder({ outTradeNo: 'ord_A4', totalFen: 500, body: 'x', payerOpenid: 'o_cust_1' });
    await pay.closeOrder('ord_A4');
    await expect(port.startCharge({ orderId: 'ord_A4', totalFen: 500, body: 'x', buyerOpenid: 'o_cust_1' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await expect(pay.unifiedOrder({ outTradeNo: 'x'.repeat(33), totalFen: 1, body: 'x', payerOpenid: 'o' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('closeOrder: closed, then already_closed; a paid trade answers paid; an unknown one not_found', async () => {
    await pay.unifiedOrder({ outTradeNo: 'ord_C1', totalFen: 100, body: 'x', payerOpenid: 'o_cust_1' });
    expect(await pay.closeOrder('ord_C1')).toBe('closed');
    expect(await pay.closeOrder('ord_C1')).toBe('already_closed');
    await pay.unifiedOrder({ outTradeNo: 'ord_C2', totalFen: 100, body: 'x', payerOpenid: 'o_cust_1' });
    await cashier('ord_C2', 'pay');
    expect(await pay.closeOrder('ord_C2')).toBe('paid');
    expect(await pay.closeOrder('ord_C3')).toBe('not_found');
  });

  it('closeCharge (the release gate): a paid charge answers its confirmed notice; an unpaid one is closed', async () => {
    await port.startCharge({ orderId: 'ord_C4', totalFen: 700, body: 'x', buyerOpenid: 'o_cust_1' });
    expect(await port.closeCharge('ord_C4')).toEqual({ outcome: 'closed' });
    expect(await port.closeCharge('ord_C5')).toEqual({ outcome: 'not_found' });
    await port.startCharge({ orderId: 'ord_C6', totalFen: 700, body: 'x', buyerOpenid: 'o_cust_1' });
    await cashier('ord_C6', 'pay');
    const trade = await pay.queryOrder('ord_C6');
    expect(await port.closeCharge('ord_C6')).toEqual({ outcome: 'paid', notice: { orderId: 'ord_C6', tradeNo: trade.transactionId, totalFen: 700, provider: 'cloudpay' } });
  });
});

describe('refunds finish by callback or by queryRefund', () => {
  it('refund is accepted (not done); the refund callback parses and is confirmed by queryRefund (SUCCESS)', async () => {
    await port.startCharge({ orderId: 'ord_R1', totalFen: 9900, body: 'x', buyerOpenid: 'o_cust_1' });
    await cashier('ord_R1', 'pay');
    await port.refund({ orderId: 'ord_R1', refundId: 'rf_R1_1', orderTotalFen: 9900, refundFen: 3300 });
    expect(await port.queryRefund('rf_R1_1')).toMatchObject({ status: 'PROCESSING', refundFen: 3300 });
    // Retried with the same out_refund_no: the same refund, nothing more paid back.
    await port.refund({ orderId: 'ord_R1', refundId: 'rf_R1_1', orderTotalFen: 9900, refundFen: 3300 });
    w.cloud.advanceClock(REFUND_SETTLE_MS);
    await w.cloud.control('wxpay/deliver', {});
    const event = (await w.cloud.deliveries('rf_R1_1'))!.events[0];
    expect(pay.parseRefundCallback(event)).toEqual({ outTradeNo: 'ord_R1', outRefundNo: 'rf_R1_1', refundId: expect.stringMatching(/^503/), refundFen: 3300, status: 'SUCCESS' });
    expect(pay.parsePayCallback(event)).toBeNull();
    expect(await pay.queryRefund('rf_R1_1')).toEqual({ status: 'SUCCESS', refundFen: 3300, providerRefundId: expect.stringMatching(/^503/) });
    expect(await port.readRefundNotice(event)).toEqual({ refundId: 'rf_R1_1', report: { status: 'SUCCESS', refundFen: 3300, providerRefundId: expect.stringMatching(/^503/) } });
    expect(await port.readRefundNotice({ ...event, reqInfo: { ...(event.reqInfo as object), outRefundNo: 'rf_forged' } })).toBeNull();
    expect(await pay.queryRefund('rf_none')).toEqual({ status: 'NOTEXIST' });
    await expect(port.refund({ orderId: 'ord_R1', refundId: 'rf_R1_2', orderTotalFen: 9900, refundFen: 6601 })).rejects.toMatchObject({ errCode: 'INVALID_REQUEST' });
  });
});

describe('a deployment without payment configuration refuses to charge', () => {
  it('readCloudPayConfig names what is missing with FAILED_PRECONDITION', () => {
    expect(() => readCloudPayConfig({})).toThrow(expect.objectContaining({ code: 'FAILED_PRECONDITION' }));
    expect(() => readCloudPayConfig({ CLOUDBASE_ENV_ID: 'prod-1' })).toThrow(/CLOUDPAY_SUB_MCH_ID/);
    expect(readCloudPayConfig({ CLOUDPAY_SUB_MCH_ID: '1900000109', TCB_ENV: 'prod-1' })).toEqual({ subMchId: '1900000109', envId: 'prod-1', callbackFunction: 'payNotify' });
  });

  it('startCharge rejects before any trade exists at WeChat Pay', async () => {
    const unconfigured = cloudPayPort(createCloudPay(() => readCloudPayConfig({ CLOUDBASE_ENV_ID: 'local' })));
    await expect(unconfigured.startCharge({ orderId: 'ord_N1', totalFen: 100, body: 'x', buyerOpenid: 'o_cust_1' })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await expect(unconfigured.refund({ orderId: 'ord_N1', refundId: 'r', orderTotalFen: 100, refundFen: 1 })).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await expect(unconfigured.closeCharge('ord_N1')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect((await w.cloud.control<unknown[]>('wxpay/trades')).body).toEqual([]);
  });
});
