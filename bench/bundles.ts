/**
 * Benchmark 3: each function bundled and minified with esbuild (scripts/build-functions.mjs):
 * size ≤ 1 MB and cold `require` ≤ 300 ms (a fresh `node` per function, median of 3), and proof
 * that the slimmed bundles still work: real calls through dist/cloudfunctions on the local cloud.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Invoker } from '../emulator/functions';
import { AS_FUNCTION, startTestCloud } from '../emulator/testing';
import { finishRefunds, payOrder } from '../tests/support/pay';
import { bindByCard } from '../tests/support/share';
import { budget, median, REPO_ROOT, round, type Budget } from './lib';
import type { Bench } from './run-one';
import { HOME } from '../tests/support/commerce';

const DIST = join(REPO_ROOT, 'dist', 'cloudfunctions');
const MAX_BYTES = 1024 * 1024;
const MAX_REQUIRE_MS = 300;
const RUNS = 5;

/**
 * One cold load in a fresh process. The timer starts inside that process, so Node's own start-up
 * is not counted: only loading (read, compile, evaluate) the bundle, which is what a CloudBase
 * cold start adds to the first call. Both wall time and CPU time (user + system) are taken: on
 * this shared 2-core machine the wall time mostly measures the other tenants' load, the CPU time
 * is what the load itself costs.
 */
function coldRequire(file: string): { wallMs: number; cpuMs: number } {
  const script =
    `const c=process.cpuUsage(),t=process.hrtime.bigint();require(${JSON.stringify(file)});` +
    `const w=Number(process.hrtime.bigint()-t)/1e6,u=process.cpuUsage(c);` +
    `process.stdout.write(JSON.stringify({wallMs:w,cpuMs:(u.user+u.system)/1000}))`;
  const out = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH ?? '', TENCENTCLOUD: 'true' }, encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(out.trim()) as { wallMs: number; cpuMs: number };
}

