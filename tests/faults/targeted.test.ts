/**
 * Targeted faults: one chosen database write fails once (matched by function.action, operation and
 * collection), the client retries like the mini-program, the timer runs — then the stored
 * documents must be consistent. Each test reproduces exactly one way the seeded write-fault run
 * breaks, independent of how other writes are ordered. `it.failing` = an open bug (named above it);
 * when fixed, turn it into `it`.
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';
import { DbError } from '../../emulator/store';
import { clientCall, data, payAsBuyer } from './client-calls';
import { all, couponsConserved, ledgerBalanced, moneyBalanced, paidOrdersKept, snapshot, stockConserved, teamsConsistent } from './consistency';
import { giveAddresses, HOME } from '../support/commerce';

const HOUR = 3600_000;

interface Trap {
  label: string;
  op: string;
  collection: string | undefined;
  times: number;
  hit: number;
}

let cloud: TestCloud;
let traps: Trap[] = [];
const initialStock = new Map<string, number>();
const initialCoupons = new Map<string, number>();

beforeEach(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  cloud = await startTestCloud();
  traps = [];
  const db = cloud.cloud.db as unknown as { handle: (action: string, body: Record<string, unknown>, label?: string) => unknown };
  const handle = db.handle.bind(db);
  db.handle = (action, body, label) => {
    const trap = traps.find((t) => t.hit < t.times && t.label === label && `database.${t.op}` === action && t.collection === body.collectionName);
    if (trap) {
      trap.hit++;
      throw new DbError('DATABASE_REQUEST_FAILED', `targeted write failure (${label} ${action} ${String(body.collectionName)})`);
    }
    return handle(action, body, label);
  };
  for (const sku of await all(cloud, 'skus')) initialStock.set(sku._id, Number(sku.stock) + Number(sku.sold ?? 0));
  for (const t of await all(cloud, 'coupon_templates')) initialCoupons.set(t._id, Number(t.stock) + Number(t.issuedCount ?? 0));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await cloud.close();
});

/** Fail the next `times` matching writes. */
function failNext(label: string, op: string, collection: string | undefined, times = 1): Trap {
  const trap = { label, op, collection, times, hit: 0 };
  traps.push(trap);
  return trap;
}

const client = <T>(fn: string, event: Record<string, unknown>, openid: string) => clientCall<T>(cloud, fn, event, openid);
const pay = (orderId: string, openid: string) => payAsBuyer(cloud, orderId, openid);

async function sweeps(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await cloud.runTimer('sweep');
}

// Once `pending_pay → paid` wins, a failed member/team write must be completed by the retry.
it('payNotify: a failed member write after the paid transition is completed on retry — a full, paid duo team succeeds', async () => {
  const open = data(await client<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'tg-duo-open' }, 'o_cust_1'));
  await pay(open.orderId, 'o_cust_1');
  const join = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: open.teamId, idempotencyKey: 'tg-duo-join' }, 'o_cust_2'));
  const trap = failNext('payNotify.pay', 'modifyDocument', 'team_members');
  await pay(join.orderId, 'o_cust_2');
  expect(trap.hit).toBe(1);
  cloud.advanceClock(25 * HOUR);
  await sweeps(2);
  const s = await snapshot(cloud);
  expect(s.teams.find((t) => t._id === open.teamId)?.status).toBe('succeeded');
  expect(teamsConsistent(s)).toEqual([]);
  expect(s.refunds).toEqual([]);
});

// Was a bug (commerce, apply-payment.ts): the payment record insert and the paid transition run in
// parallel; when the insert failed and the transition won, the order was paid with no `payments`
// record. Fixed: a won transition retries its record, and a replay writes a missing one.
it('payNotify: a failed payment-record insert never leaves a paid order without its payment record', async () => {
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', qty: 1 }], idempotencyKey: 'tg-pay-record' }, 'o_cust_1'));
  const trap = failNext('payNotify.pay', 'insertDocument', 'payments');
  await pay(o.orderId, 'o_cust_1');
  expect(trap.hit).toBe(1);
  await sweeps(1);
  const s = await snapshot(cloud);
  expect(paidOrdersKept(s, [])).toEqual([]);
  expect(moneyBalanced(s)).toEqual([]);
});

