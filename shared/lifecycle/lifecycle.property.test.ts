/**
 * Random command sequences (buy, open/join a team, pay, pay twice, pay at the provider without a
 * notice yet, cancel, refund lines, the provider's reports on refunds, late payment, ship lines,
 * confirm receipt, after-sale requests and their review, returns, time passing with the sweep's
 * releases, auto-confirm and completion) through the lifecycle's decisions and effects, on an
 * in-memory world that guards writes as the functions do. After every command: no entity is in a
 * state, or made a move, its table forbids; stock, seats and coupons are conserved, stock comes
 * back only for goods never shipped or returned, a line is held by at most one open request, a
 * completed order has none open. Over all runs every move of every table is made at least once —
 * a state or move nothing reaches fails.
 */
import fc from 'fast-check';
import { isAppError } from '../errors';
import { isCouponUsable, type Coupon } from '../coupons';
import { decideJoin, reachedTier } from '../groupbuy';
import type { DealTerms } from '../orders';
import type { CartLine } from '../pricing';
import { NO_DELIVERY } from '../shipping/delivery';
import { LifecycleWorld, type MadeMove } from '../../tests/support/lifecycle-world';
import { couponChange } from './coupon';
import { afterSaleOf, isKeptLine, isStockReturned, lineStateOf } from './lines';
import { canMove, targetOf, type Machine } from './machine';
import type { RefundReport } from './refund';
import { afterSaleMachine, couponMachine, lineMachine, memberMachine, orderMachine, refundMachine, teamMachine } from './tables';
import { OPEN_AFTERSALE_STATUSES } from '../orders';

const START = new Date('2026-06-01T02:00:00Z');
const MIN = 60_000;
const PAY_TTL = 15 * MIN;
const BUYERS = ['b0', 'b1', 'b2', 'b3'];
const SKUS = [
  { skuId: 's1', productId: 'p1', priceFen: 1000, stock: 3 },
  { skuId: 's2', productId: 'p2', priceFen: 2500, stock: 2 },
  { skuId: 's3', productId: 'p3', priceFen: 1200, stock: 4 },
];
const DEALS: DealTerms[] = [
  { _id: 'duo', title: 'duo', productId: 'p3', skuId: 's3', groupSize: 2, groupPriceFen: 800, listPriceFen: 1200, validHours: 1, joinEligibility: 'anyone', allowCoupon: false, perUserLimit: 2 },
  { _id: 'trio', title: 'trio', productId: 'p3', skuId: 's3', groupSize: 3, groupPriceFen: 900, listPriceFen: 1200, validHours: 2, joinEligibility: 'anyone', allowCoupon: true, leaderPerk: { amountOffFen: 100 } },
  {
    _id: 'ladder', title: 'ladder', productId: 'p3', skuId: 's3', groupSize: 4, groupPriceFen: 1000, listPriceFen: 1200, validHours: 1, joinEligibility: 'anyone', allowCoupon: true,
    tiers: [{ size: 2, priceFen: 1000 }, { size: 3, priceFen: 900 }, { size: 4, priceFen: 800 }],
  },
];
const MACHINES: Array<Machine<string, string>> = [orderMachine, lineMachine, afterSaleMachine, teamMachine, memberMachine, couponMachine, refundMachine];
const REPORTS: Array<RefundReport['status']> = ['PROCESSING', 'SUCCESS', 'CHANGE', 'REFUNDCLOSE', 'NOTEXIST'];
const DAY = 24 * 60 * MIN;
const AUTO_CONFIRM = 10 * DAY;
const WINDOW = 7 * DAY;
const ATTRIBUTION = { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} };

type Command =
  | { kind: 'buy'; buyer: number; skus: number[]; qty: number; coupon: number }
  | { kind: 'open'; buyer: number; deal: number; coupon: number }
  | { kind: 'join'; buyer: number; team: number; coupon: number }
  /** A join decided on a read from before the product went off: the seat's guard must refuse it. */
  | { kind: 'lateJoin'; buyer: number; team: number }
  /** catalog.setStatus off / on: the product's forming teams close / reopen their joins. */
  | { kind: 'productOff' | 'productOn'; team: number }
  | { kind: 'pay' | 'payWrongAmount' | 'payAtProvider' | 'cancel' | 'latePay'; order: number }
  | { kind: 'refundReport'; refund: number; status: number }
  | { kind: 'refund'; order: number; lines: number }
  | { kind: 'ship'; order: number; lines: number }
  | { kind: 'confirm'; order: number }
  | { kind: 'ask'; order: number; lines: number; ret: boolean; auto: boolean }
  | { kind: 'review'; request: number; approve: boolean }
  | { kind: 'cancelRequest' | 'shipBack' | 'receiveReturn'; request: number }
  | { kind: 'tick'; minutes: number };

