/**
 * CloudBase cloudPay (WeChat Pay through 云调用), on the SDK's real wire: every call goes through
 * `_platform`'s `callWxPay` (`callWxPayApi`, raw reply parsed there). The only payment adapter:
 * locally it runs against the local cloud's WeChat Pay (emulator/wechat), which checks what
 * WeChat Pay checks.
 *
 * Configuration (a deployed function must have it, or it refuses to charge — never fails open):
 *   CLOUDPAY_SUB_MCH_ID   the merchant bound to the environment (required)
 *   CLOUDPAY_ENV_ID       the environment of the callback function (default: the function's env)
 *   CLOUDPAY_CALLBACK_FN  the function WeChat Pay calls back (default `payNotify`)
 * Request field names follow the CloudPay.* reference pages (camelCase for unifiedOrder,
 * WeChat Pay's snake_case for queryOrder, closeOrder, refund, queryRefund).
 */
import { randomBytes } from 'node:crypto';
import { AppError, callWxPay, type WxReply } from '../../_platform';
import { readConfig } from '../../_platform/config';
import type { RefundReport } from '../../../shared/lifecycle';
import type { ChargeClosing, PaymentPort, RefundNotice, RequestPayment } from './port';

export interface CloudPayConfig {
  subMchId: string;
  envId: string;
  callbackFunction: string;
}

/** The payment configuration, or FAILED_PRECONDITION naming what is missing. */
export function readCloudPayConfig(env: NodeJS.ProcessEnv = process.env): CloudPayConfig {
  const subMchId = env.CLOUDPAY_SUB_MCH_ID ?? '';
  // In CloudBase the platform config names the environment by SYMBOL_CURRENT_ENV; its id is in TCB_ENV.
  const platformEnv = readConfig(env).env;
  const envId = env.CLOUDPAY_ENV_ID || env.TCB_ENV || env.SCF_NAMESPACE || (typeof platformEnv === 'string' ? platformEnv : '');
  const missing = [!subMchId && 'CLOUDPAY_SUB_MCH_ID', !envId && 'CLOUDPAY_ENV_ID (or the function environment)'].filter(Boolean);
  if (missing.length > 0) throw new AppError('FAILED_PRECONDITION', `WeChat Pay is not configured: set ${missing.join(' and ')}; no payment can be taken`);
  return { subMchId, envId, callbackFunction: env.CLOUDPAY_CALLBACK_FN || 'payNotify' };
}

/** WeChat Pay refused a request it understood (`resultCode: FAIL`): `errCode` says why (ORDERPAID, …). */
export class CloudPayRefusal extends Error {
  constructor(
    readonly apiName: string,
    readonly errCode: string,
    readonly errCodeDes: string,
  ) {
    super(`${apiName} refused: ${errCode} ${errCodeDes}`);
  }
}

export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR' | 'REFUND' | 'REVOKED' | 'USERPAYING';

export interface TradeView {
  outTradeNo: string;
  state: TradeState | 'NOTEXIST';
  transactionId?: string;
  totalFen?: number;
  payerOpenid?: string;
}

/** A pay callback as the function receives it (shape only: confirm with queryOrder). */
export interface PayCallback {
  outTradeNo: string;
  transactionId: string;
  totalFen: number;
  subMchId: string;
}

/** A refund callback (reqInfo, decrypted by the platform; shape only: confirm with queryRefund). */
export interface RefundCallback {
  outTradeNo: string;
  outRefundNo: string;
  refundId: string;
  refundFen: number;
  status: RefundReport['status'];
}

const OUT_NO = /^[0-9A-Za-z_\-|*@]+$/;
const PAYMENT_FIELDS = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'];
const REFUND_STATUSES = ['PROCESSING', 'SUCCESS', 'CHANGE', 'REFUNDCLOSE'];
const nonce = () => randomBytes(16).toString('hex');
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : Number.isInteger(Number(v)) && v !== '' && v !== null ? Number(v) : NaN);

function checkOutNo(name: string, value: string, max: number): void {
  if (!OUT_NO.test(value) || value.length > max) throw new AppError('INVALID_ARGUMENT', `${name} must be 1-${max} characters of [0-9A-Za-z_-|*@], got ${JSON.stringify(value)}`);
}

/** A reply WeChat Pay did not accept (`returnCode: FAIL`) is an error; `resultCode: FAIL` a refusal. */
function accepted(apiName: string, reply: WxReply): WxReply {
  if (reply.returnCode !== 'SUCCESS') throw new Error(`${apiName} not accepted: ${str(reply.returnMsg) || 'no returnMsg'}`);
  if (reply.resultCode !== 'SUCCESS') throw new CloudPayRefusal(apiName, str(reply.errCode), str(reply.errCodeDes));
  return reply;
}

