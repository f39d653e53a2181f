/**
 * Targeted "applied, reply lost" faults (issue 11): one chosen database write is APPLIED and its
 * caller gets a gateway timeout instead of the reply — what a real timeout can do. The function's
 * retries, read-backs and undos must then leave the documents as if the write had been answered:
 * no stock returned twice, no seat or payment counted twice, no refund twice. The client retries
 * like the mini-program; the timer runs. (The seeded soak, `bench/soak.ts`, mixes these faults.)
 */
import { startTestCloud, type TestCloud } from '../../emulator/testing';
import { ReplyLost } from '../../emulator/faults';
import { clientCall, data, payAsBuyer } from './client-calls';
import { all, couponsConserved, moneyBalanced, snapshot, stockConserved, teamsConsistent } from './consistency';
import { HOME } from '../support/commerce';

const HOUR = 3600_000;

interface Trap {
  label: string;
  op: string;
  collection: string | undefined;
  hit: number;
}

let cloud: TestCloud;
let traps: Trap[] = [];
const initialStock = new Map<string, number>();
const initialCoupons = new Map<string, number>();

/** Whether a reply says the write changed something (a write that matched nothing is answered). */
function appliedBy(reply: unknown): boolean {
  const updated = (reply as { data?: { updated?: number } } | undefined)?.data?.updated;
  return updated === undefined || updated > 0;
}

beforeEach(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  cloud = await startTestCloud();
  traps = [];
  const db = cloud.cloud.db as unknown as { handle: (action: string, body: Record<string, unknown>, label?: string) => Promise<unknown> };
  const handle = db.handle.bind(db);
  db.handle = async (action, body, label) => {
    const reply = await handle(action, body, label);
    const trap = traps.find((t) => t.hit === 0 && t.label === label && `database.${t.op}` === action && t.collection === body.collectionName);
    if (trap && appliedBy(reply)) {
      trap.hit++;
      throw new ReplyLost();
    }
    return reply;
  };
  for (const sku of await all(cloud, 'skus')) initialStock.set(sku._id, Number(sku.stock) + Number(sku.sold ?? 0));
  for (const t of await all(cloud, 'coupon_templates')) initialCoupons.set(t._id, Number(t.stock) + Number(t.issuedCount ?? 0));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await cloud.close();
});

/** The next applied write matching these has its reply lost. */
function loseNextReply(label: string, op: string, collection: string | undefined): Trap {
  const trap = { label, op, collection, hit: 0 };
  traps.push(trap);
  return trap;
}

const client = <T>(fn: string, event: Record<string, unknown>, openid: string) => clientCall<T>(cloud, fn, event, openid);
const pay = (orderId: string, openid: string) => payAsBuyer(cloud, orderId, openid);

async function sku(id: string): Promise<{ stock: number; sold: number; holds?: string[] }> {
  return (await cloud.db.collection('skus').doc(id).get()).data[0] as { stock: number; sold: number; holds?: string[] };
}

it('order.create: the order insert answered with a timeout is read back as this request’s own — one order, stock taken once', async () => {
  const before = await sku('p05-s1');
  const trap = loseNextReply('order.create', 'insertDocument', 'orders');
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', skuId: 'p05-s1', qty: 2 }], idempotencyKey: 'rl-create-insert' }, 'o_cust_1'));
  expect(trap.hit).toBe(1);
  const s = await snapshot(cloud);
  expect(s.orders.filter((x) => x.buyerOpenid === 'o_cust_1' && x._id === o.orderId)).toHaveLength(1);
  expect((await sku('p05-s1')).stock).toBe(before.stock - 2);
  expect(stockConserved(s, initialStock)).toEqual([]);
});

it('order.create: a stock take answered with a timeout is undone once (its hold) and the retry takes the stock once', async () => {
  const before = await sku('p05-s1');
  const trap = loseNextReply('order.create', 'modifyDocument', 'skus');
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p05', skuId: 'p05-s1', qty: 1 }], idempotencyKey: 'rl-create-stock' }, 'o_cust_1'));
  expect(trap.hit).toBe(1);
  const after = await sku('p05-s1');
  expect(after.stock).toBe(before.stock - 1);
  expect(after.holds).toEqual([`${o.orderId}:L1`]);
  expect(stockConserved(await snapshot(cloud), initialStock)).toEqual([]);
});

