/**
 * Fault-injection soak (issue 5 "Fault injection", the longer run; a fixed-seed short one is in
 * `npm test`). A seeded mixed commerce + growth workload — coupon claims, orders with and without
 * coupons, payments through WeChat Pay (order.pay, the cashier, the notice to payNotify, retried
 * by WeChat Pay as the clock moves), cancels, refunds finished by WeChat Pay's refund notices,
 * group deals, shares, sweeps, fulfilment (ops ship, buyers confirm receipt, ask to refund a shipped
 * line or return one, ops review some, returns come back, other requests stay open), the clock moving — runs in
 * concurrent batches while the local cloud fails 10% of transaction commits (plus 5% retryable
 * conflicts and reply delays). Then faults stop, the clock passes every TTL, settlement,
 * auto-receipt and the after-sale window, the sweep runs, and the invariants must hold:
 *   stock conserved (per SKU: stock + sold = initial; initial − stock = quantity held by order
 *   lines to ship, shipped or refunded in transit: stock never returned for goods that were not),
 *   coupons conserved (per template: stock + issuedCount = initial; issuedCount = coupons issued;
 *   a locked/used coupon belongs to a live order), no paid order lost (every payment record's order
 *   carries it; every successful pay left a paid or refunded order), no double refund (refund
 *   records = refunded amounts ≤ paid, per order and in total), commission ledger balanced (per
 *   line 0 ≤ reversed ≤ accrued; fully refunded lines fully reversed; unrefunded lines not;
 *   never settleable for an order with an after-sale request open).
 * A second budgeted phase runs the same workload while 10% of writes and commits are APPLIED and
 * their reply lost (the caller gets an error for a write that happened, as after a timeout;
 * issue 11): every invariant must still hold. A third, informational phase adds 3% failing single
 * writes (the documented crash windows of docs/commerce.md): its invariant breaks are reported, not
 * budgeted.
 */
import { startTestCloud, type TestCloud, AS_FUNCTION } from '../emulator/testing';
import type { FaultConfig } from '../emulator/faults';
import { seededRandom } from '../emulator/seeded-random';
import { giveAddresses, HOME, outcomes } from '../tests/support/commerce';
import { deliverCallbacks, payOrder } from '../tests/support/pay';
import { budget, captureLogs, round, tally, type Budget } from './lib';
import type { Bench } from './run-one';

type Doc = Record<string, unknown> & { _id: string };
type Env<T = Record<string, unknown>> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

const QUICK = process.env.BENCH_QUICK === '1';
// Only the refund paths commit transactions (about one step in twenty): 80 rounds give the 10 %
// commit failures enough commits to fire (at 40 a run could see none and prove nothing).
const ROUNDS = QUICK ? 12 : 80;
const BATCH = 12;
const CUSTOMERS = 40;
const SKUS = ['p03-s1', 'p04-s1', 'p12-s1', 'p05-s1'];
const TEMPLATES = ['ct_man100_15', 'ct_zhe80_cap30', 'ct_flat5'];
const DEALS = ['gd_p01_duo', 'gd_p02_trio'];
/** Orders whose lines may hold stock (all but those released unpaid); a line holds while to ship, shipped or refunded in transit. */
const RELEASED_UNPAID = ['cancelled', 'closed'];
const HOLDING_LINES = ['open', 'shipped', 'refunded_shipped'];
/** Paid orders keeping money (their coupon used). */
const KEPT = ['paid', 'to_ship', 'shipped', 'received', 'completed'];
const PAID_FAMILY = [...KEPT, 'refunded'];

