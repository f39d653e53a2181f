/**
 * The request fields of each cloudPay API. The CloudPay.* reference pages name them differently:
 * unifiedOrder in camelCase (`subMchId`, `outTradeNo`, `totalFee`), queryOrder / closeOrder /
 * refund / queryRefund in WeChat Pay's snake_case (`sub_mch_id`, `out_trade_no`, `total_fee`), and
 * code in the wild passes either to either. So both spellings are accepted and read as camelCase.
 */
import { z } from 'zod';

const snakeToCamel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Reads `{sub_mch_id: 'x', outTradeNo: 'y'}` as `{subMchId: 'x', outTradeNo: 'y'}`. */
export function camelFields(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) if (k.includes('_')) out[snakeToCamel(k)] = v;
  for (const [k, v] of Object.entries(raw)) if (!k.includes('_')) out[k] = v;
  return out;
}

// 商户订单号: 32 characters at most, digits, letters and _-|*@ (WeChat Pay v2 统一下单).
const outTradeNo = z.string().regex(/^[0-9A-Za-z_\-|*@]{1,32}$/, 'outTradeNo: 1-32 characters of [0-9A-Za-z_-|*@]');
const outRefundNo = z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/, 'outRefundNo: 1-64 characters of [0-9A-Za-z_-|*@]');
const fen = (name: string) => z.number({ error: `${name} must be an integer number of fen` }).int(`${name} must be an integer number of fen`).positive(`${name} must be > 0`);
const nonceStr = z.string().min(1).max(32);
const subMchId = z.string().min(1).max(32);

export const unifiedOrderFields = z.object({
  functionName: z.string().min(1),
  envId: z.string().min(1),
  subMchId,
  nonceStr,
  body: z.string().min(1).max(128),
  outTradeNo,
  totalFee: fen('totalFee'),
  spbillCreateIp: z.string().min(1).max(64),
  tradeType: z.enum(['JSAPI']).default('JSAPI'),
  openid: z.string().min(1).optional(),
  subOpenid: z.string().min(1).optional(),
  attach: z.string().max(127).optional(),
  feeType: z.literal('CNY').default('CNY'),
  timeExpire: z.string().regex(/^\d{14}$/).optional(),
});

/** The order a query or refund names: by the merchant's number or WeChat Pay's (one is required). */
const orderRef = { subMchId, nonceStr, outTradeNo: outTradeNo.optional(), transactionId: z.string().min(1).max(32).optional() };

export const queryOrderFields = z
  .object(orderRef)
  .refine((f) => f.outTradeNo || f.transactionId, 'transaction_id or out_trade_no is required');

export const closeOrderFields = z.object({ subMchId, nonceStr, outTradeNo });

export const refundFields = z
  .object({
    ...orderRef,
    outRefundNo,
    totalFee: fen('total_fee'),
    refundFee: fen('refund_fee'),
    refundDesc: z.string().max(80).optional(),
    functionName: z.string().min(1).optional(),
    envId: z.string().min(1).optional(),
  })
  .refine((f) => f.outTradeNo || f.transactionId, 'transaction_id or out_trade_no is required');

export const queryRefundFields = z
  .object({
    ...orderRef,
    outRefundNo: outRefundNo.optional(),
    refundId: z.string().min(1).max(32).optional(),
    offset: z.number().int().nonnegative().optional(),
  })
  .refine((f) => f.outTradeNo || f.transactionId || f.outRefundNo || f.refundId, 'one of refund_id, out_refund_no, transaction_id, out_trade_no is required');

/** The first problem of a failed parse, as WeChat Pay's `return_msg` names it. */
export function firstProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.map(String).join('.');
  return path && !issue.message.startsWith(path) ? `${path}: ${issue.message}` : issue.message;
}
