/**
 * The two encodings the SDK uses for the WeChat side (read in @cloudbase/node-sdk src/wx/index.ts
 * and src/utils/tcbapirequester.ts):
 * - `wx.api` (callWxOpenApi): JSON `{action, apiName, requestData: <JSON string>}`; the reply is
 *   `{requestId, data: {responseData: <string>}}` and the SDK JSON-parses responseData if it can.
 * - `wx.openApi` (callCompatibleWxOpenApi) and `wx.wxPayApi` (callWxPayApi): multipart/form-data
 *   with `requestData` as a Buffer; the SDK hands back the reply body as a Buffer unless the reply's
 *   content-type is exactly `application/json; charset=utf-8`, in which case it parses it (and
 *   throws when it carries a `code`).
 */
import type http from 'node:http';

/** The content-type for which the SDK parses a raw reply as JSON (an exact string match). */
export const SDK_JSON_TYPE = 'application/json; charset=utf-8';

export interface MultipartCall {
  action: string;
  apiName: string;
  /** requestData as sent (the SDK forwards whatever Buffer or string the caller gave). */
  requestData: Buffer;
  fields: Record<string, string>;
}

export function isMultipart(req: http.IncomingMessage): boolean {
  return String(req.headers['content-type'] ?? '').startsWith('multipart/form-data');
}

/** Parses a multipart SDK request with the runtime's own form-data parser (undici's Response). */
export async function readMultipart(req: http.IncomingMessage, body: Buffer): Promise<MultipartCall> {
  const form = await new Response(body, { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
  const fields: Record<string, string> = {};
  let requestData = Buffer.alloc(0);
  const entries: Array<[string, FormDataEntryValue]> = [];
  form.forEach((value, key) => entries.push([key, value]));
  for (const [key, value] of entries) {
    if (key === 'requestData') {
      requestData = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(await value.arrayBuffer());
    } else if (typeof value === 'string') {
      fields[key] = value;
    }
  }
  return { action: fields.action ?? '', apiName: fields.apiName ?? '', requestData, fields };
}

/** A raw reply the SDK returns to the caller as a Buffer (content-type is not SDK_JSON_TYPE). */
export function sendRaw(res: http.ServerResponse, bytes: Buffer, contentType: string): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': bytes.length });
  res.end(bytes);
}

/** A JSON reply the SDK parses: with a `code` the SDK throws it, without one it returns the object. */
export function sendSdkJson(res: http.ServerResponse, value: unknown): void {
  const text = JSON.stringify(value);
  res.writeHead(200, { 'content-type': SDK_JSON_TYPE, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