/** The cloudPay calls, bound to a configuration source (read at each call: deploy config can change). */
export function createCloudPay(config: () => CloudPayConfig = () => readCloudPayConfig()) {
  /** One call with the merchant's fields; the reply WeChat Pay accepted (a refusal throws CloudPayRefusal). */
  const call = async (apiName: string, fields: Record<string, unknown>): Promise<WxReply> => accepted(apiName, await callWxPay(apiName, fields));
  /** The fields every snake_case call carries, plus the callback for the calls that have one. */
  const merchant = (withCallback = false) => {
    const c = config();
    return { sub_mch_id: c.subMchId, nonce_str: nonce(), ...(withCallback ? { functionName: c.callbackFunction, envId: c.envId } : {}) };
  };
  /** A query; undefined when WeChat Pay answers that the trade or refund does not exist. */
  const query = async (apiName: string, key: Record<string, string>, notFound: string): Promise<WxReply | undefined> => {
    try {
      return await call(apiName, { ...merchant(), ...key });
    } catch (err) {
      if (err instanceof CloudPayRefusal && err.errCode === notFound) return undefined;
      throw err;
    }
  };
  return {
    /** Creates the WeChat Pay trade; `payment` goes to wx.requestPayment. Same request again → same prepay. */
    async unifiedOrder(req: { outTradeNo: string; totalFen: number; body: string; payerOpenid: string; attach?: string }): Promise<{ prepayId: string; payment: RequestPayment }> {
      const c = config();
      checkOutNo('outTradeNo', req.outTradeNo, 32);
      if (!Number.isInteger(req.totalFen) || req.totalFen <= 0) throw new AppError('INVALID_ARGUMENT', `totalFen must be a positive integer, got ${req.totalFen}`);
      const reply = await call('cloudPay.unifiedOrder', {
        functionName: c.callbackFunction,
        envId: c.envId,
        subMchId: c.subMchId,
        nonceStr: nonce(),
        body: [...req.body].slice(0, 128).join(''),
        outTradeNo: req.outTradeNo,
        totalFee: req.totalFen,
        spbillCreateIp: '127.0.0.1',
        tradeType: 'JSAPI',
        subOpenid: req.payerOpenid,
        ...(req.attach !== undefined ? { attach: req.attach } : {}),
      });
      const payment = reply.payment as Record<string, unknown> | undefined;
      const missing = PAYMENT_FIELDS.filter((f) => typeof payment?.[f] !== 'string');
      if (!payment || missing.length > 0) throw new Error(`cloudPay.unifiedOrder: the reply's payment lacks ${missing.join(', ')}`);
      return { prepayId: str(reply.prepayId), payment: payment as RequestPayment };
    },

    async queryOrder(outTradeNo: string): Promise<TradeView> {
      const r = await query('cloudPay.queryOrder', { out_trade_no: outTradeNo }, 'ORDERNOTEXIST');
      if (!r) return { outTradeNo, state: 'NOTEXIST' };
      return {
        outTradeNo,
        state: str(r.tradeState) as TradeState,
        ...(r.transactionId ? { transactionId: str(r.transactionId) } : {}),
        ...(r.totalFee !== undefined ? { totalFen: int(r.totalFee) } : {}),
        ...(r.subOpenid ? { payerOpenid: str(r.subOpenid) } : {}),
      };
    },

    /** Closes an unpaid trade. `paid` means the money came in after all: do not release the order. */
    async closeOrder(outTradeNo: string): Promise<'closed' | 'already_closed' | 'paid' | 'not_found'> {
      try {
        await call('cloudPay.closeOrder', { ...merchant(), out_trade_no: outTradeNo });
        return 'closed';
      } catch (err) {
        if (!(err instanceof CloudPayRefusal)) throw err;
        if (err.errCode === 'ORDERCLOSED') return 'already_closed';
        if (err.errCode === 'ORDERPAID') return 'paid';
        if (err.errCode === 'ORDERNOTEXIST') return 'not_found';
        throw err;
      }
    },

    /** Asks for a refund. Accepted is not done: the end comes by refund callback or queryRefund. */
    async refund(req: { outTradeNo: string; outRefundNo: string; totalFen: number; refundFen: number }): Promise<{ refundId: string }> {
      checkOutNo('outTradeNo', req.outTradeNo, 32);
      checkOutNo('outRefundNo', req.outRefundNo, 64);
      const fields = { out_trade_no: req.outTradeNo, out_refund_no: req.outRefundNo, total_fee: req.totalFen, refund_fee: req.refundFen };
      const reply = await call('cloudPay.refund', { ...merchant(true), ...fields });
      return { refundId: str(reply.refundId) };
    },

    /** What WeChat Pay says of one refund now (NOTEXIST when it never got it). */
    async queryRefund(outRefundNo: string): Promise<RefundReport> {
      const r = await query('cloudPay.queryRefund', { out_refund_no: outRefundNo }, 'REFUNDNOTEXIST');
      if (!r) return { status: 'NOTEXIST' };
      const numbers = Array.isArray(r.outRefundNoList) ? (r.outRefundNoList as unknown[]) : [];
      const i = numbers.indexOf(outRefundNo);
      if (i < 0) throw new Error(`cloudPay.queryRefund: ${outRefundNo} is not in the reply`);
      const at = (list: unknown) => (Array.isArray(list) ? list[i] : undefined);
      const status = str(at(r.refundStatusList));
      if (!REFUND_STATUSES.includes(status)) throw new Error(`cloudPay.queryRefund: unknown refund status ${JSON.stringify(status)}`);
      return { status: status as RefundReport['status'], providerRefundId: str(at(r.refundIdList)), refundFen: int(at(r.refundFeeList)) };
    },

    /** Reads a pay callback event; null when it is not one (the caller confirms it with queryOrder). */
    parsePayCallback(event: Record<string, unknown>): PayCallback | null {
      if (event.returnCode !== 'SUCCESS' || event.resultCode !== 'SUCCESS' || event.reqInfo !== undefined) return null;
      const cb = { outTradeNo: str(event.outTradeNo), transactionId: str(event.transactionId), totalFen: int(event.totalFee), subMchId: str(event.subMchId) };
      return cb.outTradeNo && cb.transactionId && Number.isInteger(cb.totalFen) ? cb : null;
    },

    /** Reads a refund callback event (`reqInfo`); null when it is not one. */
    parseRefundCallback(event: Record<string, unknown>): RefundCallback | null {
      const info = event.reqInfo;
      if (event.returnCode !== 'SUCCESS' || !info || typeof info !== 'object') return null;
      const r = info as Record<string, unknown>;
      const cb = { outTradeNo: str(r.outTradeNo), outRefundNo: str(r.outRefundNo), refundId: str(r.refundId), refundFen: int(r.refundFee), status: str(r.refundStatus) as RefundCallback['status'] };
      return cb.outTradeNo && cb.outRefundNo && Number.isInteger(cb.refundFen) && REFUND_STATUSES.includes(cb.status) ? cb : null;
    },
  };
}