const index = fc.nat({ max: 7 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('buy' as const), buyer: fc.nat({ max: 3 }), skus: fc.uniqueArray(fc.nat({ max: 2 }), { minLength: 1, maxLength: 2 }), qty: fc.integer({ min: 1, max: 2 }), coupon: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('open' as const), buyer: fc.nat({ max: 3 }), deal: fc.nat({ max: 2 }), coupon: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('join' as const), buyer: fc.nat({ max: 3 }), team: index, coupon: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('lateJoin' as const), buyer: fc.nat({ max: 3 }), team: index }),
  fc.record({ kind: fc.constantFrom('productOff' as const, 'productOn' as const), team: index }),
  fc.record({ kind: fc.constant('pay' as const), order: index }),
  fc.record({ kind: fc.constant('pay' as const), order: index }),
  fc.record({ kind: fc.constantFrom('payWrongAmount' as const, 'payAtProvider' as const, 'cancel' as const, 'latePay' as const), order: index }),
  fc.record({ kind: fc.constant('refundReport' as const), refund: index, status: fc.nat({ max: REPORTS.length - 1 }) }),
  // Most refunds end in WeChat Pay's SUCCESS report (refunds are few in a run: reports must find them).
  fc.record({ kind: fc.constant('refundReport' as const), refund: index, status: fc.constant(REPORTS.indexOf('SUCCESS')) }),
  // A closed refund asked again may close again: REFUNDCLOSE reports come often enough to retry one.
  fc.record({ kind: fc.constant('refundReport' as const), refund: fc.constant(0), status: fc.constant(REPORTS.indexOf('REFUNDCLOSE')) }),
  // Refunds (and so the refund table's moves) need a paid order first: asked as often as payments.
  fc.record({ kind: fc.constant('refund' as const), order: index, lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('refund' as const), order: index, lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('ship' as const), order: index, lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('ship' as const), order: index, lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('confirm' as const), order: index }),
  fc.record({ kind: fc.constant('ask' as const), order: index, lines: fc.integer({ min: 1, max: 3 }), ret: fc.boolean(), auto: fc.boolean() }),
  fc.record({ kind: fc.constant('ask' as const), order: index, lines: fc.integer({ min: 1, max: 3 }), ret: fc.boolean(), auto: fc.boolean() }),
  fc.record({ kind: fc.constant('review' as const), request: index, approve: fc.boolean() }),
  fc.record({ kind: fc.constant('review' as const), request: index, approve: fc.boolean() }),
  fc.record({ kind: fc.constantFrom('cancelRequest' as const, 'shipBack' as const, 'receiveReturn' as const), request: index }),
  fc.record({ kind: fc.constantFrom('shipBack' as const, 'receiveReturn' as const), request: index }),
  fc.record({ kind: fc.constantFrom('shipBack' as const, 'receiveReturn' as const), request: index }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 24 * 60 }) }),
  fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 12 * 24 * 60 }) }),
);

function newWorld(): LifecycleWorld {
  const w = new LifecycleWorld(START);
  for (const s of SKUS) w.skus.set(s.skuId, { stock: s.stock, sold: 0 });
  for (const buyer of BUYERS) {
    for (const [suffix, allowOnGroup] of [['a', false], ['g', true]] as const) {
      const coupon: Coupon = {
        _id: `c_${buyer}_${suffix}`,
        templateId: `t_${suffix}`,
        ownerOpenid: buyer,
        title: suffix,
        rule: { kind: 'flat_off', amountOffFen: 300 },
        scope: { mode: 'all' },
        allowOnGroup,
        status: 'unused',
        claimedAt: START,
        validFromAt: START,
        validToAt: new Date(START.getTime() + 2 * 24 * 60 * MIN),
        orderId: null,
      };
      w.coupons.set(coupon._id, coupon);
    }
  }
  return w;
}

function couponFor(w: LifecycleWorld, buyer: string, pick: number): Coupon | null {
  if (pick === 0) return null;
  const c = w.coupons.get(`c_${buyer}_${pick === 1 ? 'a' : 'g'}`) ?? null;
  return c && isCouponUsable(c, w.now) ? c : null;
}

