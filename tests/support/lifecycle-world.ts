/**
 * An in-memory world for the lifecycle property test: orders (and their lines), after-sale
 * requests, SKUs, coupons, teams and members, moved only by shared/lifecycle's decisions and
 * effects, with the same guard rule the functions' writer uses (a change wins when the entity's
 * status is one of the move's source states and its `requires` hold, dotted paths included).
 * Records every move it made, so a test can check each against its table.
 */
import { AppError } from '../../shared/errors';
import type { Coupon } from '../../shared/coupons';
import type { AfterSaleRequest } from '../../shared/orders';
import type { Team, TeamMember } from '../../shared/groupbuy';
import {
  ENTITY_MACHINES,
  afterSaleMachine,
  canMove,
  changesOf,
  decideAfterSale,
  decideAfterSaleRequest,
  decideShipBack,
  readyToShipChange,
  type AfterSaleCommand,
  type AfterSaleDecision,
  type LineMoveMade,
  type NewAfterSale,
  type OrderDecision,
  decideAfterPayment,
  decideCreateOrder,
  decideExpiry,
  decideOrder,
  decideRefundProgress,
  decideTeam,
  lineMachine,
  orderMachine,
  payDecision,
  reactToOrderEvent,
  sourcesOf,
  targetOf,
  teamChange,
  teamMachine,
  type Condition,
  type Effect,
  type EntityChange,
  type Machine,
  type NewOrderInput,
  type OrderCommand,
  type OrderEvent,
  type Payout,
  type PayoutEffect,
  type RefundReport,
} from '../../shared/lifecycle';
import type { Order, Refund } from '../../shared/orders';
import type { BalanceEntry } from '../../shared/payouts';
import type { Bargain } from '../../shared/bargain';

type Doc = { _id: string; status: string } & Record<string, unknown>;

/** One move the world made: which entity, which move, from which state to which. */
export interface MadeMove {
  machine: string;
  move: string;
  id: string;
  from: string;
  to: string;
}

