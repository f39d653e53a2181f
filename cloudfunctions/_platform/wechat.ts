/**
 * WeChat's side of CloudBase through the SDK (the only place that calls it):
 * - `callWxPay(apiName, fields)`: cloudPay through `callWxPayApi` (action `wx.wxPayApi`). The SDK
 *   sends `requestData` as one multipart field, so it must be bytes: the fields go as JSON. It
 *   returns the raw reply — a Buffer — which is parsed here (never `res.result`).
 * - `callOpenApi(apiName, data)`: cloud calls through `callWxOpenApi` (action `wx.api`, JSON).
 * Replies are read as camelCase whatever their spelling: the CloudPay reference pages mix
 * camelCase and snake_case, and a drift there must not silently read as "field missing".
 */
import { getApp } from './sdk';

export type WxReply = Record<string, unknown>;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** `{return_code, refund_status_list}` → `{returnCode, refundStatusList}` (one level; nested objects too). */
export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys);
  if (!value || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [camel(k), camelizeKeys(v)]));
}

/** Reads the SDK's raw reply (a Buffer of JSON, or an object the SDK already parsed). */
export function parseRawReply(apiName: string, raw: unknown): WxReply {
  let value: unknown = raw;
  if (Buffer.isBuffer(raw)) {
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new Error(`${apiName}: the reply is not JSON (${raw.length} bytes)`);
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${apiName}: the reply is not a JSON object`);
  return camelizeKeys(value) as WxReply;
}

/** One cloudPay API call; the reply as an object (SDK errors with a `code` are thrown by the SDK). */
export async function callWxPay(apiName: string, fields: Record<string, unknown>): Promise<WxReply> {
  const raw: unknown = await getApp().callWxPayApi({ apiName, requestData: Buffer.from(JSON.stringify(fields), 'utf8') });
  return parseRawReply(apiName, raw);
}

/** A cloud call (`wx.api`); `result` is WeChat's JSON reply, or a string for binary replies. */
export async function callOpenApi(apiName: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await getApp().callWxOpenApi({ apiName, requestData: data });
  return res.result;
}

/** WeChat's error reply of a cloud call (`{errcode, errmsg}` with errcode ≠ 0). */
export class WxApiError extends Error {
  constructor(
    readonly apiName: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${apiName} failed: ${errcode} ${errmsg}`);
  }
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * The image of a binary cloud call (wxacode): a Buffer, base64 text, or `{buffer}` — checked to
 * be a PNG or JPEG. WeChat's `{errcode, errmsg}` becomes a WxApiError.
 */
export function readImageReply(apiName: string, result: unknown): { bytes: Buffer; contentType: string } {
  if (result && typeof result === 'object' && !Buffer.isBuffer(result)) {
    const r = result as { errcode?: unknown; errmsg?: unknown; buffer?: unknown };
    if (typeof r.errcode === 'number' && r.errcode !== 0) throw new WxApiError(apiName, r.errcode, String(r.errmsg ?? ''));
    if (r.buffer !== undefined) return readImageReply(apiName, r.buffer);
  }
  const bytes = Buffer.isBuffer(result) ? result : typeof result === 'string' ? Buffer.from(result, 'base64') : undefined;
  if (bytes && bytes.subarray(0, 4).equals(PNG)) return { bytes, contentType: 'image/png' };
  if (bytes && bytes.subarray(0, 3).equals(JPEG)) return { bytes, contentType: 'image/jpeg' };
  throw new Error(`${apiName}: the reply is not an image`);
}
