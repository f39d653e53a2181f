/**
 * Database operations per function call, by function.action — the round-trip budgets of the
 * benchmarks and the closing notes are read from here (GET /_emulator/stats). The other requests a
 * call makes to the platform — WeChat Pay and cloud calls (counted by API name, e.g.
 * `cloudPay.queryOrder`, `wxacode.getUnlimited`), storage (`storage.batchGetDownloadUrl`: one
 * getTempFileURL), calls to other functions — are counted apart as `platform`: they are round
 * trips too, but not database ones.
 */
export interface CallRecord {
  callId: string;
  fn: string;
  action: string;
  /** Database operations by name (`getDocument`, `modifyDocument`, …). */
  ops: Record<string, number>;
  /** Database round trips. */
  total: number;
  /** Other platform requests by name (`cloudPay.queryOrder`, `storage.batchGetDownloadUrl`, …). */
  platform: Record<string, number>;
  platformTotal: number;
  ok?: boolean;
  code?: string;
}

export interface ActionStats {
  calls: number;
  totalOps: number;
  maxOps: number;
  minOps: number;
  avgOps: number;
  byOp: Record<string, number>;
  /** The most platform requests (not database) one call made, and all of them by name. */
  maxPlatform: number;
  byPlatform: Record<string, number>;
}

/** True for a database action of the SDK's wire (`database.getDocument`, …). */
export function isDatabaseAction(action: string): boolean {
  return action.startsWith('database.');
}

const KEEP = 2000;

/** Calls of one function.action running now, and the most that ran at once since the last reset. */
export interface Concurrency {
  running: number;
  peak: number;
}

export class Stats {
  private live = new Map<string, CallRecord>();
  private concurrency = new Map<string, Concurrency>();
  private done: CallRecord[] = [];
  private byAction = new Map<string, ActionStats>();
  private untracked: Record<string, number> = {};

  begin(callId: string, fn: string, action: string): void {
    this.live.set(callId, { callId, fn, action, ops: {}, total: 0, platform: {}, platformTotal: 0 });
    const c = this.concurrency.get(`${fn}.${action}`) ?? { running: 0, peak: 0 };
    c.running++;
    c.peak = Math.max(c.peak, c.running);
    this.concurrency.set(`${fn}.${action}`, c);
  }

  /** "fn.action" of a live call, or undefined when the request was not made inside a call. */
  label(callId: string | undefined): string | undefined {
    const rec = callId ? this.live.get(callId) : undefined;
    return rec ? `${rec.fn}.${rec.action}` : undefined;
  }

  /** One request of a call: a database action (`database.x`), or a platform request named by its API. */
  op(callId: string | undefined, action: string): void {
    const rec = callId ? this.live.get(callId) : undefined;
    const database = isDatabaseAction(action);
    const bucket = !rec ? this.untracked : database ? rec.ops : rec.platform;
    const name = action.replace(/^database\./, '');
    bucket[name] = (bucket[name] ?? 0) + 1;
    if (rec && database) rec.total++;
    else if (rec) rec.platformTotal++;
  }

  end(callId: string, ok: boolean, code?: string): CallRecord | undefined {
    const rec = this.live.get(callId);
    if (!rec) return undefined;
    this.live.delete(callId);
    const c = this.concurrency.get(`${rec.fn}.${rec.action}`);
    if (c) c.running--;
    rec.ok = ok;
    rec.code = code;
    this.done.push(rec);
    // Trimmed in batches: shifting the whole list on every call costs more than the call's own bookkeeping.
    if (this.done.length >= 2 * KEEP) this.done.splice(0, this.done.length - KEEP);
    const key = `${rec.fn}.${rec.action}`;
    const s = this.byAction.get(key) ?? { calls: 0, totalOps: 0, maxOps: 0, minOps: Infinity, avgOps: 0, byOp: {}, maxPlatform: 0, byPlatform: {} };
    s.calls++;
    s.totalOps += rec.total;
    s.maxOps = Math.max(s.maxOps, rec.total);
    s.minOps = Math.min(s.minOps, rec.total);
    s.avgOps = Math.round((s.totalOps / s.calls) * 100) / 100;
    for (const [op, n] of Object.entries(rec.ops)) s.byOp[op] = (s.byOp[op] ?? 0) + n;
    s.maxPlatform = Math.max(s.maxPlatform, rec.platformTotal);
    for (const [op, n] of Object.entries(rec.platform)) s.byPlatform[op] = (s.byPlatform[op] ?? 0) + n;
    this.byAction.set(key, s);
    return rec;
  }

  snapshot(): { byAction: Record<string, ActionStats>; recent: CallRecord[]; untracked: Record<string, number>; concurrency: Record<string, Concurrency> } {
    return {
      byAction: Object.fromEntries(this.byAction),
      recent: this.done.slice(-200),
      untracked: { ...this.untracked },
      concurrency: Object.fromEntries([...this.concurrency].map(([k, c]) => [k, { ...c }])),
    };
  }

  reset(): void {
    this.live.clear();
    this.concurrency.clear();
    this.done = [];
    this.byAction.clear();
    this.untracked = {};
  }
}