/** The value at a dotted path (`lines.0.state`), as a query's field path reads it. */
function valueAt(doc: Record<string, unknown>, path: string): unknown {
  let v: unknown = doc;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function holds(doc: Record<string, unknown>, c: Condition): boolean {
  if (c.op === 'in') return (c.value as readonly unknown[]).includes(valueAt(doc, c.field));
  if (c.op === 'has' || c.op === 'lacks') {
    const at = valueAt(doc, c.field);
    const list = Array.isArray(at) ? (at as unknown[]) : [];
    return list.includes(c.value) === (c.op === 'has');
  }
  const v = valueAt(doc, c.field) as string | number | Date | null | undefined;
  const a = v instanceof Date ? v.getTime() : v ?? null;
  const b = c.value instanceof Date ? c.value.getTime() : c.value;
  switch (c.op) {
    case 'eq':
      return a === b;
    case 'lt':
      return a !== null && b !== null && a < b;
    case 'lte':
      return a !== null && b !== null && a <= b;
    case 'gt':
      return a !== null && b !== null && a > b;
    case 'gte':
      return a !== null && b !== null && a >= b;
  }
}

/** The world. Time is set by the test; nothing here reads the clock. */
export class LifecycleWorld {
  now: Date;
  readonly skus = new Map<string, { stock: number; sold: number; holds?: Set<string> }>();
  readonly coupons = new Map<string, Coupon>();
  readonly orders = new Map<string, Order>();
  readonly teams = new Map<string, Team>();
  readonly members = new Map<string, TeamMember>();
  readonly requests = new Map<string, AfterSaleRequest>();
  /** Per deal and customer: the orders counted. */
  readonly dealUses = new Map<string, Set<string>>();
  /** What the provider paid back, per refund id (asking again with the same id pays nothing more). */
  readonly payouts = new Map<string, number>();
  /** Refund records, written with the order's refund move. */
  readonly refunds = new Map<string, Refund>();
  /** Orders the payer paid at the provider whose notice has not arrived: closing their charge answers "paid". */
  readonly paidAtProvider = new Set<string>();
  /** Payout requests, the salespeople's open-request slots, and the commission ledger they draw on. */
  readonly payoutRequests = new Map<string, Payout>();
  readonly payoutSlots = new Map<string, { openPayoutId: string | null; payoutSeq: number }>();
  readonly ledger: BalanceEntry[] = [];
  /** Bargains (砍价), as `bargains/{id}`. */
  readonly bargains = new Map<string, Bargain>();
  readonly moves: MadeMove[] = [];
  private seq = 0;

  constructor(now: Date) {
    this.now = now;
  }

  private docs(entity: EntityChange['entity']): Map<string, Doc> {
    const maps = { order: this.orders, team: this.teams, member: this.members, coupon: this.coupons, aftersale: this.requests, refund: this.refunds, payout: this.payoutRequests, bargain: this.bargains };
    return maps[entity] as unknown as Map<string, Doc>;
  }

  /** Makes a change as the functions' guarded write does; true when it won. */
  applyChange(change: EntityChange): boolean {
    const docs = this.docs(change.entity);
    const doc = docs.get(change.id);
    const machine = ENTITY_MACHINES[change.entity] as Machine<string, string>;
    if (!doc || !sourcesOf(machine, change.move).includes(doc.status) || !change.requires.every((c) => holds(doc, c))) return false;
    const to = targetOf(machine, change.move, doc.status);
    this.moves.push({ machine: machine.name, move: change.move, id: change.id, from: doc.status, to });
    if ('remove' in change && change.remove) {
      docs.delete(change.id);
      return true;
    }
    Object.assign(doc, change.set);
    for (const [field, n] of Object.entries(change.inc)) doc[field] = Number(doc[field] ?? 0) + n;
    for (const [field, value] of Object.entries(change.push ?? {})) doc[field] = [...((doc[field] as unknown[] | undefined) ?? []), value];
    for (const [field, value] of Object.entries(change.pull ?? {})) doc[field] = ((doc[field] as unknown[] | undefined) ?? []).filter((x) => x !== value);
    if (doc.status !== to) throw new Error(`${machine.name}.${change.move} set status ${doc.status}, the table says ${to}`);
    return true;
  }

  /** A payout effect as `_commerce/effects.ts` applies it (same guards); true when it won. */
  applyPayoutEffect(effect: PayoutEffect): boolean {
    const slot = (id: string) => this.payoutSlots.get(id) ?? { openPayoutId: null, payoutSeq: 0 };
    switch (effect.type) {
      case 'holdPayoutSlot': {
        const s = slot(effect.salesId);
        if (s.openPayoutId !== null || s.payoutSeq !== effect.seq - 1) return false;
        this.payoutSlots.set(effect.salesId, { openPayoutId: effect.payoutId, payoutSeq: effect.seq });
        return true;
      }
      case 'releasePayoutSlot': {
        const s = slot(effect.salesId);
        if (s.openPayoutId !== effect.payoutId) return false;
        this.payoutSlots.set(effect.salesId, { ...s, openPayoutId: null });
        return true;
      }
      case 'recordPayoutPaid':
        if (this.ledger.some((e) => e.payoutId === effect.entry.payoutId && e.kind === 'paid')) return false;
        this.ledger.push({ ...effect.entry });
        return true;
    }
  }

  /** A new order with its reservations, each undone when a later one is refused (like Steps). */
  createOrder(input: Omit<NewOrderInput, 'orderId' | 'newTeamId' | 'now' | 'payDeadlineAt'>, payTtlMs: number): Order {
    const id = `o${++this.seq}`;
    const decision = decideCreateOrder({ ...input, orderId: id, newTeamId: `t${this.seq}`, now: this.now, payDeadlineAt: new Date(this.now.getTime() + payTtlMs) });
    const undos: Array<() => void> = [];
    this.orders.set(id, decision.order);
    this.moves.push({ machine: 'order', move: '(create)', id, from: '', to: decision.order.status });
    try {
      for (const effect of decision.effects) if (effect.type !== 'emit') undos.push(this.reserve(effect));
    } catch (err) {
      for (const undo of undos.reverse()) undo();
      this.orders.delete(id);
      throw err;
    }
    return decision.order;
  }

  private reserve(effect: Effect): () => void {
    const refuse = (ok: boolean, code: ConstructorParameters<typeof AppError>[0]) => {
      if (!ok) throw new AppError(code, code);
    };
    switch (effect.type) {
      case 'openTeam':
        this.teams.set(effect.team._id, { ...effect.team });
        return () => this.teams.delete(effect.team._id);
      case 'takeSeat': {
        refuse(!this.members.has(effect.member._id), 'ALREADY_JOINED');
        const seat = changesOf(effect, this.now);
        if (seat.length > 0) refuse(this.applyChange(seat[0]), effect.expiresAt <= this.now ? 'EXPIRED' : 'GROUP_FULL');
        this.members.set(effect.member._id, { ...effect.member });
        const { teamId, _id: memberId, orderId } = effect.member;
        return () => {
          this.members.delete(effect.member._id);
          if (seat.length > 0) this.applyChange(changesOf({ type: 'releaseSeat', teamId, memberId, orderId }, this.now)[1]);
        };
      }
      case 'countDealUse': {
        const key = `${effect.dealId}/${effect.openid}`;
        const uses = this.dealUses.get(key) ?? new Set<string>();
        refuse(uses.size < effect.limit && !uses.has(effect.orderId), 'LIMIT_REACHED');
        uses.add(effect.orderId);
        this.dealUses.set(key, uses);
        return () => uses.delete(effect.orderId);
      }
      case 'lockCoupon': {
        refuse(this.applyChange(changesOf(effect, this.now)[0]), 'FAILED_PRECONDITION');
        return () => this.applyChange(changesOf({ type: 'releaseCoupon', couponId: effect.couponId, orderId: effect.orderId }, this.now)[0]);
      }
      case 'reserveStock': {
        const sku = this.skus.get(effect.skuId);
        refuse(!!sku && sku.stock >= effect.qty && !sku.holds?.has(effect.holdId), 'SOLD_OUT');
        sku!.stock -= effect.qty;
        sku!.sold += effect.qty;
        sku!.holds = (sku!.holds ?? new Set()).add(effect.holdId);
        return () => this.apply({ type: 'returnStock', skuId: effect.skuId, qty: effect.qty, holdId: effect.holdId });
      }
      default:
        throw new Error(`${effect.type} is not a reservation`);
    }
  }

  /** Applies a follow-up effect as the functions' writer does (each guarded to apply once); returns whether its guard matched. */
  apply(effect: Effect): boolean {
    switch (effect.type) {
      case 'returnStock': {
        const sku = this.skus.get(effect.skuId)!;
        if (!sku.holds?.delete(effect.holdId)) return false;
        sku.stock += effect.qty;
        sku.sold -= effect.qty;
        return true;
      }
      case 'settleStock':
        return this.skus.get(effect.skuId)!.holds?.delete(effect.holdId) ?? false;
      case 'restock': {
        const sku = this.skus.get(effect.skuId)!;
        sku.holds?.delete(effect.holdId);
        sku.stock += effect.qty;
        sku.sold -= effect.qty;
        return true;
      }
      case 'uncountDealUse':
        return this.dealUses.get(`${effect.dealId}/${effect.openid}`)?.delete(effect.orderId) ?? false;
      case 'releaseSeat': {
        const [release, unseat] = changesOf(effect, this.now);
        const removed = this.applyChange(release);
        return this.applyChange(unseat) || removed;
      }
      case 'refund':
        if (!this.refunds.has(effect.refund._id)) this.refunds.set(effect.refund._id, { ...effect.refund });
        if (!this.payouts.has(effect.refund._id)) this.payouts.set(effect.refund._id, effect.refund.refundFen);
        return true;
      case 'shipTeam': {
        let moved = false;
        for (const o of this.orders.values()) {
          if (o.teamId !== effect.teamId || (effect.orderIds && !effect.orderIds.includes(o._id))) continue;
          if (this.applyChange(readyToShipChange(o._id, this.now))) moved = true;
        }
        return moved;
      }
      case 'rebateTier':
        // As the functions do: a difference no longer owed (refunded meanwhile, or made already) is done.
        try {
          return this.order(effect.orderId, { type: 'rebate', tier: effect.tier, provider: 'memory', refundId: `rr_${effect.orderId}` });
        } catch (err) {
          if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') return false;
          throw err;
        }
      default:
        return changesOf(effect, this.now).every((c) => this.applyChange(c));
    }
  }

  /** Delivers an order's events: the reactions, and a refund when its team could not take the payment. */
  private deliver(order: Order, events: OrderEvent[]): void {
    for (const event of events) {
      let teamTookPayment = true;
      for (const effect of reactToOrderEvent(order, event)) {
        this.apply(effect);
        if (effect.type === 'payMember' && order.teamId && order.dealTerms) {
          this.applyChange(teamChange(order.teamId, order.dealTerms.groupSize, { type: 'countPayment', orderId: order._id }, this.now));
          const after = decideAfterPayment(this.teams.get(order.teamId), order._id, this.now);
          if (after.type === 'succeed' && this.applyChange(after.decision.change)) this.applySuccess(order.teamId, after.effects);
          teamTookPayment = after.type !== 'reject';
        }
      }
      if (!teamTookPayment) this.order(order._id, { type: 'refund', reason: 'team_failed', provider: 'memory', refundIdFor: (ids) => `r_${order._id}_${ids.join('_')}` });
    }
  }

  /**
   * A command on an order: its decision, its gate (a release first closes the charge: one paid at
   * the provider meanwhile is applied as a payment instead), its guarded move, then its effects and events.
   */
  order(orderId: string, command: OrderCommand): boolean {
    const order = this.orders.get(orderId);
    if (!order) return false;
    const decision = command.type === 'pay' ? payDecision(orderId, command, this.now) : decideOrder(order, command, this.now);
    if (decision.gate?.type === 'closeCharge' && this.paidAtProvider.has(orderId)) {
      return this.order(orderId, { type: 'pay', tradeNo: `wx_${orderId}`, amountFen: order.totalFen });
    }
    return this.write(order, decision);
  }

  /** Writes an order decision as its guarded move, records its lines' moves, applies its effects and delivers its events. */
  private write(order: Order, decision: OrderDecision, alsoWrite?: () => void): boolean {
    if (!this.applyChange(decision.change)) return false;
    alsoWrite?.();
    this.recordLineMoves(order._id, decision.lineMoves ?? []);
    const events = decision.effects.flatMap((e) => (e.type === 'emit' ? [e.event] : []));
    for (const effect of decision.effects) if (effect.type !== 'emit') this.apply(effect);
    this.deliver(order, events);
    return true;
  }

  private recordLineMoves(orderId: string, moves: readonly LineMoveMade[]): void {
    for (const m of moves) this.moves.push({ machine: lineMachine.name, move: m.move, id: `${orderId}/${m.lineId}`, from: m.from, to: m.to });
  }

  /** Records the request's move and stores it, when the order's write of the decision wins (one transaction in the functions). */
  private writeAfterSale(order: Order, d: AfterSaleDecision, from: string): boolean {
    return this.write(order, d.order, () => {
      this.moves.push({ machine: afterSaleMachine.name, move: d.move === 'open' ? '(create)' : d.move, id: d.request._id, from, to: d.request.status });
      this.requests.set(d.request._id, d.request);
    });
  }

  /** A buyer's after-sale request on an order. */
  requestAfterSale(orderId: string, input: NewAfterSale): boolean {
    const order = this.orders.get(orderId);
    if (!order) return false;
    const d = decideAfterSaleRequest(order, input, this.now);
    return this.writeAfterSale(order, d, d.move === 'open' ? '' : afterSaleMachine.initial);
  }

  /** A move of an open request (review, cancel, goods received back). */
  afterSale(requestId: string, command: AfterSaleCommand): boolean {
    const request = this.requests.get(requestId);
    const order = request && this.orders.get(request.orderId);
    if (!request || !order) return false;
    return this.writeAfterSale(order, decideAfterSale(order, request, command, this.now), request.status);
  }

  /** The buyer's return parcel left (the request's own guarded write). */
  shipBack(requestId: string): boolean {
    const request = this.requests.get(requestId);
    if (!request) return false;
    return this.applyChange(decideShipBack(request, { carrier: 'SF', trackingNo: 'SF1234567890123' }, this.now).change);
  }

  /** The provider reports on a refund (its notice, or queryRefund): the refund's move, then what follows. */
  reportRefund(refundId: string, report: RefundReport): boolean {
    const refund = this.refunds.get(refundId);
    if (!refund) return false;
    const progress = decideRefundProgress(refund, report, refund.refundFen, this.now);
    const moved = progress.change ? this.applyChange(progress.change) : false;
    for (const effect of progress.effects) this.apply(effect);
    return moved;
  }

  /** A success's effects, then (a ladder team's difference refunds all made) its rebates settled. */
  private applySuccess(teamId: string, effects: readonly Effect[]): void {
    for (const e of effects) this.apply(e);
    this.applyChange(teamChange(teamId, 0, { type: 'settleRebates' }, this.now));
  }

  /**
   * The sweep's team step: every expired forming team reaches its tier (a ladder team at or above
   * its first) or fails; a failed team's member orders are refunded or closed; it settles.
   */
  failExpiredTeams(): void {
    for (const team of [...this.teams.values()]) {
      if (!canMove(teamMachine, 'fail', team.status) || team.expiresAt > this.now) continue;
      const expiry = decideExpiry(team, this.now);
      if (!this.applyChange(expiry.decision.change)) continue;
      if (expiry.type === 'reachTier') {
        this.applySuccess(team._id, expiry.effects);
        continue;
      }
      for (const order of [...this.orders.values()].filter((o) => o.teamId === team._id)) {
        if (canMove(orderMachine, 'refundAll', order.status)) {
          this.order(order._id, { type: 'refund', reason: 'team_failed', provider: 'memory', refundIdFor: (ids) => `r_${order._id}_${ids.join('_')}` });
        } else if (canMove(orderMachine, 'close', order.status)) {
          this.order(order._id, { type: 'close', reason: 'team_failed' });
        }
      }
      this.applyChange(decideTeam(team, { type: 'settle' }, this.now).change);
    }
  }
}