function line(i: number, sku: (typeof SKUS)[number], qty: number, unitPriceFen: number): CartLine {
  return { lineId: `L${i + 1}`, productId: sku.productId, skuId: sku.skuId, title: sku.productId, skuName: sku.skuId, qty, unitPriceFen, listPriceFen: sku.priceFen };
}

const refundIdFor = (orderId: string) => (ids: string[]) => `r_${orderId}_${ids.join('_')}`;
const naming = (orderId: string) => ({ provider: 'memory', refundIdFor: refundIdFor(orderId) });

/**
 * The sweep of one tick: unpaid orders past their deadline close, expired teams fail, coupons
 * expire, shipped orders past the auto-confirm delay are received, received orders past the
 * window complete (refused while a request is open).
 */
function sweep(w: LifecycleWorld): void {
  for (const o of [...w.orders.values()]) {
    if (canMove(orderMachine, 'close', o.status) && o.payDeadlineAt <= w.now) w.order(o._id, { type: 'close', reason: 'pay_timeout' });
  }
  w.failExpiredTeams();
  for (const c of w.coupons.values()) w.applyChange(couponChange(c._id, { type: 'expire' }, w.now));
  const cutoff = new Date(w.now.getTime() - AUTO_CONFIRM);
  for (const o of [...w.orders.values()]) {
    const at = (d: Date | null | undefined) => (d ? d.getTime() : Infinity);
    const attempt = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (!isAppError(err)) throw err;
      }
    };
    if (o.status === 'shipped' && at(o.shippedAt) <= cutoff.getTime()) attempt(() => w.order(o._id, { type: 'confirmReceipt', by: 'auto', shippedBefore: cutoff }));
    if (o.status === 'received' && at(o.receivedAt) + WINDOW <= w.now.getTime()) attempt(() => w.order(o._id, { type: 'complete', afterSaleWindowMs: WINDOW }));
  }
}

let asked = 0;

