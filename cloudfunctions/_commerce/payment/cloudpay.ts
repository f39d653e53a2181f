import { getApp } from '../../_platform';
import type { ChargeRequest, ChargeStart, PaidNotice, PaymentPort, RefundOutcome, RefundRequest } from './port';

/**
 * CloudBase cloudPay (WeChat Pay through 云调用). Not exercisable locally: the local cloud has no
 * WeChat Pay; this adapter type-checks and follows ../shared/platform.md.
 * Configuration: CLOUDPAY_SUB_MCH_ID (merchant), CLOUDPAY_ENV_ID (defaults to the function's env),
 * CLOUDPAY_CALLBACK_FN (defaults to `payNotify`).
 */
interface CloudPayConfig {
  subMchId: string;
  envId: string;
  callbackFunction: string;
}

function readCloudPayConfig(env: NodeJS.ProcessEnv = process.env): CloudPayConfig {
  return {
    subMchId: env.CLOUDPAY_SUB_MCH_ID ?? '',
    envId: env.CLOUDPAY_ENV_ID ?? env.TCB_ENV ?? env.SCF_NAMESPACE ?? '',
    callbackFunction: env.CLOUDPAY_CALLBACK_FN ?? 'payNotify',
  };
}

async function callPay(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = (await getApp().callWxPayApi({ apiName, requestData })) as { result?: Record<string, unknown>; code?: string; message?: string };
  if (res.code) throw new Error(`${apiName} failed: ${res.code} ${res.message ?? ''}`);
  return res.result ?? {};
}

function nonce(): string {
  return Math.random().toString(36).slice(2, 18);
}

export const cloudPayPayment: PaymentPort = {
  name: 'cloudpay',
  async startCharge(req: ChargeRequest): Promise<ChargeStart> {
    const c = readCloudPayConfig();
    const result = await callPay('cloudPay.unifiedOrder', {
      functionName: c.callbackFunction,
      envId: c.envId,
      subMchId: c.subMchId,
      outTradeNo: req.orderId.slice(0, 32),
      totalFee: req.totalFen,
      body: req.body.slice(0, 128),
      nonceStr: nonce(),
      spbillCreateIp: '127.0.0.1',
    });
    const payment = (result.payment ?? {}) as Record<string, unknown>;
    return { mode: 'cloudpay', payment };
  },
  async verifyNotice(event: Record<string, unknown>): Promise<PaidNotice | null> {
    // The callback reaches payNotify only from WeChat Pay (a server-side call: no caller openid).
    // Client success is no proof, and neither is a callback alone: confirm with queryOrder.
    if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS') return null;
    const outTradeNo = String(event.outTradeNo ?? '');
    const c = readCloudPayConfig();
    const q = await callPay('cloudPay.queryOrder', { subMchId: c.subMchId, outTradeNo, nonceStr: nonce() });
    if (q.tradeState !== 'SUCCESS') return null;
    return {
      orderId: outTradeNo,
      tradeNo: String(q.transactionId ?? event.transactionId ?? ''),
      totalFen: Number(q.totalFee ?? event.totalFee),
      provider: 'cloudpay',
    };
  },
  async refund(req: RefundRequest): Promise<RefundOutcome> {
    const c = readCloudPayConfig();
    await callPay('cloudPay.refund', {
      functionName: c.callbackFunction,
      envId: c.envId,
      subMchId: c.subMchId,
      outTradeNo: req.orderId.slice(0, 32),
      outRefundNo: req.refundId.slice(0, 32),
      totalFee: req.orderTotalFen,
      refundFee: req.refundFen,
      nonceStr: nonce(),
    });
    // Accepted is not done: the final state arrives by the refund callback or queryRefund.
    return { done: false };
  },
};
