/**
 * Paying in tests and benches, the way a buyer pays in production: `order.pay` answers WeChat
 * Pay's charge (its `outTradeNo` and the `wx.requestPayment` parameters), then the payer acts at
 * the local cloud's cashier — the stand-in for WeChat's pay sheet, `POST /_emulator/cashier
 * {outTradeNo, outcome}` — which answers once WeChat Pay's first callback reached payNotify. The
 * one way tests pay; nothing here reaches a payment path production does not have.
 */
import http from 'node:http';
import { REFUND_SETTLE_MS } from '../../emulator/wechat';
import type { Envelope } from '../../shared/errors';

/** The local cloud to pay on: its base URL, or anything with one (a TestCloud). */
export type PayTarget = string | { url: string };

export type CashierOutcome = 'pay' | 'cancel' | 'fail';

/** order.pay's reply data. */
export interface ChargeReply {
  orderId: string;
  outTradeNo: string;
  payment: Record<string, unknown>;
}

/** The cashier's answer: the trade's state at WeChat Pay and the callbacks it delivered. */
export interface CashierReply {
  outTradeNo?: string;
  tradeState?: string;
  transactionId?: string;
  error?: string;
  callbacks?: Array<{ id: string; acknowledged: boolean; attempts: number; status: string }>;
}

/** order.pay's envelope as a client saw it (a bench's client may name its own transport codes). */
export type ChargeEnvelope = Envelope<ChargeReply> | { ok: false; error: { code: string; message: string } };

export interface PayResult {
  start: ChargeEnvelope;
  /** Undefined when order.pay was refused. */
  cashier?: { status: number; body: CashierReply };
  /** The payer paid at WeChat Pay (the trade is SUCCESS). */
  paid: boolean;
  /** payNotify acknowledged the first delivery (`{errcode: 0}`): the order's move is written. */
  acknowledged: boolean;
}

export interface PayOptions {
  /** What the payer does at the cashier (default `pay`). */
  outcome?: CashierOutcome;
  /** How order.pay is called (default: POST /functions/order as the buyer) — e.g. a client that retries. */
  callPay?: (orderId: string, openid: string) => Promise<ChargeEnvelope>;
  /** Throw unless order.pay answered and the cashier did what was asked (default true). */
  strict?: boolean;
  /** Limit for each HTTP request (default 60 s, a client's limit). */
  timeoutMs?: number;
}

const baseOf = (target: PayTarget) => (typeof target === 'string' ? target : target.url);

/**
 * POST JSON over node:http (no connect timeout of its own: a burst of a thousand payers may wait
 * for the listen backlog); rejects on a transport failure or no reply within `timeoutMs`.
 */
function postJson<T>(url: string, body: unknown, timeoutMs: number, openid?: string): Promise<{ status: number; body: T }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...(openid ? { 'x-wx-openid': openid } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
          } catch (err) {
            reject(new Error(`${url}: unreadable reply (HTTP ${res.statusCode}): ${String(err)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${url}: no reply within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * Pays `orderId` as `openid`: order.pay, then the cashier. Rejects on a transport failure.
 * @example await payOrder(t.cloud, order.orderId, 'o_cust_1') // throws unless paid
 */
export async function payOrder(target: PayTarget, orderId: string, openid: string, options: PayOptions = {}): Promise<PayResult> {
  const { outcome = 'pay', strict = true, timeoutMs = 60_000 } = options;
  const base = baseOf(target);
  const start = options.callPay
    ? await options.callPay(orderId, openid)
    : (await postJson<Envelope<ChargeReply>>(`${base}/functions/order`, { action: 'pay', orderId }, timeoutMs, openid)).body;
  if (!start.ok) {
    if (strict) throw new Error(`order.pay ${orderId} refused: ${start.error.code} ${start.error.message}`);
    return { start, paid: false, acknowledged: false };
  }
  const cashier = await postJson<CashierReply>(`${base}/_emulator/cashier`, { outTradeNo: start.data.outTradeNo, outcome }, timeoutMs);
  const paid = cashier.status === 200 && cashier.body.tradeState === 'SUCCESS';
  const acknowledged = paid && (cashier.body.callbacks ?? []).some((c) => c.id === `pay:${start.data.outTradeNo}` && c.acknowledged);
  if (strict && (cashier.status !== 200 || (outcome === 'pay' && !paid))) throw new Error(`cashier ${outcome} ${start.data.outTradeNo}: HTTP ${cashier.status} ${JSON.stringify(cashier.body)}`);
  return { start, cashier, paid, acknowledged };
}

/**
 * WeChat Pay's deliveries as time passes: refunds due on the local clock settle and callbacks due
 * are delivered (`all`: every pending one now, as if their retry time had come).
 */
export interface Deliveries {
  settledRefunds: number;
  delivered: Array<{ id: string; acknowledged: boolean }>;
}

export async function deliverCallbacks(target: PayTarget, all = false): Promise<Deliveries> {
  return (await postJson<Deliveries>(`${baseOf(target)}/_emulator/wxpay/deliver`, { all }, 60_000)).body;
}

/** Lets WeChat Pay finish the refunds asked so far: the clock passes their settlement, their notices are delivered. */
export async function finishRefunds(cloud: { url: string; advanceClock(ms: number): void }): Promise<Deliveries> {
  cloud.advanceClock(REFUND_SETTLE_MS);
  return deliverCallbacks(cloud);
}

/**
 * WeChat Pay delivering a callback again `times` times at once (its duplicate deliveries); the
 * replies of payNotify, e.g. `{errcode: 0, errmsg: 'OK: duplicate'}`.
 */
export async function replayCallback(target: PayTarget, kind: 'pay' | 'refund', key: string, times = 1): Promise<Array<{ errcode?: number; errmsg?: string }>> {
  const res = await postJson<{ replies?: Array<{ errcode?: number; errmsg?: string }>; error?: string }>(`${baseOf(target)}/_emulator/wxpay/replay`, { kind, key, times }, 60_000);
  if (!res.body.replies) throw new Error(`replay ${kind}:${key}: ${res.body.error ?? res.status}`);
  return res.body.replies;
}