function run(w: LifecycleWorld, cmd: Command): void {
  const orders = [...w.orders.values()];
  const pickOrder = (i: number) => orders[i % Math.max(1, orders.length)];
  const order = (buyer: string, cart: Parameters<LifecycleWorld['createOrder']>[0]['cart'], coupon: number) =>
    w.createOrder({ buyerOpenid: buyer, idempotencyKey: 'k', cart, coupon: couponFor(w, buyer, coupon), attribution: ATTRIBUTION, delivery: NO_DELIVERY }, PAY_TTL);
  /** One unit of the deal's SKU at its group price. */
  const groupLine = (terms: { skuId: string; groupPriceFen: number }) => line(0, SKUS.find((s) => s.skuId === terms.skuId)!, 1, terms.groupPriceFen);
  switch (cmd.kind) {
    case 'buy': {
      const buyer = BUYERS[cmd.buyer];
      const lines = cmd.skus.map((s, i) => line(i, SKUS[s], cmd.qty, SKUS[s].priceFen));
      order(buyer, { mode: 'items', lines, activityDiscountFen: 0, terms: null, team: null }, cmd.coupon);
      return;
    }
    case 'open': {
      const buyer = BUYERS[cmd.buyer];
      const terms = DEALS[cmd.deal];
      order(buyer, { mode: 'open', lines: [groupLine(terms)], activityDiscountFen: terms.leaderPerk?.amountOffFen ?? 0, terms, team: null }, cmd.coupon);
      return;
    }
    case 'join':
    case 'lateJoin': {
      const teams = [...w.teams.values()];
      const team = teams[cmd.team % Math.max(1, teams.length)];
      if (!team) return;
      const buyer = BUYERS[cmd.buyer];
      // A late join decides on the team as read before its joins closed, and takes no coupon.
      const seen = cmd.kind === 'lateJoin' ? { ...team, joinsClosedAt: null } : team;
      decideJoin(seen, { openid: buyer, salesId: null, isNewCustomer: true }, w.now);
      order(buyer, { mode: 'join', lines: [groupLine(team.terms)], activityDiscountFen: 0, terms: team.terms, team: seen }, cmd.kind === 'join' ? cmd.coupon : 0);
      return;
    }
    case 'productOff':
    case 'productOn': {
      const teams = [...w.teams.values()].filter((t) => t.status === 'forming');
      const team = teams[cmd.team % Math.max(1, teams.length)];
      if (!team) return;
      // catalog.setStatus: one bulk write on the product's forming teams.
      team.joinsClosedAt = cmd.kind === 'productOff' ? w.now : null;
      if (cmd.kind === 'productOff') seatsWhenClosed.set(team._id, team.seatsTaken);
      else seatsWhenClosed.delete(team._id);
      return;
    }
    case 'pay':
    case 'payWrongAmount': {
      // Mostly an unpaid order (payments are what customers do most); sometimes any (a replay).
      const pending = orders.filter((x) => x.status === 'pending_pay');
      const o = cmd.order < 6 && pending.length > 0 ? pending[cmd.order % pending.length] : pickOrder(cmd.order);
      if (o) w.order(o._id, { type: 'pay', tradeNo: `wx_${o._id}`, amountFen: o.totalFen + (cmd.kind === 'payWrongAmount' ? 1 : 0) });
      return;
    }
    case 'payAtProvider': {
      // The payer paid at the provider; the notice has not arrived (or never will).
      const pending = orders.filter((x) => x.status === 'pending_pay');
      if (pending.length > 0) w.paidAtProvider.add(pending[cmd.order % pending.length]._id);
      return;
    }
    case 'refundReport': {
      const refunds = [...w.refunds.values()];
      const r = refunds[cmd.refund % Math.max(1, refunds.length)];
      const status = REPORTS[cmd.status];
      if (r) w.reportRefund(r._id, { status, ...(status === 'NOTEXIST' ? {} : { refundFen: r.refundFen, providerRefundId: `p_${r._id}` }) });
      return;
    }
    case 'cancel': {
      const o = pickOrder(cmd.order);
      if (o) w.order(o._id, { type: 'cancel' });
      return;
    }
    case 'latePay': {
      const o = pickOrder(cmd.order);
      if (o) w.order(o._id, { type: 'acceptLatePayment', tradeNo: `late_${o._id}`, amountFen: o.totalFen, provider: 'memory', refundId: `rl_${o._id}` });
      return;
    }
    case 'refund': {
      const o = pickOrder(cmd.order);
      if (!o) return;
      const lineIds = o.lines.filter((_l, i) => (cmd.lines >> i) & 1).map((l) => l.lineId);
      w.order(o._id, { type: 'refund', lineIds: lineIds.length ? lineIds : undefined, reason: 'test', ...naming(o._id) });
      return;
    }
    case 'ship': {
      // Mostly an order to ship (ops work the to-ship list), sometimes any.
      const toShip = orders.filter((x) => x.status === 'to_ship');
      const o = cmd.order < 6 && toShip.length > 0 ? toShip[cmd.order % toShip.length] : pickOrder(cmd.order);
      if (!o) return;
      const lineIds = o.lines.filter((_l, i) => (cmd.lines >> i) & 1).map((l) => l.lineId);
      w.order(o._id, { type: 'ship', lineIds: lineIds.length ? lineIds : [o.lines[0].lineId], shipmentId: `sh_${o._id}_${w.moves.length}`, carrier: 'SF', trackingNo: 'SF1234567890123', by: 'ops' });
      return;
    }
    case 'confirm': {
      const o = pickOrder(cmd.order);
      if (o) w.order(o._id, { type: 'confirmReceipt', by: 'buyer' });
      return;
    }
    case 'ask': {
      const after = orders.filter((x) => ['to_ship', 'shipped', 'received'].includes(x.status));
      const o = cmd.order < 6 && after.length > 0 ? after[cmd.order % after.length] : pickOrder(cmd.order);
      if (!o) return;
      const lineIds = o.lines.filter((_l, i) => (cmd.lines >> i) & 1).map((l) => l.lineId);
      w.requestAfterSale(o._id, {
        requestId: `as${++asked}`,
        lineIds: lineIds.length ? lineIds : [o.lines[0].lineId],
        kind: cmd.ret ? 'return' : 'refund',
        reason: 'test',
        photos: [],
        rules: { windowMs: WINDOW, autoApproveUnshipped: cmd.auto },
        ...naming(o._id),
      });
      return;
    }
    case 'review':
    case 'cancelRequest':
    case 'shipBack':
    case 'receiveReturn': {
      const requests = [...w.requests.values()];
      const open = requests.filter((r) => OPEN_AFTERSALE_STATUSES.includes(r.status));
      const r = cmd.request < 6 && open.length > 0 ? open[cmd.request % open.length] : requests[cmd.request % Math.max(1, requests.length)];
      if (!r) return;
      if (cmd.kind === 'shipBack') w.shipBack(r._id);
      else if (cmd.kind === 'review') w.afterSale(r._id, cmd.approve ? { type: 'approve', note: 'ok', by: 'ops', ...naming(r.orderId) } : { type: 'reject', note: 'no', by: 'ops' });
      else if (cmd.kind === 'cancelRequest') w.afterSale(r._id, { type: 'cancel' });
      else w.afterSale(r._id, { type: 'receiveReturn', by: 'ops', ...naming(r.orderId) });
      return;
    }
    case 'tick':
      w.now = new Date(w.now.getTime() + cmd.minutes * MIN);
      sweep(w);
      return;
  }
}