export type CloudPay = ReturnType<typeof createCloudPay>;

/** The payment port over cloudPay. The order id is the out_trade_no; a refund's id its out_refund_no. */
export function cloudPayPort(pay: CloudPay = createCloudPay()): PaymentPort {
  const port: PaymentPort = {
    name: 'cloudpay',
    async startCharge(req) {
      try {
        const { payment } = await pay.unifiedOrder({ outTradeNo: req.orderId, totalFen: req.totalFen, body: req.body, payerOpenid: req.buyerOpenid });
        return { outTradeNo: req.orderId, payment };
      } catch (err) {
        // Paid (its notice is on its way) or closed (the order is being released): nothing to pay now.
        if (err instanceof CloudPayRefusal && (err.errCode === 'ORDERPAID' || err.errCode === 'ORDERCLOSED')) {
          throw new AppError('FAILED_PRECONDITION', err.errCode === 'ORDERPAID' ? 'this order is already paid' : 'this order can no longer be paid');
        }
        throw err;
      }
    },
    async verifyNotice(event) {
      // A callback alone proves nothing: the trade must be SUCCESS for the same amount at WeChat Pay.
      const cb = pay.parsePayCallback(event);
      if (!cb) return null;
      const trade = await pay.queryOrder(cb.outTradeNo);
      if ((trade.state !== 'SUCCESS' && trade.state !== 'REFUND') || trade.totalFen !== cb.totalFen) return null;
      return { orderId: cb.outTradeNo, tradeNo: trade.transactionId ?? cb.transactionId, totalFen: cb.totalFen, provider: port.name };
    },
    async closeCharge(orderId): Promise<ChargeClosing> {
      const outcome = await pay.closeOrder(orderId);
      if (outcome !== 'paid') return { outcome };
      const trade = await pay.queryOrder(orderId);
      if (!trade.transactionId || trade.totalFen === undefined) throw new Error(`cloudPay: ${orderId} is paid but queryOrder names no transaction`);
      return { outcome: 'paid', notice: { orderId, tradeNo: trade.transactionId, totalFen: trade.totalFen, provider: port.name } };
    },
    async refund(req) {
      await pay.refund({ outTradeNo: req.orderId, outRefundNo: req.refundId, totalFen: req.orderTotalFen, refundFen: req.refundFen });
    },
    queryRefund: (refundId) => pay.queryRefund(refundId),
    async readRefundNotice(event): Promise<RefundNotice | null> {
      // As for payments, the notice is confirmed with WeChat Pay: its own report is what counts.
      const cb = pay.parseRefundCallback(event);
      if (!cb) return null;
      const report = await pay.queryRefund(cb.outRefundNo);
      return report.status === 'NOTEXIST' ? null : { refundId: cb.outRefundNo, report };
    },
  };
  return port;
}

/** The adapter the functions use. */
export const cloudPayPayment: PaymentPort = cloudPayPort();
