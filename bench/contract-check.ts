/**
 * Benchmark: what checking every reply against its contract (shared/contract, in the platform's
 * handler) costs. For the actions with the largest replies, one run measures the call (in-process
 * host, real SDK, the check included) and then the check alone on that call's reply (`safeEncode`,
 * what the handler runs). Budget: the check is at most 5 % of the call, for every action (a ratio
 * measured in one run, so machine load hits both sides alike). Production calls wait on CloudBase
 * round trips that take longer than the local cloud's, so there the share is smaller still.
 */
import type { TestCloud } from '../emulator/testing';
import { budget, median, round, timed } from './lib';
import { cloudBench } from './run-one';
import { loadMain } from '../tests/support/functions';
import { payOrder } from '../tests/support/pay';
import { HOME } from '../tests/support/commerce';

const CALLS = 15;
const CHECKS = 300;
const MAX_SHARE = 0.05;

type Call = [fn: string, event: Record<string, unknown>, openid: string];

/** Read-only calls with the largest replies (every reply is checked the same way). */
function calls(teamId: string, orderId: string, shareId: string): Call[] {
  return [
    ['shelf', { action: 'view', salesId: 'o_sales_li' }, 'o_cust_1'],
    ['shelf', { action: 'product', productId: 'p01', view: false }, 'o_cust_1'],
    ['shelf', { action: 'catalog' }, 'o_sales_li'],
    ['coupon', { action: 'list' }, 'o_cust_1'],
    ['coupon', { action: 'mine' }, 'o_cust_1'],
    ['order', { action: 'quote', items: [{ productId: 'p03', qty: 2 }] }, 'o_cust_1'],
    ['order', { action: 'list' }, 'o_cust_1'],
    ['order', { action: 'get', orderId }, 'o_cust_1'],
    ['groupbuy', { action: 'get', teamId }, 'o_cust_1'],
    ['sales', { action: 'customer', openid: 'o_cust_1' }, 'o_sales_li'],
    ['sales', { action: 'ledger' }, 'o_sales_li'],
    ['admin', { action: 'dashboard' }, 'o_boss'],
    ['admin', { action: 'shareTree', shareId }, 'o_boss'],
  ];
}

async function arrange(cloud: TestCloud): Promise<{ teamId: string; orderId: string; shareId: string }> {
  const share = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
  await cloud.ok('share', { action: 'open', shareId: share.shareId }, 'o_cust_1');
  for (const templateId of ['ct_flat5', 'ct_man100_15', 'ct_zhe80_cap30']) await cloud.ok('coupon', { action: 'claim', templateId }, 'o_cust_1');
  const order = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 2 }, { productId: 'p07', skuId: 'p07-s1', qty: 1 }], idempotencyKey: 'bench-contract-1' }, 'o_cust_1');
  await payOrder(cloud, order.orderId, 'o_cust_1');
  const team = await cloud.ok<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'bench-contract-2' }, 'o_cust_2');
  await payOrder(cloud, team.orderId, 'o_cust_2');
  return { teamId: team.teamId, orderId: order.orderId, shareId: share.shareId };
}

export const bench = cloudBench('reply contract check: cost against the call', async (cloud, budgets) => {
  const ids = await arrange(cloud);
  const rows: Array<{ action: string; callMs: number; checkUs: number; share: number }> = [];
  for (const [fn, event, openid] of calls(ids.teamId, ids.orderId, ids.shareId)) {
    const action = `${fn}.${String(event.action)}`;
    const reply = loadMain(fn).actions![String(event.action)].reply;
    const times: number[] = [];
    let data: unknown;
    for (let i = 0; i < CALLS; i++) {
      const r = await timed(() => cloud.cloud.functions.invoke(fn, event, { kind: 'client', openid }) as Promise<{ ok: boolean; data?: unknown; error?: unknown }>);
      if (!r.value.ok) throw new Error(`${action} failed: ${JSON.stringify(r.value.error)}`);
      times.push(r.ms);
      data = r.value.data;
    }
    const checks: number[] = [];
    for (let i = 0; i < CHECKS; i++) {
      const t0 = process.hrtime.bigint();
      if (!reply.safeEncode(data).success) throw new Error(`${action}: its reply does not match its contract`);
      checks.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const callMs = median(times);
    const checkMs = median(checks);
    rows.push({ action, callMs: round(callMs, 2), checkUs: round(checkMs * 1000, 1), share: round(checkMs / callMs, 4) });
  }
  console.log('action                 call (median ms)  check (median µs)  share');
  for (const r of rows) console.log(`${r.action.padEnd(22)} ${String(r.callMs).padStart(16)} ${String(r.checkUs).padStart(18)}  ${(r.share * 100).toFixed(2)} %`);
  const worst = rows.reduce((a, b) => (b.share > a.share ? b : a));
  budgets.push(
    budget('reply check / call time, worst action', round(worst.share * 100, 2), '<=', MAX_SHARE * 100, '%', worst.action),
    budget('actions measured', rows.length, '==', calls('', '', '').length),
  );
  return { rows };
});
