/**
 * The WeChat side of the local cloud: WeChat Pay (cloudPay), cloud calls (wxacode, subscribe
 * messages) and their control plane. Its state lives in its own store (persisted under
 * <data>/_wechat with `npm start`, memory in tests), apart from the database the functions use.
 *
 *   POST /admin  multipart wx.wxPayApi | wx.openApi, JSON wx.api        (the SDK's wire)
 *   GET  /cashier?prepay_id=…&return=…                                    (the local pay sheet)
 *   POST /_emulator/cashier {outTradeNo, outcome: pay|cancel|fail}
 *   POST /_emulator/wxpay/deliver {all?}    settle due refunds, deliver due callbacks
 *   POST /_emulator/wxpay/refunds/<outRefundNo> {status: SUCCESS|CHANGE|REFUNDCLOSE}
 *   POST /_emulator/wxpay/refund-failures {outTradeNos, errCode?}   refunds of these trades refused
 *   POST /_emulator/wxpay/replay {kind: pay|refund, key, times?}    a callback delivered again (duplicates)
 *   GET  /_emulator/wxpay/trades | /wxpay/refunds | /wxpay/callbacks | /_emulator/outbox
 *   GET|POST /cgi-bin/…                      the Official Account's API (official-account.ts)
 *   GET  /_emulator/oa-outbox, POST /_emulator/oa/users {openid, subscribe}
 *   POST /client/subscribe {tmplIds}  (x-wx-openid) the local wx.requestSubscribeMessage: accept
 *   GET  /_emulator/subscriptions      acceptances not yet used
 */
import type http from 'node:http';
import { join } from 'node:path';
import { Persistence } from '../persistence';
import { DbError, Store } from '../store';
import { appPages } from './app-pages';
import { cashierPage, safeReturn } from './cashier-page';
import { LOCAL_SUB_MCH_ID } from './merchant';
import { OfficialAccount } from './official-account';
import { OpenApi } from './open-api';
import { PayCallbacks } from './pay-callbacks';
import { PayLedger } from './pay-ledger';
import { loadTemplates } from './subscribe';
import { readBytes } from '../http-util';
import { readMultipart, sendRaw, sendSdkJson } from './wire';
import { WxPay, type CashierOutcome } from './wxpay';

const COLLECTIONS = ['wx_trades', 'wx_refunds', 'wx_callbacks', 'wx_outbox', 'wx_subscriptions', 'wx_oa_outbox', 'wx_oa_tokens', 'wx_oa_users'];
/** An accepted refund reaches the payer's balance after this long on the local clock. */
export const REFUND_SETTLE_MS = 30_000;

export interface WeChatHost {
  repoRoot: string;
  dataDir?: string;
  envId: string;
  now(): number;
  hasFunction(name: string): boolean;
  /** Invokes a function as a call from WeChat Pay (`TCB_SOURCE: wx_paycallback`, no openid); `kind` labels it in stats. */
  invokeAsPayCallback(name: string, event: unknown, kind: 'pay' | 'refund'): Promise<unknown>;
}

export interface ControlReply {
  status: number;
  body: unknown;
}

