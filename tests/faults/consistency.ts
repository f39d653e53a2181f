/**
 * Consistency of the stored documents after a run (read through the real SDK). Each check returns
 * the list of violations, one readable line each; an empty list means the invariant holds.
 */
import type { TestCloud } from '../../emulator/testing';

type Doc = Record<string, unknown> & { _id: string };
interface Line {
  lineId: string;
  productId: string;
  skuId: string;
  qty: number;
  paidFen: number;
  refundedFen: number;
  refundId: string | null;
  /** The line machine's state (absent on lines written before fulfilment: open or refunded). */
  state?: string;
  afterSaleId?: string | null;
}
type OrderDoc = Doc & {
  buyerOpenid: string;
  status: string;
  lines: Line[];
  totalFen: number;
  paidFen: number;
  refundedFen: number;
  paidAt: Date | null;
  tradeNo: string | null;
  couponId: string | null;
  teamId: string | null;
  memberId: string | null;
  latePaymentRefundId?: string;
  attribution?: { salesId?: string | null } | null;
};

export async function all(cloud: TestCloud, collection: string): Promise<Doc[]> {
  const out: Doc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await cloud.db.collection(collection).skip(skip).limit(1000).get()) as { data: Doc[] };
    out.push(...res.data);
    if (res.data.length < 1000) return out;
  }
}

/** Orders released before payment: their lines hold nothing. */
const RELEASED = new Set(['cancelled', 'closed']);
/** Statuses an order reaches only after being paid. */
const PAID_STATES = new Set(['paid', 'to_ship', 'shipped', 'received', 'completed', 'refunded']);
/** Line states whose units are out of stock: to ship, shipped, or refunded after they left (never back). */
const HOLDING_LINE_STATES = new Set(['open', 'shipped', 'refunded_shipped']);
const lineState = (l: Line) => l.state ?? (l.refundId ? 'refunded' : 'open');

export interface Snapshot {
  orders: OrderDoc[];
  payments: Doc[];
  refunds: Doc[];
  skus: Doc[];
  coupons: Doc[];
  templates: Doc[];
  teams: Doc[];
  members: Doc[];
  ledger: Doc[];
}

export async function snapshot(cloud: TestCloud): Promise<Snapshot> {
  const [orders, payments, refunds, skus, coupons, templates, teams, members, ledger] = await Promise.all(
    ['orders', 'payments', 'refunds', 'skus', 'coupons', 'coupon_templates', 'teams', 'team_members', 'commission_ledger'].map((c) => all(cloud, c)),
  );
  return { orders: orders as OrderDoc[], payments, refunds, skus, coupons, templates, teams, members, ledger };
}

/**
 * No paid order lost: every payment notice recorded (`payments`) belongs to an order that is paid
 * (or later refunded) for that amount, or was refunded as a late payment; every order a client
 * saw paid is paid in storage.
 */
export function paidOrdersKept(s: Snapshot, clientSawPaid: Iterable<string>): string[] {
  const out: string[] = [];
  const orders = new Map(s.orders.map((o) => [o._id, o]));
  for (const p of s.payments) {
    const o = orders.get(String(p.orderId));
    if (!o) continue; // a notice for an unknown order is logged and kept, nothing to lose
    const late = o.latePaymentRefundId !== undefined && o.refundedFen === o.paidFen;
    if (late) continue;
    if (!PAID_STATES.has(o.status)) out.push(`payment ${p._id} (${p.totalFen} fen) recorded but order ${o._id} is ${o.status} (paidFen ${o.paidFen}, no late refund)`);
    else if (o.paidFen !== p.totalFen || o.tradeNo !== p.tradeNo) out.push(`order ${o._id} paidFen ${o.paidFen}/${o.tradeNo} ≠ payment ${p.totalFen}/${p.tradeNo}`);
  }
  for (const id of clientSawPaid) {
    const o = orders.get(id);
    if (!o || !PAID_STATES.has(o.status) || !o.paidAt) out.push(`client saw ${id} paid; stored ${o ? `${o.status}, paidAt ${String(o.paidAt)}` : 'nothing'}`);
    else if (!s.payments.some((p) => p.orderId === id)) out.push(`order ${id} is ${o.status} without a payment record`);
  }
  for (const o of s.orders) {
    if (PAID_STATES.has(o.status) && !s.payments.some((p) => p.orderId === o._id)) out.push(`order ${o._id} is ${o.status} without a payment record`);
  }
  return out;
}

