/**
 * Benchmark: the whole checkout under contention, on `npm start`'s own configuration (issue 9).
 * For 300 and then 1,000 shoppers, a fresh local cloud is started the way `npm start` runs it
 * (`emulator/main.ts` in its own process: data persisted in a new folder, the sweep timer on),
 * a flash sale is arranged (SKU stock 100, coupon stock 50, 1 per user), and every shopper — a
 * new user — does view → claim → create → pay at once (bench/checkout-flow.ts; pay = order.pay,
 * then the local cloud's cashier and WeChat Pay's notice, as in production).
 * Budgets: every call answered by its function (no client timeout, transport failure or platform
 * timeout), every flow ends paid or sold out, exactly 100 orders paid, stock + sold = 100 and
 * 100 sold, at most 50 coupons used and none on two orders, the cloud answers a probe afterwards,
 * and its log stays readable (no line per request). Printed: shoppers finished and orders paid
 * per second, flow latency p50/p95/p99, the slowest single call, and the sequential service
 * time of one flow (shoppers one at a time, on a second sale of the same cloud).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { arrangeFlashSale, checkSale, probe, runShoppers, SALE_COUPONS, SALE_STOCK, sdkDb, settlePayNotices, shop, shopperId, summarize } from './checkout-flow';
import { budget, median, REPO_ROOT, round, type Budget } from './lib';
import type { Bench } from './run-one';
import NODE_FLAGS from '../emulator/node-flags.json'; // the local cloud's Node flags, as npm start runs it

const SCENARIOS = [300, 1000];
const SEQUENTIAL_FLOWS = 10;
/** A readable log: a burst may print a few lines (a timer's report), never one per request. */
const MAX_LOG_LINES = 5;

interface StartedCloud {
  url: string;
  child: ChildProcess;
  /** Lines the cloud printed since `markLog()`. */
  logSince(): string[];
  markLog(): void;
  stop(): Promise<void>;
}

/** Starts emulator/main.ts — what `npm start` runs once the h5 app is built — on a free port and a new data folder. */
async function startCloud(): Promise<StartedCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linkshelf-checkout-'));
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', 'tsx', join(REPO_ROOT, 'emulator', 'main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', LINKSHELF_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let mark = 0;
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(line);
        const m = line.match(/running on the local cloud: (http:\/\/[^/\s]+)\//);
        if (m) resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the local cloud exited (${code}) before it was ready:\n${lines.join('\n')}`)));
  });
  return {
    url,
    child,
    markLog: () => void (mark = lines.length),
    logSince: () => lines.slice(mark),
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function scenario(shoppers: number, budgets: Budget[]) {
  const cloud = await startCloud();
  try {
    const db = sdkDb(cloud.url);
    // One shopper at a time on a sale of its own: the service time of one flow, nothing queued.
    const quiet = await arrangeFlashSale(db, `seq${shoppers}`, SEQUENTIAL_FLOWS);
    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL_FLOWS; i++) sequential.push((await shop(cloud.url, quiet, shopperId(quiet, i))).ms);

    const sale = await arrangeFlashSale(db, `burst${shoppers}`, shoppers);
    cloud.markLog();
    const { wallMs, outcomes } = await runShoppers(cloud.url, sale, shoppers);
    const log = cloud.logSince();
    const figures = { ...summarize(wallMs, outcomes), sequentialFlowMs: round(median(sequential)) };
    const noticesLeft = await settlePayNotices(cloud.url);
  const stored = await checkSale(db, sale);
    const answers = await probe(cloud.url);

    const name = `${shoppers} shoppers`;
    const ends = figures.ends;
    console.log(
      `${name}: ${figures.shoppersPerSec} shoppers/s, ${figures.paidPerSec} paid orders/s, flow p50 ${figures.p50Ms} ms, p95 ${figures.p95Ms} ms, p99 ${figures.p99Ms} ms, slowest call ${figures.slowestCallMs} ms; one flow alone ${figures.sequentialFlowMs} ms`,
    );
    console.log(`  ends ${JSON.stringify(ends)}; calls ${JSON.stringify(figures.calls)}`);
    console.log(`  stored: ${JSON.stringify(stored)}; pay notices still undelivered: ${noticesLeft}; probe answered: ${answers}; cloud log lines during the burst: ${log.length}`);
    for (const line of log.slice(0, 10)) console.log(`    | ${line}`);
    const otherEnds = Object.entries(ends)
      .filter(([k]) => k !== 'paid' && k !== 'sold_out')
      .reduce((s, [, n]) => s + n, 0);
    budgets.push(budget(`${name}: calls not answered by their function`, figures.unanswered, '==', 0, '', 'client timeout, transport or platform timeout'));
    budgets.push(budget(`${name}: flows ending other than paid or sold out`, otherEnds, '==', 0, '', JSON.stringify(ends)));
    budgets.push(budget(`${name}: pay notices not acknowledged after WeChat Pay's retries`, noticesLeft, '==', 0));
    budgets.push(budget(`${name}: orders paid`, stored.paidOrders, '==', SALE_STOCK));
    budgets.push(budget(`${name}: units sold`, stored.sold, '==', SALE_STOCK));
    budgets.push(budget(`${name}: stock + sold`, stored.stock + stored.sold, '==', SALE_STOCK));
    budgets.push(budget(`${name}: coupons used`, stored.couponsUsed, '<=', SALE_COUPONS));
    budgets.push(budget(`${name}: coupons on two orders`, stored.couponsOnTwoOrders, '==', 0));
    budgets.push(budget(`${name}: cloud answers a probe afterwards`, answers ? 1 : 0, '==', 1));
    budgets.push(budget(`${name}: cloud log lines during the burst`, log.length, '<=', MAX_LOG_LINES, '', log.slice(0, 3).join(' / ')));
    return { ...figures, stored, noticesLeft, probeAnswered: answers, logLines: log.length, log: log.slice(0, 20) };
  } finally {
    await cloud.stop();
  }
}

export const bench: Bench = {
  title: 'checkout under contention on npm start: 300 and 1,000 shoppers, stock 100, coupon 50',
  async run() {
    const budgets: Budget[] = [];
    const figures: Record<string, unknown> = {};
    for (const n of SCENARIOS) figures[`shoppers${n}`] = await scenario(n, budgets);
    return { figures, budgets };
  },
};