// The template slot taken for a coupon whose insert failed is given back even when the first undo fails.
it('coupon.claim: a failed coupon insert whose undo also fails leaves issuedCount = coupons issued', async () => {
  failNext('coupon.claim', 'insertDocument', 'coupons');
  const undo = failNext('coupon.claim', 'modifyDocument', 'coupon_templates');
  data(await client('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1'));
  expect(undo.hit).toBe(1);
  await sweeps(1);
  expect(couponsConserved(await snapshot(cloud), initialCoupons)).toEqual([]);
});

// The order insert is the idempotency guard and comes first: when a later step and its undo both
// fail, the retry with the same key must not answer with a half-created order.
it('order.create opening a team: a failed team insert whose order undo also fails never yields a half-created order (stock conserved after release)', async () => {
  failNext('order.create', 'insertDocument', 'teams');
  const undo = failNext('order.create', 'removeDocument', 'orders');
  const r = await client<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'tg-open-half' }, 'o_cust_1');
  expect(undo.hit).toBe(1);
  if (r.ok) {
    const team = (await cloud.db.collection('teams').doc(r.data.teamId).get()) as { data: unknown[] };
    expect(team.data).toHaveLength(1);
  }
  cloud.advanceClock(HOUR);
  await sweeps(2);
  expect(stockConserved(await snapshot(cloud), initialStock)).toEqual([]);
});

// Was a bug (growth hook + payNotify): when the pending ledger insert of onOrderPaid failed, the
// replayed notice answered "duplicate" without running the hook again, so the line had no pending
// entry and a later refund reversed commission never credited. Fixed: WeChat Pay re-delivers a
// notice that was not acknowledged, and payNotify's replay path re-runs the (idempotent) effects.
it('onOrderPaid: a failed pending-ledger insert is made good; a refund never reverses commission that was never credited', async () => {
  const share = data(await client<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li'));
  data(await client('share', { action: 'open', shareId: share.shareId }, 'o_fz_t1'));
  await giveAddresses(cloud, ['o_fz_t1']);
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], shareId: share.shareId, idempotencyKey: 'tg-ledger-0001' }, 'o_fz_t1'));
  const trap = failNext('payNotify.pay', 'insertDocument', 'commission_ledger');
  await pay(o.orderId, 'o_fz_t1');
  expect(trap.hit).toBe(1);
  await sweeps(1);
  expect(ledgerBalanced(await snapshot(cloud))).toEqual([]);
  await client('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  await sweeps(1);
  expect(ledgerBalanced(await snapshot(cloud))).toEqual([]);
});

// Refund resumption: the stock return after a committed refund fails once; the retried refund (or
// the sweep) must still return it exactly once.
it('order.refund: a failed stock return after the refund committed is completed by the retry or the sweep, exactly once', async () => {
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p06', qty: 2 }], idempotencyKey: 'tg-refund-stock' }, 'o_cust_1'));
  await pay(o.orderId, 'o_cust_1');
  const trap = failNext('order.refund', 'modifyDocument', 'skus');
  await client('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  expect(trap.hit).toBe(1);
  await sweeps(2);
  const s = await snapshot(cloud);
  expect(stockConserved(s, initialStock)).toEqual([]);
  expect(moneyBalanced(s)).toEqual([]);
});

// The headline guarantee: a failed refund transaction commit (the only transaction) is retried by
// the client and refunds once.
it('order.refund: a failed refund commit is retried and refunds exactly once', async () => {
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p08', qty: 1 }], idempotencyKey: 'tg-refund-commit' }, 'o_cust_1'));
  await pay(o.orderId, 'o_cust_1');
  const trap = failNext('order.refund', 'commitTransaction', undefined);
  const r = await client<{ refundFen: number }>('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  expect(r.ok).toBe(true);
  expect(trap.hit).toBe(1);
  const s = await snapshot(cloud);
  expect(s.refunds).toHaveLength(1);
  expect(moneyBalanced(s)).toEqual([]);
  expect(stockConserved(s, initialStock)).toEqual([]);
});
