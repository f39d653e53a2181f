/**
 * Shared helpers of the benchmarks: budgets, percentiles, concurrency, result files.
 *
 * A benchmark is a module exporting `run(): Promise<BenchResult>`. `bench/run-one.ts <name>` runs
 * one in a fresh Node process (own local cloud, own port) and writes bench/results/<name>.json;
 * `scripts/bench.mjs` runs them all, prints the summary table and exits non-zero on a miss.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');

export type Op = '<=' | '>=' | '==';

export interface Budget {
  /** Short name shown in the summary table. */
  metric: string;
  value: number | null;
  op: Op;
  limit: number;
  unit: string;
  pass: boolean;
  /** Why the budget exists / what failed. */
  note?: string;
}

export interface BenchResult {
  name: string;
  title: string;
  startedAt: string;
  durationMs: number;
  /** Everything measured (printed and kept in the JSON). */
  figures: Record<string, unknown>;
  budgets: Budget[];
  pass: boolean;
  error?: string;
}

export function budget(metric: string, value: number | null | undefined, op: Op, limit: number, unit = '', note?: string): Budget {
  const v = value === undefined || value === null || Number.isNaN(value) ? null : value;
  const pass = v !== null && (op === '<=' ? v <= limit : op === '>=' ? v >= limit : v === limit);
  return { metric, value: v, op, limit, unit, pass, ...(note ? { note } : {}) };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Time of an async function in ms (hrtime). */
export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await f();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/**
 * Starts all `n` calls at once (bounded: n is fixed by the caller) and returns each result with
 * its latency, plus the wall time of the whole burst.
 */
export async function burst<T>(n: number, f: (i: number) => Promise<T>): Promise<{ wallMs: number; results: Array<{ ms: number; value: T }> }> {
  const t0 = process.hrtime.bigint();
  const results = await Promise.all(Array.from({ length: n }, (_, i) => timed(() => f(i))));
  return { wallMs: Number(process.hrtime.bigint() - t0) / 1e6, results };
}

/** Latency summary of a burst. */
export function latency(wallMs: number, ms: number[]): { calls: number; wallMs: number; throughputPerSec: number; p50Ms: number; p99Ms: number; maxMs: number } {
  return {
    calls: ms.length,
    wallMs: round(wallMs),
    throughputPerSec: round((ms.length / wallMs) * 1000),
    p50Ms: round(percentile(ms, 50)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(Math.max(...ms)),
  };
}

export function writeResult(result: BenchResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${result.name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

export function printBudgets(budgets: Budget[]): void {
  for (const b of budgets) {
    const v = b.value === null ? 'n/a' : `${b.value}${b.unit ? ' ' + b.unit : ''}`;
    console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.metric.padEnd(44)} ${v.padStart(14)}  (budget ${b.op} ${b.limit}${b.unit ? ' ' + b.unit : ''})${b.note && !b.pass ? `  ${b.note}` : ''}`);
  }
}

/**
 * Captures what functions log while a benchmark runs: the SDK's "[TCB][WARN] ... longer than 3s"
 * lines are counted (not printed), and each "[fn.action] request … failed:" error is kept with a
 * short reason (timeouts are told apart from other errors).
 */
export function captureLogs(): { slowWarnings: () => number; failures: () => Array<{ where: string; reason: string }>; stop: () => void } {
  const { log, warn, error } = console;
  let slow = 0;
  const failures: Array<{ where: string; reason: string }> = [];
  const isSlow = (args: unknown[]) => typeof args[0] === 'string' && args[0].startsWith('[TCB][WARN]');
  console.log = (...args: unknown[]) => (isSlow(args) ? void slow++ : log(...args));
  console.warn = (...args: unknown[]) => (isSlow(args) ? void slow++ : warn(...args));
  console.error = (...args: unknown[]) => {
    const head = typeof args[0] === 'string' ? args[0] : '';
    const m = head.match(/^\[([^\]]+)\] request \S+ failed:/);
    if (m) {
      const err = args[1] as { code?: string; message?: string } | undefined;
      const text = `${err?.code ?? ''} ${err?.message ?? String(err)}`.trim();
      const reason = /timeout|timed out|ETIMEDOUT|ESOCKETTIMEDOUT/i.test(text) ? 'SDK request timeout' : text.slice(0, 160);
      failures.push({ where: m[1], reason });
      return;
    }
    error(...args);
  };
  return {
    slowWarnings: () => slow,
    failures: () => failures,
    stop: () => {
      console.log = log;
      console.warn = warn;
      console.error = error;
    },
  };
}

/** `{reason: count}` of captured failures. */
export function tally(items: Array<{ reason: string }>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[i.reason] = (out[i.reason] ?? 0) + 1;
  return out;
}

const burstAgent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** A function's reply as a client sees it: the envelope, or a failure with a code of the client's own. */
export type FunctionReply<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/**
 * POST /functions/<fn> as `openid`, like TestCloud.call, but over node:http without undici's 10 s
 * connect timeout (a 1,000-connection burst on a loaded machine overflows the listen backlog and
 * SYNs are retried by the kernel). Failures that are not the function's answer come back with a
 * code instead of throwing, so one lost request does not abort the benchmark (the invariants are
 * checked on the database anyway): TRANSPORT (connection refused/reset, unreadable reply),
 * CLIENT_TIMEOUT (no reply within `timeoutMs`), PLATFORM (the platform failed the call, e.g. the
 * function timed out: wx.cloud.callFunction's `{errCode, errMsg}`).
 */
export function callFunction<T = Record<string, unknown>>(baseUrl: string, fn: string, event: unknown, openid?: string, timeoutMs?: number): Promise<FunctionReply<T>> {
  const body = JSON.stringify(event);
  return new Promise((resolve) => {
    const req = http.request(
      `${baseUrl}/functions/${fn}`,
      { method: 'POST', agent: burstAgent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(openid ? { 'x-wx-openid': openid } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let reply: unknown;
          try {
            reply = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch (err) {
            return resolve({ ok: false, error: { code: 'TRANSPORT', message: `bad reply (${res.statusCode}): ${String(err)}` } });
          }
          const r = reply as { ok?: unknown; errCode?: unknown; errMsg?: unknown };
          if (typeof r?.ok === 'boolean') return resolve(reply as FunctionReply<T>);
          resolve({ ok: false, error: { code: 'PLATFORM', message: `${String(r?.errCode)} ${String(r?.errMsg)}` } });
        });
        res.on('error', (err) => resolve({ ok: false, error: { code: 'TRANSPORT', message: String(err) } }));
      },
    );
    if (timeoutMs) {
      req.setTimeout(timeoutMs, () => {
        resolve({ ok: false, error: { code: 'CLIENT_TIMEOUT', message: `no reply within ${timeoutMs} ms` } });
        req.destroy();
      });
    }
    req.on('error', (err) => resolve({ ok: false, error: { code: 'TRANSPORT', message: String(err) } }));
    req.end(body);
  });
}
