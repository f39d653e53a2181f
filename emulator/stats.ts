/**
 * Database operations per function call, by function.action — the round-trip budgets of the
 * benchmarks and the closing notes are read from here (GET /_emulator/stats).
 */
export interface CallRecord {
  callId: string;
  fn: string;
  action: string;
  ops: Record<string, number>;
  total: number;
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
    this.live.set(callId, { callId, fn, action, ops: {}, total: 0 });
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

  op(callId: string | undefined, action: string): void {
    const rec = callId ? this.live.get(callId) : undefined;
    const bucket = rec ? rec.ops : this.untracked;
    const name = action.replace(/^database\./, '');
    bucket[name] = (bucket[name] ?? 0) + 1;
    if (rec) rec.total++;
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
    const s = this.byAction.get(key) ?? { calls: 0, totalOps: 0, maxOps: 0, minOps: Infinity, avgOps: 0, byOp: {} };
    s.calls++;
    s.totalOps += rec.total;
    s.maxOps = Math.max(s.maxOps, rec.total);
    s.minOps = Math.min(s.minOps, rec.total);
    s.avgOps = Math.round((s.totalOps / s.calls) * 100) / 100;
    for (const [op, n] of Object.entries(rec.ops)) s.byOp[op] = (s.byOp[op] ?? 0) + n;
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
