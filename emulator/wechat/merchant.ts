/**
 * The WeChat Pay merchant the local cloud's environment is bound to (in CloudBase: 云开发控制台 →
 * 设置 → 微信支付配置, a sub-merchant of the cloudPay service provider), and the id formats of the
 * trades it makes. The values are fixed so that tests and wire samples are stable.
 */
import { randomBytes } from 'node:crypto';
import { LOCAL_APPID } from '../functions';

/** The sub-merchant bound to the local environment (what `CLOUDPAY_SUB_MCH_ID` must name). */
export const LOCAL_SUB_MCH_ID = '1900000109';
/** The cloudPay service provider's appid and merchant (filled in by WeChat, never by the caller). */
export const PROVIDER_APPID = 'wxd2565e6a04246fd1';
export const PROVIDER_MCH_ID = '1800780001';
export { LOCAL_APPID };

const BEIJING_MS = 8 * 3600 * 1000;

/** WeChat Pay v2 time format (`timeEnd`): yyyyMMddHHmmss in Beijing time. */
export function wxPayTime(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().replace(/[-T:]/g, '').slice(0, 14);
}

/** The refund notice's `successTime` format: `yyyy-MM-dd HH:mm:ss` in Beijing time. */
export function wxPayDateTime(ms: number): string {
  return new Date(ms + BEIJING_MS).toISOString().replace('T', ' ').slice(0, 19);
}

function digits(n: number): string {
  let out = '';
  for (const b of randomBytes(n)) out += String(b % 10);
  return out;
}

export function nonce(): string {
  return randomBytes(16).toString('hex');
}

/** `transaction_id`: 28 digits, starting 4200 like WeChat Pay's. */
export function newTransactionId(ms: number): string {
  return `4200000${wxPayTime(ms).slice(0, 8)}${digits(13)}`;
}

/** `refund_id`: 29 digits, starting 503 like WeChat Pay's. */
export function newRefundId(ms: number): string {
  return `50300${wxPayTime(ms).slice(0, 8)}${digits(16)}`;
}

/** `prepay_id`: `wx` + ddHHmmss + 24 hex, like WeChat Pay's. */
export function newPrepayId(ms: number): string {
  return `wx${wxPayTime(ms).slice(6, 14)}${randomBytes(12).toString('hex')}`;
}