/** No double refund: per order and per line, refunds recorded = refunded on the order ≤ paid. */
export function refundsUnique(s: Snapshot): string[] {
  const out: string[] = [];
  const byOrder = new Map<string, Doc[]>();
  for (const r of s.refunds) byOrder.set(String(r.orderId), [...(byOrder.get(String(r.orderId)) ?? []), r]);
  for (const o of s.orders) {
    const refunds = byOrder.get(o._id) ?? [];
    const sum = refunds.reduce((a, r) => a + Number(r.refundFen), 0);
    if (sum !== o.refundedFen) out.push(`order ${o._id}: refund records sum ${sum} ≠ order.refundedFen ${o.refundedFen}`);
    if (o.refundedFen > o.paidFen) out.push(`order ${o._id}: refunded ${o.refundedFen} > paid ${o.paidFen}`);
    for (const l of o.lines) {
      const recs = refunds.filter((r) => ((r.lines as Array<{ lineId: string }>) ?? []).some((x) => x.lineId === l.lineId));
      if (recs.length > 1) out.push(`order ${o._id} line ${l.lineId} refunded by ${recs.length} records: ${recs.map((r) => r._id).join(', ')}`);
      const lineSum = recs.reduce((a, r) => a + (r.lines as Array<{ lineId: string; refundFen: number }>).filter((x) => x.lineId === l.lineId).reduce((b, x) => b + x.refundFen, 0), 0);
      if (lineSum !== l.refundedFen) out.push(`order ${o._id} line ${l.lineId}: refund records ${lineSum} ≠ line.refundedFen ${l.refundedFen}`);
      if (l.refundedFen > l.paidFen) out.push(`order ${o._id} line ${l.lineId}: refunded ${l.refundedFen} > paid ${l.paidFen}`);
    }
  }
  for (const r of s.refunds) {
    if (r.status !== 'succeeded') out.push(`refund ${r._id} of ${r.orderId} is still ${r.status}`);
  }
  return out;
}

/**
 * Stock conserved: initial = current + units held by order lines; `sold` = units held. A line
 * holds its units while to ship or shipped, and after a refund of goods that had left
 * (`refunded_shipped`): stock comes back only for goods never shipped or received back.
 */
export function stockConserved(s: Snapshot, initial: Map<string, number>): string[] {
  const out: string[] = [];
  const held = new Map<string, number>();
  for (const o of s.orders) {
    if (RELEASED.has(o.status)) continue;
    for (const l of o.lines) if (HOLDING_LINE_STATES.has(lineState(l))) held.set(l.skuId, (held.get(l.skuId) ?? 0) + l.qty);
  }
  for (const sku of s.skus) {
    const h = held.get(sku._id) ?? 0;
    const start = initial.get(sku._id) ?? NaN;
    if (Number(sku.stock) + h !== start) out.push(`sku ${sku._id}: stock ${sku.stock} + held ${h} ≠ initial ${start}`);
    if (Number(sku.sold) !== h) out.push(`sku ${sku._id}: sold ${sku.sold} ≠ held ${h}`);
    if (Number(sku.stock) < 0) out.push(`sku ${sku._id}: negative stock ${sku.stock}`);
  }
  return out;
}

/**
 * Coupons conserved: per template, issuedCount = instances claimed and stock + issuedCount = the
 * initial stock; a locked coupon belongs to a pending order of its owner, a used one to a paid
 * order; every live order's coupon is locked/used by that order.
 */