async function smoke(): Promise<{ calls: Array<{ call: string; ok: boolean; code?: string }>; loadedFrom: string[] }> {
  const cloud = await startTestCloud({ functionsDir: DIST });
  const calls: Array<{ call: string; ok: boolean; code?: string }> = [];
  const record = async (label: string, fn: string, event: Record<string, unknown>, caller?: string | Invoker) => {
    const r = await cloud.call<Record<string, unknown>>(fn, event, caller);
    calls.push({ call: label, ok: r.ok, ...(r.ok ? {} : { code: r.error.code }) });
    return r.ok ? r.data : undefined;
  };
  try {
    await record('shelf.view', 'shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1');
    await record('shelf.product', 'shelf', { action: 'product', productId: 'p01' }, 'o_cust_1');
    const claimed = await record('coupon.claim', 'coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1');
    const created = await record(
      'order.create (with coupon)',
      'order',
      { action: 'create', addressId: HOME, items: [{ productId: 'p01', skuId: 'p01-s1', qty: 1 }], couponId: claimed?.couponId, idempotencyKey: 'bundle-smoke-1' },
      'o_cust_1',
    );
    await record('order.pay', 'order', { action: 'pay', orderId: created?.orderId }, 'o_cust_1');
    // The payer pays at the cashier: WeChat Pay's notice reaches the payNotify bundle.
    const paid = await payOrder(cloud, String(created?.orderId), 'o_cust_1', { strict: false });
    calls.push({ call: 'cashier → payNotify bundle (pay notice)', ok: paid.acknowledged });
    // Only staff refund (issue 13).
    await record('order.refund (staff)', 'order', { action: 'refund', orderId: created?.orderId }, 'o_ops');
    const refunded = await finishRefunds(cloud);
    calls.push({ call: 'payNotify bundle (refund notice)', ok: refunded.delivered.some((d) => d.id.startsWith('refund:') && d.acknowledged) });
    const team = await record('order.create (open a team)', 'order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'bundle-smoke-open' }, 'o_cust_2');
    await record('order.create (join a team)', 'order', { action: 'create', addressId: HOME, teamId: team?.teamId, idempotencyKey: 'bundle-smoke-join' }, 'o_cust_3');
    const share = await record('share.create', 'share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    await record('share.open', 'share', { action: 'open', shareId: share?.shareId }, 'o_cust_4');
    await record('sales.customers', 'sales', { action: 'customers' }, 'o_sales_li');
    await record('admin.dashboard', 'admin', { action: 'dashboard' }, 'o_boss');
    // One cheap read per remaining function, each by a caller it serves.
    await record('address.list', 'address', { action: 'list' }, 'o_cust_1');
    await record('cart.get', 'cart', { action: 'get' }, 'o_cust_1');
    await record('me.profile', 'me', { action: 'profile' }, 'o_cust_1');
    await record('aftersale.list', 'aftersale', { action: 'list' }, 'o_cust_1');
    await record('flash.list', 'flash', { action: 'list' }, 'o_cust_1');
    await record('bargain.offer', 'bargain', { action: 'offer', productId: 'p09' }, 'o_cust_1');
    await record('groupbuy.get', 'groupbuy', { action: 'get', teamId: team?.teamId }, 'o_cust_2');
    await record('card.get', 'card', { action: 'get', salesId: 'o_sales_li' }, 'o_cust_4');
    await record('payout.mine', 'payout', { action: 'mine' }, 'o_sales_li');
    await record('training.courses', 'training', { action: 'courses' }, 'o_sales_li');
    await record('team.members', 'team', { action: 'members' }, 'o_boss');
    await record('catalog.list', 'catalog', { action: 'list' }, 'o_ops');
    await record('fulfil.toShip', 'fulfil', { action: 'toShip' }, 'o_ops');
    // A bound customer reading a material queues an alert for their salesperson; alerts.deliver
    // (system only) answers how it ended: sent through the Official Account by the alerts bundle.
    await bindByCard(cloud, 'o_bundle_reader', 'o_sales_li');
    await record('material.get (bound customer)', 'material', { action: 'get', materialId: 'm_case_hangzhou' }, 'o_bundle_reader');
    const queued = (await cloud.db.collection('alerts').where({ customerOpenid: 'o_bundle_reader' }).limit(1).get()) as { data: Array<{ _id: string }> };
    const alert = await record('alerts.deliver (as a function)', 'alerts', { action: 'deliver', alertId: queued.data[0]?._id ?? 'no-alert-queued' }, AS_FUNCTION);
    await record('customer.profile (their salesperson)', 'customer', { action: 'profile', openid: 'o_bundle_reader' }, 'o_sales_li');
    const viaOa = alert?.status === 'sent' && alert.channel === 'oa' && cloud.cloud.wechat.officialAccount.outbox().length > 0;
    calls.push({ call: 'alert sent through wechat-api (Official Account outbox)', ok: viaOa });
    const sweep = (await cloud.runTimer('sweep')) as { ok?: boolean; error?: { code: string } };
    calls.push({ call: 'sweep (timer)', ok: sweep?.ok === true, ...(sweep?.ok ? {} : { code: sweep?.error?.code }) });
    const loadedFrom = Object.keys(require.cache).filter((f) => f.startsWith(DIST)).map((f) => f.slice(REPO_ROOT.length + 1));
    return { calls, loadedFrom };
  } finally {
    await cloud.close();
  }
}

export const bench: Bench = {
  title: 'function bundles: size, cold require, bundles still work',
  async run() {
    const mod = (await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'build-functions.mjs')).href)) as {
      buildFunctions(o: { quiet?: boolean }): Promise<Record<string, number>>;
    };
    const sizes = await mod.buildFunctions({ quiet: true });
    const names = Object.keys(sizes);
    const requireMs: Record<string, number> = {};
    const requireWallMs: Record<string, { min: number; median: number }> = {};
    for (const name of names) {
      const runs = Array.from({ length: RUNS }, () => coldRequire(join(DIST, name, 'index.js')));
      requireMs[name] = round(median(runs.map((r) => r.cpuMs)));
      requireWallMs[name] = { min: round(Math.min(...runs.map((r) => r.wallMs))), median: round(median(runs.map((r) => r.wallMs))) };
    }
    const { calls, loadedFrom } = await smoke();

    console.log(`function      size KB   cold require: CPU ms (median of ${RUNS})   wall ms (min / median)`);
    for (const n of names) {
      console.log(`${n.padEnd(12)} ${(sizes[n] / 1024).toFixed(1).padStart(8)}   ${String(requireMs[n]).padStart(8)}   ${String(requireWallMs[n].min).padStart(18)} / ${requireWallMs[n].median}`);
    }
    console.log('calls through the bundles:');
    for (const c of calls) console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.call}${c.code ? ' ' + c.code : ''}`);

    const budgets: Budget[] = [];
    const biggest = names.reduce((a, b) => (sizes[a] >= sizes[b] ? a : b));
    const slowest = names.reduce((a, b) => (requireMs[a] >= requireMs[b] ? a : b));
    budgets.push(budget(`largest bundle (${biggest})`, round(sizes[biggest] / 1024), '<=', MAX_BYTES / 1024, 'KB', 'every function ≤ 1 MB'));
    budgets.push(budget(`slowest cold require, CPU (${slowest})`, requireMs[slowest], '<=', MAX_REQUIRE_MS, 'ms', 'fresh node per function'));
    const failed = calls.filter((c) => !c.ok);
    budgets.push(budget(`bundled calls failing (smoke, ${calls.length} calls)`, failed.length, '==', 0, '', failed.map((c) => `${c.call} ${c.code}`).join(', ')));
    const notBundled = names.filter((n) => !loadedFrom.some((f) => f.includes(`/${n}/`)));
    budgets.push(budget('functions not served from their bundle', notBundled.length, '==', 0, '', notBundled.join(', ')));
    return {
      figures: { sizesBytes: sizes, totalBytes: names.reduce((s, n) => s + sizes[n], 0), coldRequireCpuMs: requireMs, coldRequireWallMs: requireWallMs, smoke: calls, loadedFrom },
      budgets,
    };
  },
};