export class WeChatSide {
  readonly store: Store;
  readonly pay: WxPay;
  readonly callbacks: PayCallbacks;
  readonly openApi: OpenApi;
  readonly officialAccount: OfficialAccount;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private host: WeChatHost) {
    this.store = new Store(host.dataDir ? new Persistence(join(host.dataDir, '_wechat')) : undefined);
    this.callbacks = new PayCallbacks(this.store, { now: host.now, invoke: (fn, event, kind) => host.invokeAsPayCallback(fn, event, kind) });
    this.pay = new WxPay(new PayLedger(this.store), {
      now: host.now,
      envId: host.envId,
      subMchId: LOCAL_SUB_MCH_ID,
      hasFunction: host.hasFunction,
      notify: (kind, fn, key, event) => this.callbacks.enqueue(kind, fn, key, event),
      refundSettleMs: REFUND_SETTLE_MS,
    });
    const templatesDir = join(host.repoRoot, 'emulator', 'wechat');
    this.openApi = new OpenApi({ now: host.now, pages: () => appPages(host.repoRoot), templates: () => loadTemplates(templatesDir), store: this.store });
    this.officialAccount = new OfficialAccount({ dir: templatesDir, store: this.store, now: host.now });
  }

  async load(): Promise<void> {
    await this.store.load();
    for (const c of COLLECTIONS) this.store.createCollection(c);
  }

  reset(): void {
    this.pay.refundFailures.clear();
    this.store.clear();
    for (const c of COLLECTIONS) this.store.createCollection(c);
  }

  /** `npm start`: settle refunds and deliver callbacks as they fall due (every second). */
  startTicker(intervalMs = 1000): void {
    this.ticker = setInterval(() => void this.deliver(false).catch((e) => console.error('[wechat] deliver', e)), intervalMs);
    this.ticker.unref();
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    await this.store.flush();
  }

  /** Settles due refunds, then delivers due callbacks (`all`: everything pending, due or not). */
  async deliver(all: boolean): Promise<{ settledRefunds: number; delivered: Array<{ id: string; acknowledged: boolean; attempts: number; status: string }> }> {
    const settledRefunds = this.pay.settleDueRefunds(all);
    const done = await this.callbacks.deliverDue(all);
    return { settledRefunds, delivered: done.map((c) => ({ id: c._id, acknowledged: c.status === 'acknowledged', attempts: c.attempts, status: c.status })) };
  }

  /** `wx.api` (JSON): `{data: {responseData}}` — the caller adds the requestId. */
  async adminJson(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const apiName = String(body.apiName ?? '');
    let request: unknown = {};
    if (typeof body.requestData === 'string' && body.requestData !== '') {
      try {
        request = JSON.parse(body.requestData);
      } catch {
        throw new DbError('INVALID_PARAM', 'requestData must be a JSON string');
      }
    }
    const result = await this.openApi.call(apiName, request);
    const responseData = result.kind === 'image' ? result.bytes.toString('base64') : JSON.stringify(result.value);
    return { data: { responseData } };
  }

  /** `wx.wxPayApi` and `wx.openApi` (multipart): raw replies, or SDK JSON errors. */
  async adminMultipart(req: http.IncomingMessage, res: http.ServerResponse, count: (action: string) => void): Promise<void> {
    const call = await readMultipart(req, await readBytes(req));
    count(call.apiName || call.action);
    let request: Record<string, unknown>;
    try {
      const parsed: unknown = call.requestData.length ? JSON.parse(call.requestData.toString('utf8')) : {};
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      request = parsed as Record<string, unknown>;
    } catch {
      return sendSdkJson(res, { code: 'INVALID_PARAM', message: `${call.action} ${call.apiName}: requestData must be the bytes of a JSON object` });
    }
    if (call.action === 'wx.wxPayApi') {
      const reply = this.pay.call(call.apiName, request);
      if (!reply) return sendSdkJson(res, { code: 'INVALID_PARAM', message: `wx.wxPayApi: unknown apiName ${JSON.stringify(call.apiName)}` });
      return sendRaw(res, Buffer.from(JSON.stringify(reply)), 'application/octet-stream');
    }
    if (call.action === 'wx.openApi') {
      const result = await this.openApi.call(call.apiName, request);
      if (result.kind === 'image') return sendRaw(res, result.bytes, result.contentType);
      return sendSdkJson(res, result.value);
    }
    return sendSdkJson(res, { code: 'INVALID_ACTION', message: `the local cloud does not implement ${JSON.stringify(call.action)}` });
  }

  /** `POST /client/subscribe`: the user accepted templates (see OpenApi.accept). */
  acceptSubscriptions(openid: string, body: Record<string, unknown>): ControlReply {
    const r = this.openApi.accept(openid, body.tmplIds);
    return { status: r.ok ? 200 : 400, body: r.body };
  }

  cashierHtml(url: URL): string {
    const prepayId = (url.searchParams.get('prepay_id') ?? url.searchParams.get('package') ?? '').replace(/^prepay_id=/, '');
    const outTradeNo = url.searchParams.get('outTradeNo');
    const trade = outTradeNo ? this.pay.ledger.trade(outTradeNo) : this.pay.ledger.trades().find((t) => t.prepayId === prepayId);
    return cashierPage(trade, safeReturn(url.searchParams.get('return')));
  }

  /** The control plane routes under /_emulator/ that belong to the WeChat side (undefined: not ours). */
  async control(what: string, method: string, body: Record<string, unknown>): Promise<ControlReply | undefined> {
    const post = method === 'POST';
    if (what === 'cashier' && post) return this.cashier(body);
    if (what === 'outbox' && !post) return { status: 200, body: this.openApi.outbox() };
    if (what === 'oa-outbox' && !post) return { status: 200, body: this.officialAccount.outbox() };
    if (what === 'oa/users' && post) {
      if (typeof body.openid !== 'string' || (body.subscribe !== 0 && body.subscribe !== 1)) return { status: 400, body: { error: 'give {openid, subscribe: 0 | 1}' } };
      this.officialAccount.setSubscribe(body.openid, body.subscribe);
      return { status: 200, body: { openid: body.openid, subscribe: body.subscribe } };
    }
    if (what === 'subscriptions' && !post) return { status: 200, body: this.openApi.subscriptions() };
    if (what === 'wxpay/trades' && !post) {
      const trades = this.pay.ledger.trades().map((t) => ({ ...t, refunds: this.pay.ledger.refundsOf(t._id) }));
      return { status: 200, body: trades.sort((a, b) => b.createdAt - a.createdAt) };
    }
    if (what === 'wxpay/refunds' && !post) return { status: 200, body: this.pay.ledger.refunds() };
    if (what === 'wxpay/callbacks' && !post) return { status: 200, body: this.callbacks.list() };
    if (what === 'wxpay/deliver' && post) return { status: 200, body: await this.deliver(body.all === true) };
    if (what.startsWith('wxpay/refunds/') && post) {
      const status = String(body.status ?? 'SUCCESS');
      if (!['SUCCESS', 'CHANGE', 'REFUNDCLOSE'].includes(status)) return { status: 400, body: { error: 'status: SUCCESS | CHANGE | REFUNDCLOSE' } };
      const done = this.pay.settleRefund(decodeURIComponent(what.slice('wxpay/refunds/'.length)), status as 'SUCCESS');
      if (!done) return { status: 409, body: { error: `no refund with that out_refund_no can become ${status} (PROCESSING → any; CHANGE → SUCCESS)` } };
      return { status: 200, body: { refund: done, ...(await this.deliver(false)) } };
    }
    if (what === 'wxpay/refund-failures') {
      if (post) {
        const nos = Array.isArray(body.outTradeNos) ? body.outTradeNos.filter((x): x is string => typeof x === 'string') : undefined;
        if (!nos) return { status: 400, body: { error: 'give {outTradeNos: string[], errCode?: SYSTEMERROR | NOTENOUGH | FREQUENCY_LIMITED} ([] clears)' } };
        try {
          this.pay.failRefunds(nos, typeof body.errCode === 'string' ? body.errCode : undefined);
        } catch (err) {
          return { status: 400, body: { error: (err as Error).message } };
        }
      }
      return { status: 200, body: Object.fromEntries(this.pay.refundFailures) };
    }
    if (what === 'wxpay/replay' && post) {
      const kind = body.kind === 'refund' ? 'refund' : body.kind === 'pay' ? 'pay' : undefined;
      const times = Number(body.times ?? 1);
      if (!kind || typeof body.key !== 'string' || !Number.isInteger(times) || times < 1 || times > 50) return { status: 400, body: { error: 'give {kind: pay | refund, key, times: 1-50}' } };
      const replies = await this.callbacks.replay(kind, body.key, times);
      if (!replies) return { status: 404, body: { error: `no ${kind} callback for ${body.key}` } };
      return { status: 200, body: { replies } };
    }
    return undefined;
  }

  private async cashier(body: Record<string, unknown>): Promise<ControlReply> {
    const outcome = body.outcome as CashierOutcome;
    if (typeof body.outTradeNo !== 'string' || !['pay', 'cancel', 'fail'].includes(outcome)) {
      return { status: 400, body: { error: 'give {outTradeNo, outcome: pay | cancel | fail}' } };
    }
    const { trade, error } = this.pay.cashier(body.outTradeNo, outcome);
    if (error) return { status: error === 'ORDERNOTEXIST' ? 404 : 409, body: { error, tradeState: trade?.state } };
    // The trade's callback is delivered before the cashier answers, so a test (or the page) that
    // sees "paid" also sees its first delivery; a failed delivery is retried on the schedule.
    const callback = outcome === 'pay' ? await this.callbacks.deliverNow('pay', body.outTradeNo) : undefined;
    const callbacks = callback ? [{ id: callback._id, acknowledged: callback.status === 'acknowledged', attempts: callback.attempts, status: callback.status }] : [];
    return { status: 200, body: { outTradeNo: body.outTradeNo, tradeState: trade?.state, transactionId: trade?.transactionId, callbacks } };
  }
}