export function couponsConserved(s: Snapshot, initialStock: Map<string, number>): string[] {
  const out: string[] = [];
  const orders = new Map(s.orders.map((o) => [o._id, o]));
  for (const t of s.templates) {
    if (!initialStock.has(t._id)) continue;
    const claimed = s.coupons.filter((c) => c.templateId === t._id && c.source !== 'referral').length;
    if (Number(t.issuedCount) !== claimed) out.push(`template ${t._id}: issuedCount ${t.issuedCount} ≠ ${claimed} coupons`);
    if (Number(t.stock) + Number(t.issuedCount) !== initialStock.get(t._id)) {
      out.push(`template ${t._id}: stock ${t.stock} + issued ${t.issuedCount} ≠ initial ${initialStock.get(t._id)}`);
    }
  }
  for (const c of s.coupons) {
    const o = c.orderId ? orders.get(String(c.orderId)) : undefined;
    if (c.status === 'locked' && (!o || o.status !== 'pending_pay' || o.couponId !== c._id)) {
      out.push(`coupon ${c._id} locked by ${String(c.orderId)} which is ${o ? o.status : 'missing'}`);
    }
    if (c.status === 'used' && (!o || !PAID_STATES.has(o.status) || o.status === 'refunded' || o.couponId !== c._id)) {
      out.push(`coupon ${c._id} used by ${String(c.orderId)} which is ${o ? o.status : 'missing'}`);
    }
    if ((c.status === 'unused' || c.status === 'expired') && c.orderId) out.push(`coupon ${c._id} is ${c.status} but names order ${String(c.orderId)}`);
  }
  for (const o of s.orders) {
    if (!o.couponId) continue;
    const c = s.coupons.find((x) => x._id === o.couponId);
    const want = o.status === 'pending_pay' ? 'locked' : PAID_STATES.has(o.status) && o.status !== 'refunded' ? 'used' : undefined;
    if (want && (!c || c.status !== want || c.orderId !== o._id)) out.push(`order ${o._id} (${o.status}) has coupon ${o.couponId} ${c ? `${c.status} by ${String(c.orderId)}` : 'missing'}, expected ${want}`);
    if (!want && c && c.orderId === o._id) out.push(`order ${o._id} (${o.status}) still holds coupon ${c._id} (${c.status})`);
  }
  return out;
}

/** Teams: seats = members, paid members = paidCount, a succeeded team is full, a failed team kept nobody's money. */
export function teamsConsistent(s: Snapshot): string[] {
  const out: string[] = [];
  const orders = new Map(s.orders.map((o) => [o._id, o]));
  for (const t of s.teams) {
    const members = s.members.filter((m) => m.teamId === t._id);
    const seated = members.length;
    if (Number(t.seatsTaken) !== seated) out.push(`team ${t._id} (${t.status}): seatsTaken ${t.seatsTaken} ≠ ${seated} members`);
    if (Number(t.seatsTaken) > Number(t.size)) out.push(`team ${t._id}: over-filled ${t.seatsTaken}/${t.size}`);
    const paidMembers = members.filter((m) => m.status === 'paid' || m.status === 'refunded').length;
    if (t.status !== 'failed' && Number(t.paidCount) !== paidMembers) out.push(`team ${t._id} (${t.status}): paidCount ${t.paidCount} ≠ ${paidMembers} paid members`);
    if (t.status === 'succeeded' && Number(t.paidCount) !== Number(t.size)) out.push(`team ${t._id} succeeded with ${t.paidCount}/${t.size} paid`);
    for (const m of members) {
      const o = orders.get(String(m.orderId));
      if (!o) {
        out.push(`member ${m._id} names missing order ${String(m.orderId)}`);
        continue;
      }
      if (t.status === 'failed' && o.paidFen - o.refundedFen !== 0) out.push(`failed team ${t._id}: member order ${o._id} keeps ${o.paidFen - o.refundedFen} fen (${o.status})`);
      if (m.status === 'paid' && !PAID_STATES.has(o.status)) out.push(`member ${m._id} paid but order ${o._id} is ${o.status}`);
      if (m.status === 'pending_pay' && o.status !== 'pending_pay') out.push(`member ${m._id} pending but order ${o._id} is ${o.status}`);
      if (PAID_STATES.has(o.status) && o.status !== 'refunded' && m.status !== 'paid') out.push(`order ${o._id} is ${o.status} but member ${m._id} is ${m.status}`);
    }
    if (t.status === 'failed' && !t.refundsDoneAt) out.push(`failed team ${t._id} not settled (refundsDoneAt null)`);
  }
  return out;
}