/** Seats of each team when its joins were closed (none may be taken while closed). */
const seatsWhenClosed = new Map<string, number>();

const PAID = new Set(['paid', 'to_ship', 'shipped', 'received', 'completed']);
const LIVE = new Set(['pending_pay', ...PAID]);
const RELEASED = new Set(['cancelled', 'closed']);

function violations(w: LifecycleWorld): string[] {
  const out: string[] = [];
  for (const m of w.moves) {
    if (m.move === '(create)') continue;
    const machine = MACHINES.find((x) => x.name === m.machine)!;
    if (!canMove(machine, m.move, m.from) || targetOf(machine, m.move, m.from) !== m.to) out.push(`${m.machine}.${m.move} ${m.from} → ${m.to} is not in its table`);
  }
  const states = (machine: Machine<string, string>, docs: Iterable<{ _id: string; status: string }>) => {
    for (const d of docs) if (!machine.states.includes(d.status)) out.push(`${machine.name} ${d._id} is ${d.status}`);
  };
  states(orderMachine, w.orders.values());
  states(teamMachine, w.teams.values());
  states(memberMachine, w.members.values());
  states(couponMachine, w.coupons.values());
  states(afterSaleMachine, w.requests.values());
  states(refundMachine, w.refunds.values());
  for (const id of w.paidAtProvider) {
    const o = w.orders.get(id)!;
    if (o.status === 'cancelled' || o.status === 'closed') out.push(`order ${id} was paid at the provider but released (${o.status})`);
  }
  for (const r of w.refunds.values()) if (w.payouts.get(r._id) !== r.refundFen) out.push(`refund ${r._id} of ${r.refundFen} paid out ${w.payouts.get(r._id)}`);

  for (const s of SKUS) {
    // Units held: every line of an order not released whose goods did not come back (a line refunded after shipping stays sold).
    const held = [...w.orders.values()].filter((o) => !RELEASED.has(o.status)).flatMap((o) => o.lines).filter((l) => l.skuId === s.skuId && !isStockReturned(l)).reduce((n, l) => n + l.qty, 0);
    const sku = w.skus.get(s.skuId)!;
    if (sku.stock + held !== s.stock || sku.sold !== held || sku.stock < 0) out.push(`sku ${s.skuId}: stock ${sku.stock}, sold ${sku.sold}, held ${held}, initial ${s.stock}`);
  }
  for (const t of w.teams.values()) {
    const members = [...w.members.values()].filter((m) => m.teamId === t._id);
    if (t.seatsTaken !== members.length || t.seatsTaken > t.size) out.push(`team ${t._id}: ${t.seatsTaken} seats, ${members.length} members, size ${t.size}`);
    const paid = members.filter((m) => m.status !== 'pending_pay').length;
    if (t.status !== 'failed' && t.paidCount !== paid) out.push(`team ${t._id} (${t.status}): paidCount ${t.paidCount}, ${paid} paid members`);
    const tier = t.terms.tiers ? reachedTier(t.terms.tiers, t.paidCount) : null;
    if (t.status === 'succeeded' && t.paidCount !== t.size && !(tier && t.tier?.size === tier.size)) out.push(`team ${t._id} succeeded with ${t.paidCount}/${t.size} at tier ${JSON.stringify(t.tier)}`);
    // A ladder team succeeded at its tier: each counted order still kept whole got the difference back once (never more than it paid).
    if (t.status === 'succeeded' && tier) {
      if (t.tier?.size !== tier.size || t.rebatesDue) out.push(`ladder team ${t._id}: tier ${JSON.stringify(t.tier)} for ${t.paidCount} paid, rebates due ${t.rebatesDue}`);
      for (const id of t.paidOrders ?? []) {
        const o = w.orders.get(id)!;
        const want = o.paidFen - Math.min(t.terms.groupPriceFen - tier.priceFen, o.paidFen);
        if (o.status !== 'refunded' && o.lines.every(isKeptLine) && o.paidFen - o.refundedFen !== want) {
          out.push(`ladder order ${id} keeps ${o.paidFen - o.refundedFen} at tier ${tier.priceFen}`);
        }
      }
    }
    if (t.joinsClosedAt && t.seatsTaken > (seatsWhenClosed.get(t._id) ?? Infinity)) out.push(`team ${t._id} took a seat while its joins were closed`);
  }
  for (const m of w.members.values()) {
    const o = w.orders.get(m.orderId);
    const ok = o && (m.status === 'pending_pay' ? o.status === 'pending_pay' : m.status === 'paid' ? PAID.has(o.status) : o.status === 'refunded');
    if (!ok) out.push(`member ${m._id} is ${m.status}, its order is ${o?.status}`);
  }
  if (w.coupons.size !== BUYERS.length * 2) out.push(`${w.coupons.size} coupons`);
  for (const c of w.coupons.values()) {
    const o = c.orderId ? w.orders.get(c.orderId) : undefined;
    const want = c.status === 'locked' ? o?.status === 'pending_pay' : c.status === 'used' ? !!o && PAID.has(o.status) : c.orderId === null;
    if (!want || (o && o.couponId !== c._id)) out.push(`coupon ${c._id} is ${c.status} for ${c.orderId} (${o?.status})`);
  }
  for (const o of w.orders.values()) {
    if (o.couponId && LIVE.has(o.status) && w.coupons.get(o.couponId)?.orderId !== o._id) out.push(`order ${o._id} (${o.status}) lost coupon ${o.couponId}`);
    if (o.refundedFen > o.paidFen) out.push(`order ${o._id} refunded ${o.refundedFen} of ${o.paidFen}`);
    const states = o.lines.map(lineStateOf);
    for (const l of o.lines) {
      const held = afterSaleOf(l);
      const r = held ? w.requests.get(held) : undefined;
      if (held && (!r || !OPEN_AFTERSALE_STATUSES.includes(r.status) || !r.lineIds.includes(l.lineId))) out.push(`line ${o._id}/${l.lineId} held by ${held} (${r?.status})`);
      if (lineStateOf(l) === 'shipped' && !l.shipmentId) out.push(`line ${o._id}/${l.lineId} shipped without a shipment`);
    }
    if (['shipped', 'received', 'completed'].includes(o.status) && states.includes('open')) out.push(`order ${o._id} is ${o.status} with a line still to ship`);
    if (o.status === 'completed' && o.lines.some((l) => afterSaleOf(l) !== null)) out.push(`order ${o._id} completed with a request open`);
    if (o.status === 'refunded' && states.some((x) => x === 'open' || x === 'shipped')) out.push(`order ${o._id} refunded with a kept line`);
  }
  for (const r of w.requests.values()) {
    const o = w.orders.get(r.orderId);
    if (!o) continue;
    if (OPEN_AFTERSALE_STATUSES.includes(r.status)) for (const id of r.lineIds) if (afterSaleOf(o.lines.find((l) => l.lineId === id)!) !== r._id) out.push(`request ${r._id} (${r.status}) does not hold line ${id}`);
    if (r.status === 'refunded' && r.lineIds.some((id) => !['refunded', 'refunded_shipped', 'returned'].includes(lineStateOf(o.lines.find((l) => l.lineId === id)!)))) out.push(`request ${r._id} refunded but its lines are kept`);
  }
  return out;
}

const seen = new Set<string>();

it('random command sequences never reach a forbidden state; stock, seats and coupons are conserved', () => {
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 60, size: 'max' }), (commands) => {
      const w = newWorld();
      seatsWhenClosed.clear();
      for (const cmd of commands) {
        try {
          run(w, cmd);
        } catch (err) {
          if (!isAppError(err)) throw err; // a refusal is a business outcome; anything else is a bug
        }
        expect(violations(w)).toEqual([]);
      }
      for (const m of w.moves as MadeMove[]) seen.add(`${m.machine}.${m.move}`);
    }),
    { numRuns: 1000, seed: 16 },
  );
});

it('over those runs every move of every table was made (no state or move that nothing writes)', () => {
  const all = MACHINES.flatMap((m) => Object.keys(m.moves).map((move) => `${m.name}.${move}`));
  expect(all.filter((k) => !seen.has(k))).toEqual([]);
});