it('order.cancel: the release and the stock return both answered with a timeout — the stock comes back exactly once', async () => {
  const before = await sku('p06-s1');
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p06', skuId: 'p06-s1', qty: 2 }], idempotencyKey: 'rl-cancel' }, 'o_cust_1'));
  const move = loseNextReply('order.cancel', 'modifyDocument', 'orders');
  const back = loseNextReply('order.cancel', 'modifyDocument', 'skus');
  const r = await client('order', { action: 'cancel', orderId: o.orderId }, 'o_cust_1');
  expect([move.hit, back.hit]).toEqual([1, 1]);
  expect(r.ok || r.error.code === 'FAILED_PRECONDITION').toBe(true);
  await cloud.runTimer('sweep');
  const after = await sku('p06-s1');
  expect([after.stock, after.holds ?? []]).toEqual([before.stock, []]);
  expect(stockConserved(await snapshot(cloud), initialStock)).toEqual([]);
});

it('order.create joining a team: a seat taken with a timeout is given back once — the team counts each member once', async () => {
  const open = data(await client<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p02_trio', idempotencyKey: 'rl-trio-open' }, 'o_cust_1'));
  const seat = loseNextReply('order.create', 'modifyDocument', 'teams');
  const joined = await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: open.teamId, idempotencyKey: 'rl-trio-join' }, 'o_cust_2');
  expect(seat.hit).toBe(1);
  expect(joined.ok).toBe(true);
  const team = (await cloud.db.collection('teams').doc(open.teamId).get()).data[0] as { seatsTaken: number; seatHolders: string[] };
  expect(team.seatsTaken).toBe(2);
  expect([...team.seatHolders].sort()).toEqual([open.orderId, joined.ok ? joined.data.orderId : ''].sort());
  expect(teamsConsistent(await snapshot(cloud))).toEqual([]);
});

it('order.refund: the refund commit answered with a timeout — the retry answers the same refund; money and stock back once', async () => {
  const o = data(await client<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p08', qty: 1 }], idempotencyKey: 'rl-refund' }, 'o_cust_1'));
  await pay(o.orderId, 'o_cust_1');
  const commit = loseNextReply('order.refund', 'commitTransaction', undefined);
  const r = await client<{ refundId: string }>('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  expect(commit.hit).toBe(1);
  expect(r.ok).toBe(true);
  cloud.advanceClock(HOUR);
  await cloud.runTimer('sweep');
  const s = await snapshot(cloud);
  expect(s.refunds).toHaveLength(1);
  expect(moneyBalanced(s)).toEqual([]);
  expect(stockConserved(s, initialStock)).toEqual([]);
});

it('coupon.claim: the template take answered with a timeout is given back once; a retry claims once', async () => {
  const take = loseNextReply('coupon.claim', 'modifyDocument', 'coupon_templates');
  const r = await client<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_man100_15' }, 'o_cust_1');
  expect(take.hit).toBe(1);
  expect(r.ok).toBe(true);
  const s = await snapshot(cloud);
  expect(couponsConserved(s, initialCoupons)).toEqual([]);
  expect(s.coupons.filter((c) => c.ownerOpenid === 'o_cust_1' && c.templateId === 'ct_man100_15')).toHaveLength(1);
});

it('coupon.claim: a one-per-customer coupon whose insert is answered with a timeout is read back as this claim’s own — one coupon, one unit taken', async () => {
  const insert = loseNextReply('coupon.claim', 'insertDocument', 'coupons');
  const r = await client<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_zhe80_cap30' }, 'o_cust_2');
  expect(insert.hit).toBe(1);
  expect(r.ok).toBe(true);
  const again = await cloud.call('coupon', { action: 'claim', templateId: 'ct_zhe80_cap30' }, 'o_cust_2');
  expect(again).toMatchObject({ ok: false, error: { code: 'LIMIT_REACHED' } });
  const s = await snapshot(cloud);
  expect(couponsConserved(s, initialCoupons)).toEqual([]);
  expect(s.coupons.filter((c) => c.ownerOpenid === 'o_cust_2' && c.templateId === 'ct_zhe80_cap30')).toHaveLength(1);
});