async function all(cloud: TestCloud, collection: string, where: Record<string, unknown> = {}): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await cloud.db.collection(collection).where(where).skip(skip).limit(1000).get()) as { data: Doc[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

interface World {
  pending: Array<[string, string]>; // [openid, order id] of unpaid orders
  paid: Array<[string, string]>; // [openid, order id] of paid normal orders
  coupons: Map<string, string[]>; // openid → unused coupon ids
  teams: string[];
  shares: string[];
  paidOk: Set<string>; // orders whose payer was charged at WeChat Pay (the cashier answered SUCCESS)
  shipped: Array<[string, string]>; // [openid, order id] shipped by ops, not yet confirmed by the buyer
  received: Array<[string, string]>; // [openid, order id] the buyer confirmed
  requests: Array<[string, string, string]>; // [openid, request id, kind] after-sale requests asked, not yet reviewed
  returns: Array<[string, string]>; // [openid, request id] returns approved, the parcel not yet sent back
}

async function workload(cloud: TestCloud, seed: number, customers: string[], rounds: number): Promise<{ calls: Record<string, Record<string, number>>; world: World }> {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  const take = (m: Map<string, string[]>, k: string): string | undefined => {
    const xs = m.get(k) ?? [];
    if (!xs.length) return undefined;
    const i = Math.floor(rnd() * xs.length);
    return xs.splice(i, 1)[0];
  };
  const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);
  const takeAny = (xs: Array<[string, string]>): [string, string] | undefined => (xs.length ? xs.splice(Math.floor(rnd() * xs.length), 1)[0] : undefined);
  const world: World = { pending: [], paid: [], coupons: new Map(), teams: [], shares: [], paidOk: new Set(), shipped: [], received: [], requests: [], returns: [] };
  const groupOrders = new Set<string>();
  const results: Record<string, Array<Env>> = {};
  const note = (k: string, r: Env) => (results[k] ??= []).push(r);
  let key = 0;

  /**
   * Fulfilment and after-sale (issue 12): ops ship paid orders, buyers confirm receipt, ask for a
   * refund of a shipped line or a return, ops approve or reject, returns come back. Requests not
   * reviewed stay open through the completion window (their orders must not complete).
   */
  const fulfilStep = async (): Promise<void> => {
    const y = rnd();
    if (y < 0.3) {
      const [owner, orderId] = takeAny(world.paid) ?? [];
      if (!owner || !orderId) return;
      const r = (await cloud.call('fulfil', { action: 'ship', orderId, lineIds: ['L1'], carrier: 'SF', trackingNo: `SF${String(seed).slice(-4)}${String(key++).padStart(8, '0')}` }, 'o_ops')) as Env;
      note('fulfil.ship', r);
      if (r.ok) world.shipped.push([owner, orderId]);
      else world.paid.push([owner, orderId]); // a fault: ops try again later (a refunded order is refused then)
    } else if (y < 0.5) {
      const [owner, orderId] = takeAny(world.shipped) ?? [];
      if (!owner || !orderId) return;
      const r = (await cloud.call('order', { action: 'confirmReceipt', orderId }, owner)) as Env;
      note('order.confirmReceipt', r);
      if (r.ok) world.received.push([owner, orderId]);
      else world.shipped.push([owner, orderId]);
    } else if (y < 0.7) {
      // A refund of a shipped line not received, or a return of a received one.
      const fromShipped = rnd() < 0.4;
      const [owner, orderId] = takeAny(fromShipped ? world.shipped : world.received) ?? [];
      if (!owner || !orderId) return;
      const kind = fromShipped ? 'refund' : 'return';
      const r = (await cloud.call('aftersale', { action: 'request', orderId, lineIds: ['L1'], kind, reason: 'soak' }, owner)) as Env<{ requestId: string }>;
      note(`aftersale.request (${kind})`, r);
      if (r.ok) world.requests.push([owner, r.data.requestId, kind]);
      else (fromShipped ? world.shipped : world.received).push([owner, orderId]);
    } else if (y < 0.85) {
      // Ops review about two requests in three; the rest stay open.
      if (!world.requests.length || rnd() < 0.35) return;
      const [owner, requestId, kind] = world.requests.splice(Math.floor(rnd() * world.requests.length), 1)[0];
      const approve = rnd() < 0.8;
      const r = (await cloud.call('aftersale', { action: 'review', requestId, approve, note: approve ? '同意' : '不符合' }, 'o_ops')) as Env;
      note('aftersale.review', r);
      if (!r.ok) world.requests.push([owner, requestId, kind]);
      else if (approve && kind === 'return') world.returns.push([owner, requestId]);
    } else {
      const [owner, requestId] = takeAny(world.returns) ?? [];
      if (!owner || !requestId) return;
      const sent = (await cloud.call('aftersale', { action: 'returnShipped', requestId, carrier: 'YTO', trackingNo: `YT${String(key++).padStart(12, '0')}` }, owner)) as Env;
      note('aftersale.returnShipped', sent);
      if (!sent.ok) return void world.returns.push([owner, requestId]);
      note('aftersale.receiveReturn', (await cloud.call('aftersale', { action: 'receiveReturn', requestId }, 'o_ops')) as Env);
    }
  };

  const step = async (): Promise<void> => {
    const u = pick(customers)!;
    if (rnd() < 0.3) return fulfilStep();
    const x = rnd();
    if (x < 0.15) {
      const r = (await cloud.call('coupon', { action: 'claim', templateId: pick(TEMPLATES) }, u)) as Env<{ couponId: string }>;
      note('coupon.claim', r);
      if (r.ok) push(world.coupons, u, r.data.couponId);
    } else if (x < 0.4) {
      const skuId = pick(SKUS)!;
      const couponId = rnd() < 0.4 ? take(world.coupons, u) : undefined;
      const r = (await cloud.call(
        'order',
        { action: 'create', addressId: HOME, items: [{ productId: skuId.split('-')[0], skuId, qty: 1 + Math.floor(rnd() * 2) }], ...(couponId ? { couponId } : {}), idempotencyKey: `soak-${seed}-${key++}` },
        u,
      )) as Env<{ orderId: string }>;
      note('order.create', r);
      if (r.ok) world.pending.push([u, r.data.orderId]);
      else if (couponId) push(world.coupons, u, couponId);
    } else if (x < 0.6) {
      const [owner, orderId] = takeAny(world.pending) ?? [];
      if (!owner || !orderId) return;
      const r = await payOrder(cloud, orderId, owner, { strict: false });
      note('order.pay', r.start as Env);
      if (r.paid) {
        world.paidOk.add(orderId);
        if (!groupOrders.has(orderId)) world.paid.push([owner, orderId]);
      }
    } else if (x < 0.67) {
      const [owner, orderId] = takeAny(world.pending) ?? [];
      if (!owner || !orderId) return;
      note('order.cancel', (await cloud.call('order', { action: 'cancel', orderId }, owner)) as Env);
    } else if (x < 0.77) {
      const [owner, orderId] = takeAny(world.paid) ?? [];
      if (!owner || !orderId) return;
      // Buyers ask through aftersale (before shipping: approved at once); staff refund directly.
      const r = (x < 0.72
        ? await cloud.call('aftersale', { action: 'request', orderId, lineIds: ['L1'], kind: 'refund', reason: 'soak' }, owner)
        : await cloud.call('order', { action: 'refund', orderId }, 'o_ops')) as Env;
      note(x < 0.72 ? 'aftersale.request' : 'order.refund', r);
    } else if (x < 0.82) {
      const r = (await cloud.call('order', { action: 'create', addressId: HOME, dealId: pick(DEALS), idempotencyKey: `soak-${seed}-${key++}` }, u)) as Env<{ teamId: string; orderId: string }>;
      note('order.create (open a team)', r);
      if (r.ok) {
        world.teams.push(r.data.teamId);
        groupOrders.add(r.data.orderId);
        world.pending.push([u, r.data.orderId]);
      }
    } else if (x < 0.9) {
      const teamId = pick(world.teams);
      if (!teamId) return;
      const r = (await cloud.call('order', { action: 'create', addressId: HOME, teamId, idempotencyKey: `soak-${seed}-${key++}` }, u)) as Env<{ orderId: string }>;
      note('order.create (join a team)', r);
      if (r.ok) {
        groupOrders.add(r.data.orderId);
        world.pending.push([u, r.data.orderId]);
      }
    } else if (x < 0.95) {
      if (rnd() < 0.5 || !world.shares.length) {
        const r = (await cloud.call('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, u)) as Env<{ shareId: string }>;
        note('share.create', r);
        if (r.ok) world.shares.push(r.data.shareId);
      } else {
        note('share.open', (await cloud.call('share', { action: 'open', shareId: pick(world.shares) }, u)) as Env);
      }
    } else {
      note('sweep.run', (await cloud.call('sweep', { action: 'run' }, AS_FUNCTION)) as Env);
    }
  };

  for (let r = 0; r < rounds; r++) {
    await Promise.all(Array.from({ length: BATCH }, () => step()));
    cloud.advanceClock(2 * 60_000); // 2 minutes per round: unpaid orders (15 min TTL) expire along the way
    await deliverCallbacks(cloud); // WeChat Pay: refunds due settle, notices due are delivered (again)
  }
  const calls = Object.fromEntries(Object.entries(results).map(([k, rs]) => [k, outcomes(rs)]));
  return { calls, world };
}

/**
 * Faults stop; time passes (WeChat Pay delivering what is due, the sweep running), the last refunds
 * finish, shipped orders are confirmed by the sweep (10 days) and received ones complete once the
 * after-sale window (7 days) has closed — except those with a request still open.
 */
async function settle(cloud: TestCloud): Promise<void> {
  cloud.faults({});
  for (const advance of [60 * 60_000, 2 * 24 * 3600_000, 10 * 24 * 3600_000, 8 * 24 * 3600_000, 60 * 60_000]) {
    cloud.advanceClock(advance);
    await deliverCallbacks(cloud);
    for (let i = 0; i < 2; i++) await cloud.call('sweep', { action: 'run' }, AS_FUNCTION);
  }
  await deliverCallbacks(cloud, true);
}

interface Baseline {
  skus: Map<string, { stock: number; sold: number }>;
  templates: Map<string, { stock: number; issuedCount: number; coupons: number }>;
}

async function baseline(cloud: TestCloud): Promise<Baseline> {
  const skus = new Map((await all(cloud, 'skus')).map((s) => [s._id, { stock: Number(s.stock), sold: Number(s.sold ?? 0) }]));
  const coupons = await all(cloud, 'coupons');
  const templates = new Map(
    (await all(cloud, 'coupon_templates')).map((t) => [t._id, { stock: Number(t.stock ?? 0), issuedCount: Number(t.issuedCount ?? 0), coupons: coupons.filter((c) => c.templateId === t._id).length }]),
  );
  return { skus, templates };
}

/** Every invariant, as named counts of violations (0 = holds). */
async function check(cloud: TestCloud, base: Baseline, paidOk: Set<string>): Promise<{ violations: Record<string, number>; examples: Record<string, string[]>; totals: Record<string, number> }> {
  const [skus, templates, coupons, orders, payments, refunds, ledger, requests] = await Promise.all(
    ['skus', 'coupon_templates', 'coupons', 'orders', 'payments', 'refunds', 'commission_ledger', 'aftersale_requests'].map((c) => all(cloud, c)),
  );
  const violations: Record<string, number> = {};
  const examples: Record<string, string[]> = {};
  const fail = (what: string, example: string) => {
    violations[what] = (violations[what] ?? 0) + 1;
    const ex = (examples[what] ??= []);
    if (ex.length < 3) ex.push(example);
  };
  const names = [
    'stock: stock + sold ≠ initial',
    'stock: initial − stock ≠ qty held by orders',
    'stock: negative',
    'coupons: template stock + issued ≠ initial',
    'coupons: issuedCount ≠ coupons issued',
    'coupons: locked/used coupon without its live order',
    'coupons: live order whose coupon is not locked/used',
    'paid order lost: payment without its order paid',
    'paid order lost: pay ok but order not paid/refunded',
    'double refund: refund records ≠ order refundedFen',
    'double refund: refunded > paid',
    'money: payments ≠ orders paidFen',
    'refunds: not finished by WeChat Pay after settling',
    'ledger: reversed > accrued or < 0 on a line',
    'ledger: refunded line not fully reversed',
    'ledger: unrefunded line reversed',
    'ledger: entry for an order never paid',
    'ledger: settleable with an after-sale request open',
  ];
  for (const n of names) violations[n] = 0;

  // stock
  const held = new Map<string, number>();
  for (const o of orders) {
    if (RELEASED_UNPAID.includes(String(o.status))) continue;
    for (const l of (o.lines as Array<Record<string, unknown>>) ?? []) {
      if (!HOLDING_LINES.includes(String(l.state ?? (l.refundId ? 'refunded' : 'open')))) continue;
      held.set(String(l.skuId), (held.get(String(l.skuId)) ?? 0) + Number(l.qty));
    }
  }
  for (const s of skus) {
    const b = base.skus.get(s._id);
    if (!b) continue;
    if (Number(s.stock) < 0) fail('stock: negative', `${s._id} ${s.stock}`);
    if (Number(s.stock) + Number(s.sold ?? 0) !== b.stock + b.sold) fail('stock: stock + sold ≠ initial', `${s._id}: ${s.stock}+${s.sold} vs ${b.stock}+${b.sold}`);
    if (b.stock - Number(s.stock) !== (held.get(s._id) ?? 0)) fail('stock: initial − stock ≠ qty held by orders', `${s._id}: ${b.stock}−${s.stock} vs held ${held.get(s._id) ?? 0}`);
  }
  // coupons
  for (const t of templates) {
    const b = base.templates.get(t._id);
    if (!b) continue;
    if (Number(t.stock) + Number(t.issuedCount) !== b.stock + b.issuedCount) fail('coupons: template stock + issued ≠ initial', `${t._id}: ${t.stock}+${t.issuedCount} vs ${b.stock}+${b.issuedCount}`);
    const issued = coupons.filter((c) => c.templateId === t._id && c.source !== 'referral').length - b.coupons;
    if (Number(t.issuedCount) - b.issuedCount !== issued) fail('coupons: issuedCount ≠ coupons issued', `${t._id}: issuedCount +${Number(t.issuedCount) - b.issuedCount} vs ${issued} coupons`);
  }
  const byId = new Map(orders.map((o) => [o._id, o]));
  for (const c of coupons) {
    if (c.status !== 'locked' && c.status !== 'used') continue;
    const o = byId.get(String(c.orderId));
    const okState = o && (c.status === 'locked' ? o.status === 'pending_pay' : KEPT.includes(String(o.status)));
    if (!okState) fail('coupons: locked/used coupon without its live order', `${c._id} ${c.status} order ${c.orderId} ${o?.status}`);
  }
  const couponById = new Map(coupons.map((c) => [c._id, c]));
  for (const o of orders) {
    if (!o.couponId || !['pending_pay', ...KEPT].includes(String(o.status))) continue;
    const c = couponById.get(String(o.couponId));
    const want = o.status === 'pending_pay' ? 'locked' : 'used';
    if (!c || c.status !== want || c.orderId !== o._id) fail('coupons: live order whose coupon is not locked/used', `${o._id} ${o.status} coupon ${o.couponId} ${c?.status}`);
  }
  // payments and refunds
  for (const p of payments) {
    const o = byId.get(String(p.orderId));
    if (!o || Number(o.paidFen) < Number(p.totalFen)) fail('paid order lost: payment without its order paid', `${p._id} → ${p.orderId} ${o?.status} paidFen ${o?.paidFen}`);
  }
  for (const id of paidOk) {
    const o = byId.get(id);
    if (!o || !PAID_FAMILY.includes(String(o.status)) || !o.paidAt) fail('paid order lost: pay ok but order not paid/refunded', `${id} ${o?.status}`);
  }
  const refundedByOrder = new Map<string, number>();
  for (const r of refunds) refundedByOrder.set(String(r.orderId), (refundedByOrder.get(String(r.orderId)) ?? 0) + Number(r.refundFen));
  for (const o of orders) {
    const rec = refundedByOrder.get(o._id) ?? 0;
    if (rec !== Number(o.refundedFen ?? 0)) fail('double refund: refund records ≠ order refundedFen', `${o._id}: records ${rec} vs order ${o.refundedFen}`);
    if (Number(o.refundedFen ?? 0) > Number(o.paidFen ?? 0)) fail('double refund: refunded > paid', `${o._id}: ${o.refundedFen} > ${o.paidFen}`);
  }
  for (const r of refunds) if (r.status !== 'succeeded') fail('refunds: not finished by WeChat Pay after settling', `${r._id} of ${r.orderId} ${r.status}`);
  const paymentsFen = payments.reduce((s, p) => s + Number(p.totalFen), 0);
  const paidFen = orders.reduce((s, o) => s + Number(o.paidFen ?? 0), 0);
  if (paymentsFen !== paidFen) fail('money: payments ≠ orders paidFen', `${paymentsFen} vs ${paidFen}`);
  // commission ledger
  const lines = new Map<string, { gross: number; reversed: number; orderId: string; lineId: string }>();
  for (const e of ledger) {
    const k = `${e.orderId}/${e.lineId}`;
    const l = lines.get(k) ?? { gross: 0, reversed: 0, orderId: String(e.orderId), lineId: String(e.lineId) };
    if (e.kind === 'pending') l.gross += Number(e.amountFen);
    if (e.kind === 'reversed') l.reversed += Number(e.amountFen);
    lines.set(k, l);
  }
  for (const [k, l] of lines) {
    const o = byId.get(l.orderId);
    if (!o || !o.paidAt) fail('ledger: entry for an order never paid', k);
    if (l.reversed > l.gross || l.reversed < 0) fail('ledger: reversed > accrued or < 0 on a line', `${k}: ${l.reversed} of ${l.gross}`);
    const line = ((o?.lines as Array<Record<string, unknown>>) ?? []).find((x) => x.lineId === l.lineId);
    const refunded = !!line && (!!line.refundId || o?.status === 'refunded');
    if (refunded && l.reversed !== l.gross) fail('ledger: refunded line not fully reversed', `${k}: ${l.reversed} of ${l.gross}`);
    if (!refunded && l.reversed !== 0) fail('ledger: unrefunded line reversed', `${k}: ${l.reversed} of ${l.gross}`);
  }
  // Commission settles on completion, which an open after-sale request holds.
  for (const o of orders) {
    const held = ((o.lines as Array<Record<string, unknown>>) ?? []).some((l) => l.afterSaleId);
    if (held && ledger.some((e) => e.orderId === o._id && e.kind === 'settleable')) fail('ledger: settleable with an after-sale request open', o._id);
  }
  const totals = {
    orders: orders.length,
    paidOrders: orders.filter((o) => o.paidAt).length,
    refunds: refunds.length,
    paidFen,
    refundedFen: orders.reduce((s, o) => s + Number(o.refundedFen ?? 0), 0),
    couponsIssued: coupons.length,
    ledgerLines: lines.size,
    shippedOrders: orders.filter((o) => o.shippedAt || ((o.lines as Array<Record<string, unknown>>) ?? []).some((l) => l.shipmentId)).length,
    completedOrders: orders.filter((o) => o.status === 'completed').length,
    afterSaleRequests: requests.length,
    returnsReceived: requests.filter((r) => r.kind === 'return' && r.status === 'refunded').length,
    /** Orders past the completion window with a request still open (the settleable invariant's cases). */
    heldPastWindow: orders.filter((o) => o.status === 'received' && ((o.lines as Array<Record<string, unknown>>) ?? []).some((l) => l.afterSaleId)).length,
  };
  return { violations, examples, totals };
}

async function phase(label: string, seed: number, faults: Partial<FaultConfig>, rounds: number) {
  const cloud = await startTestCloud();
  const logs = captureLogs();
  try {
    const customers = Array.from({ length: CUSTOMERS }, (_, i) => `o_soak_${String(i).padStart(2, '0')}`);
    const now = cloud.now();
    await cloud.db.collection('users').add(customers.map((_id) => ({ _id, role: 'customer', createdAt: now })));
    await giveAddresses(cloud, customers); // goods orders need a delivery address (HOME)
    await cloud.db.collection('skus').doc('p03-s1').update({ stock: 25 }); // scarce: SOLD_OUT happens
    // Most customers arrive through a salesperson's share, so paid orders carry commission.
    const root = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
    for (const c of customers.slice(0, 30)) await cloud.ok('share', { action: 'open', shareId: root.shareId }, c);
    const base = await baseline(cloud);
    cloud.faults(faults);
    const t0 = Date.now();
    const { calls, world } = await workload(cloud, seed, customers, rounds);
    const injected = { ...cloud.cloud.faults.injected };
    await settle(cloud);
    const result = await check(cloud, base, world.paidOk);
    const seconds = round((Date.now() - t0) / 1000);
    const broken = Object.entries(result.violations).filter(([, n]) => n > 0);
    console.log(`\n${label}: faults ${JSON.stringify(faults)}; ${rounds} rounds × ${BATCH} concurrent steps in ${seconds} s; injected ${JSON.stringify(injected)}`);
    for (const [k, o] of Object.entries(calls)) console.log(`  ${k.padEnd(16)} ${JSON.stringify(o)}`);
    console.log(`  end state: ${JSON.stringify(result.totals)}`);
    console.log(`  function errors logged: ${JSON.stringify(tally(logs.failures()))}`);
    console.log(broken.length ? `  invariants broken:\n${broken.map(([k, n]) => `    ${k}: ${n}  e.g. ${result.examples[k]?.join(' | ')}`).join('\n')}` : '  all invariants hold');
    return { label, faults, rounds, seconds, injected, calls, ...result, functionErrors: tally(logs.failures()) };
  } finally {
    logs.stop();
    await cloud.close();
  }
}

export const bench: Bench = {
  title: 'fault-injection soak: mixed workload with 10% of commits failing, then with 10% of writes applied and their reply lost',
  async run() {
    const main = await phase('soak (10% commits fail, 5% conflict, delays)', 20260601, { seed: 5, commitFailRate: 0.1, commitConflictRate: 0.05, delayMs: 3 }, ROUNDS);
    const budgets: Budget[] = Object.entries(main.violations).map(([k, n]) => budget(`soak: ${k}`, n, '==', 0, '', main.examples[k]?.join(' | ')));
    budgets.push(budget('soak: commit faults actually injected', main.injected.commitFail, '>=', 1));
    budgets.push(budget('soak: orders paid during the soak', main.totals.paidOrders, '>=', 10));
    budgets.push(budget('soak: refunds during the soak', main.totals.refunds, '>=', 3));
    // The fulfilment invariants must be reachable: orders shipped and completed, returns received,
    // and requests left open past the completion window (their commission must not settle).
    budgets.push(budget('soak: orders shipped', main.totals.shippedOrders, '>=', 5));
    budgets.push(budget('soak: orders completed', main.totals.completedOrders, '>=', 1));
    budgets.push(budget('soak: returns received back', main.totals.returnsReceived, '>=', 1));
    budgets.push(budget('soak: orders held past the window by an open request', main.totals.heldPastWindow, '>=', 1));
    const lost = await phase('soak (10% of writes and commits applied with their reply lost)', 20260603, { seed: 8, replyLostRate: 0.1, delayMs: 3 }, ROUNDS);
    budgets.push(...Object.entries(lost.violations).map(([k, n]) => budget(`reply lost: ${k}`, n, '==', 0, '', lost.examples[k]?.join(' | '))));
    budgets.push(budget('reply lost: replies actually lost', lost.injected.replyLost, '>=', 1));
    budgets.push(budget('reply lost: orders paid during the soak', lost.totals.paidOrders, '>=', 10));
    budgets.push(budget('reply lost: refunds during the soak', lost.totals.refunds, '>=', 3));
    budgets.push(budget('reply lost: orders shipped', lost.totals.shippedOrders, '>=', 5));
    budgets.push(budget('reply lost: orders held past the window by an open request', lost.totals.heldPastWindow, '>=', 1));
    let writes: Awaited<ReturnType<typeof phase>> | undefined;
    if (!QUICK) writes = await phase('informational (also 3% of single writes fail)', 20260602, { seed: 6, commitFailRate: 0.1, writeFailRate: 0.03, delayMs: 3 }, Math.ceil(ROUNDS / 2));
    return { figures: { main, replyLost: lost, singleWriteFailures: writes ?? null }, budgets };
  },
};