/** Commission on a line as the seeded plan `cp_default` computes it (10 %, p11 30 yuan per unit). */
export function expectedCommission(line: Line): number {
  if (line.productId === 'p11') return Math.min(3000 * line.qty, line.paidFen);
  return Math.floor((line.paidFen * 1000) / 10000);
}

/**
 * Commission ledger balanced, per paid order line with a salesperson: pending − reversed =
 * commission × (paid − refunded) / paid (as `reversalFen` rounds), at most one pending and one
 * settleable entry; nothing for orders never paid.
 */
export function ledgerBalanced(s: Snapshot): string[] {
  const out: string[] = [];
  const byLine = new Map<string, Doc[]>();
  for (const e of s.ledger) {
    const key = `${e.orderId}/${e.lineId}`;
    byLine.set(key, [...(byLine.get(key) ?? []), e]);
  }
  const seen = new Set<string>();
  for (const o of s.orders) {
    const salesId = o.attribution?.salesId ?? null;
    const wasPaid = o.paidAt !== null && o.paidAt !== undefined;
    for (const l of o.lines) {
      const key = `${o._id}/${l.lineId}`;
      seen.add(key);
      const entries = byLine.get(key) ?? [];
      if (!salesId || !wasPaid) {
        if (entries.length) out.push(`${key} (${o.status}, sales ${String(salesId)}) has ${entries.length} ledger entries but earns nothing`);
        continue;
      }
      const c = expectedCommission(l);
      const sumOf = (kind: string) => entries.filter((e) => e.kind === kind).reduce((a, e) => a + Number(e.amountFen), 0);
      const settleable = entries.filter((e) => e.kind === 'settleable');
      const want = c - (l.paidFen > 0 ? Math.round((c * l.refundedFen) / l.paidFen) : 0);
      const net = sumOf('pending') - sumOf('reversed');
      if (net !== want) {
        out.push(`${key} (${o.status}): pending ${sumOf('pending')} − reversed ${sumOf('reversed')} = ${net}, expected ${want} (commission ${c}, refunded ${l.refundedFen}/${l.paidFen})`);
      }
      if (entries.filter((e) => e.kind === 'pending').length > 1) out.push(`${key}: more than one pending entry`);
      if (settleable.length > 1) out.push(`${key}: ${settleable.length} settleable entries`);
      if (entries.some((e) => e.salesId !== salesId)) out.push(`${key}: entries for another salesperson than ${salesId}`);
    }
  }
  for (const key of byLine.keys()) if (!seen.has(key)) out.push(`ledger entries for unknown order line ${key}`);
  return out;
}

/** Money identities (as the commerce tests state them): paid − refunded = kept; payments and refunds records agree. */
export function moneyBalanced(s: Snapshot): string[] {
  const out: string[] = [];
  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
  const paid = sum(s.orders, (o) => o.paidFen);
  const refunded = sum(s.orders, (o) => o.refundedFen);
  const payments = sum(s.payments.filter((p) => s.orders.some((o) => o._id === p.orderId)), (p) => Number(p.totalFen));
  const refunds = sum(s.refunds, (r) => Number(r.refundFen));
  if (payments !== paid) out.push(`payments ${payments} fen ≠ orders' paidFen ${paid}`);
  if (refunds !== refunded) out.push(`refund records ${refunds} fen ≠ orders' refundedFen ${refunded}`);
  return out;
}

/** Commission never settleable for an order with an after-sale request open (it settles on completion, which an open request holds). */
export function noSettleWithOpenRequest(s: Snapshot): string[] {
  const out: string[] = [];
  for (const o of s.orders) {
    const open = o.lines.filter((l) => l.afterSaleId);
    if (open.length === 0) continue;
    const settled = s.ledger.filter((e) => e.orderId === o._id && e.kind === 'settleable');
    if (settled.length > 0) out.push(`order ${o._id} (${o.status}) has request(s) ${open.map((l) => l.afterSaleId).join(', ')} open and ${settled.length} settleable commission entries`);
  }
  return out;
}
