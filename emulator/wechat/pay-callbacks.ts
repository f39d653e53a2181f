/**
 * Pay and refund callbacks, delivered to the named function through the local cloud's function
 * host as a call from WeChat Pay (context `TCB_SOURCE: wx_paycallback`, no openid), and delivered
 * again until the function answers `{ errcode: 0 }` (支付结果回调云函数协议: "异常时支付回调会持续
 * 重试最多两天"). The retry gaps follow WeChat Pay v2's notice schedule 15s/15s/30s/3m/10m/20m/30m/
 * 30m/30m/60m/3h/3h/3h/6h/6h, then every 6 h, on the local cloud's clock, for two days.
 * Nothing is delivered by a timer in tests: `deliverDue()` (POST /_emulator/wxpay/deliver) runs
 * what is due now; `npm start` calls it every second.
 */
import type { Store } from '../store';
import type { Reply } from './pay-replies';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
export const RETRY_GAPS_MS = [15 * S, 15 * S, 30 * S, 3 * M, 10 * M, 20 * M, 30 * M, 30 * M, 30 * M, 60 * M, 3 * H, 3 * H, 3 * H, 6 * H, 6 * H];
export const GIVE_UP_AFTER_MS = 48 * H;
const HISTORY_KEPT = 20;

export interface CallbackDoc {
  [k: string]: unknown;
  _id: string;
  kind: 'pay' | 'refund';
  functionName: string;
  /** outTradeNo (pay) or outRefundNo (refund). */
  key: string;
  event: Reply;
  createdAt: number;
  nextAt: number;
  attempts: number;
  status: 'pending' | 'acknowledged' | 'abandoned';
  history: Array<{ at: number; reply: unknown; acknowledged: boolean }>;
}

export interface CallbackHost {
  now(): number;
  /** Calls the function as WeChat Pay does; resolves to its reply, rejects when it throws. */
  invoke(functionName: string, event: Reply, kind: 'pay' | 'refund'): Promise<unknown>;
}

/** The callback is acknowledged only by `{ errcode: 0 }` (a number) — anything else is retried. */
export function isAcknowledged(reply: unknown): boolean {
  return Boolean(reply) && typeof reply === 'object' && (reply as { errcode?: unknown }).errcode === 0;
}

export class PayCallbacks {
  /** Deliveries running now, by callback id (a callback is never delivered twice at once by its schedule). */
  private inFlight = new Map<string, Promise<CallbackDoc>>();

  constructor(
    private store: Store,
    private host: CallbackHost,
  ) {}

  list(): CallbackDoc[] {
    return (this.store.docs('wx_callbacks') as CallbackDoc[]).slice().sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id));
  }

  get(kind: 'pay' | 'refund', key: string): CallbackDoc | undefined {
    return this.store.get('wx_callbacks', `${kind}:${key}`) as CallbackDoc | undefined;
  }

  enqueue(kind: 'pay' | 'refund', functionName: string, key: string, event: Reply): void {
    const now = this.host.now();
    const doc: CallbackDoc = { _id: `${kind}:${key}`, kind, functionName, key, event, createdAt: now, nextAt: now, attempts: 0, status: 'pending', history: [] };
    this.store.put('wx_callbacks', doc._id, doc);
  }

  /** Delivers every pending callback that is due on the local clock (all pending ones if `all`). */
  async deliverDue(all = false): Promise<CallbackDoc[]> {
    const now = this.host.now();
    const due = this.list().filter((c) => c.status === 'pending' && (all || c.nextAt <= now) && !this.inFlight.has(c._id));
    return Promise.all(due.map((c) => this.deliver(c)));
  }

  /**
   * Delivers one pending callback now (or waits for its delivery already running); the callback as
   * it is afterwards, undefined when there is none.
   */
  async deliverNow(kind: 'pay' | 'refund', key: string): Promise<CallbackDoc | undefined> {
    const id = `${kind}:${key}`;
    const running = this.inFlight.get(id);
    if (running) return running;
    const doc = this.get(kind, key);
    return doc && doc.status === 'pending' ? this.deliver(doc) : doc;
  }

  /**
   * Delivers a callback's event again `times` times at once, whatever its status — WeChat Pay's
   * duplicate deliveries ("duplicates happen anyway"). The callback's own schedule is unchanged;
   * the replies are returned and kept in its history.
   */
  async replay(kind: 'pay' | 'refund', key: string, times: number): Promise<unknown[] | undefined> {
    const doc = this.get(kind, key);
    if (!doc) return undefined;
    const replies = await Promise.all(Array.from({ length: times }, () => this.host.invoke(doc.functionName, doc.event, kind).catch((err: unknown) => ({ error: (err as Error).message }))));
    const at = this.host.now();
    const current = this.get(kind, key) ?? doc;
    const history = [...current.history, ...replies.map((reply) => ({ at, reply, acknowledged: isAcknowledged(reply) }))].slice(-HISTORY_KEPT);
    this.store.put('wx_callbacks', doc._id, { ...current, history });
    return replies;
  }

  private deliver(doc: CallbackDoc): Promise<CallbackDoc> {
    const delivery = this.attempt(doc).finally(() => this.inFlight.delete(doc._id));
    this.inFlight.set(doc._id, delivery);
    return delivery;
  }

  private async attempt(doc: CallbackDoc): Promise<CallbackDoc> {
    let reply: unknown;
    try {
      reply = await this.host.invoke(doc.functionName, doc.event, doc.kind);
    } catch (err) {
      reply = { error: (err as Error).message };
    }
    const at = this.host.now();
    const acknowledged = isAcknowledged(reply);
    const attempts = doc.attempts + 1;
    const nextAt = at + RETRY_GAPS_MS[Math.min(attempts - 1, RETRY_GAPS_MS.length - 1)];
    const status = acknowledged ? 'acknowledged' : nextAt - doc.createdAt > GIVE_UP_AFTER_MS ? 'abandoned' : 'pending';
    const next: CallbackDoc = { ...doc, attempts, nextAt, status, history: [...doc.history, { at, reply, acknowledged }].slice(-HISTORY_KEPT) };
    this.store.put('wx_callbacks', doc._id, next);
    return next;
  }
}
