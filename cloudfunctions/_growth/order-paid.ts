import { stableId, store } from '../_platform';
import {
  assessReferral,
  counterPaths,
  dayKey,
  isLive,
  rewardDueAt,
  splitCommission,
  type Metrics,
} from '../../shared/growth';
import type { HookCtx, OrderFacts } from './index';
import { incDayCounters, incShare, incTotals } from './counters';
import { loadCommissionPlan, loadReferralProgram } from './live-docs';
import type { GrowthUserFields } from './user-fields';

const DAY_MS = 86_400_000;

/** Ledger entry (append-only, deterministic id per fact). */
export interface LedgerEntry {
  _id: string;
  kind: 'pending' | 'settleable' | 'reversed' | 'paid';
  salesId: string;
  orderId: string;
  lineId: string;
  productId: string;
  buyerOpenid: string;
  amountFen: number;
  baseFen: number;
  createdAt: Date;
  /** pending: when it becomes settleable. */
  settleAt?: Date;
  planId?: string;
  rule?: unknown;
  refundId?: string;
  refundFen?: number;
}

/** `growth_orders/{orderId}`: the growth loop's copy of a paid order (facts, commission, refunds). */
export interface GrowthOrder {
  _id: string;
  buyerOpenid: string;
  salesId: string | null;
  shareId: string | null;
  rootShareId: string | null;
  depth: number;
  referrerOpenid: string | null;
  campaign: string | null;
  experiments: Record<string, string>;
  lines: Array<{ lineId: string; productId: string; qty: number; paidFen: number; commissionFen: number; rule?: unknown }>;
  totalFen: number;
  paidAt: Date;
  commissionFen: number;
  refundedFen: number;
  refundedByLine: Record<string, number>;
  appliedRefunds: string[];
  rev: number;
  /** Referral candidate created by this order (the buyer's first paid order). */
  referral: { minOrderFen: number } | null;
  couponId: string | null;
  discountFen: number;
  dealId: string | null;
  planId: string | null;
  settleAt: Date | null;
}

function scopesOf(order: OrderFacts) {
  return { salesId: order.attribution.salesId, campaign: order.attribution.campaign ?? null, experiments: order.attribution.experiments };
}

/**
 * Round trips: 1 (day counter). The commerce core calls it exactly once per order, from the
 * request that won the order insert (the insert is the idempotency guard), after every
 * reservation succeeded — so no marker is needed.
 */
export async function onOrderCreatedImpl(ctx: HookCtx, order: OrderFacts): Promise<void> {
  const m: Metrics = { orders: 1, shareOrders: order.attribution.shareId ? 1 : 0 };
  await incDayCounters(ctx.now, counterPaths(scopesOf(order), m));
}

/**
 * Round trips (first delivery): 2 reads (plan, program) + 1 marker (growth_orders) + 1 ledger
 * batch + 1 first-payment check (updateAndReturn) + 1 day counter + 1 totals + 1 share node;
 * for a referred new customer's first order + 1 referrer read + 1 day-count + 1 referral insert.
 * + 1 payer-of-the-day marker. A replay stops after the marker insert.
 */
export async function onOrderPaidImpl(ctx: HookCtx, order: OrderFacts): Promise<void> {
  const paidAt = order.paidAt ? new Date(order.paidAt) : ctx.now;
  const a = order.attribution;
  const [plan, program] = await Promise.all([loadCommissionPlan(paidAt), loadReferralProgram(paidAt)]);
  const commission = a.salesId && plan ? splitCommission(plan, order.lines) : [];
  const byLine = new Map(commission.map((c) => [c.lineId, c]));
  const commissionFen = commission.reduce((s, c) => s + c.amountFen, 0);

  const growthOrder: GrowthOrder = {
    _id: order._id,
    buyerOpenid: order.buyerOpenid,
    salesId: a.salesId,
    shareId: a.shareId,
    rootShareId: a.rootShareId,
    depth: a.depth,
    referrerOpenid: a.referrerOpenid,
    campaign: a.campaign ?? null,
    experiments: a.experiments ?? {},
    lines: order.lines.map((l) => ({ lineId: l.lineId, productId: l.productId, qty: l.qty, paidFen: l.paidFen, commissionFen: byLine.get(l.lineId)?.amountFen ?? 0, rule: byLine.get(l.lineId)?.rule ?? null })),
    totalFen: order.totalFen,
    paidAt,
    commissionFen,
    refundedFen: 0,
    refundedByLine: {},
    appliedRefunds: [],
    rev: 0,
    referral: null,
    couponId: order.couponId ?? null,
    discountFen: order.discountFen ?? 0,
    dealId: order.dealId ?? null,
    planId: a.salesId && plan ? plan._id : null,
    settleAt: a.salesId && plan ? new Date(paidAt.getTime() + plan.settleAfterDays * DAY_MS) : null,
  };
  if (!(await store.insertOnce('growth_orders', growthOrder))) {
    // Already applied (a replay). Re-assert the ledger entries from the stored copy, so a first
    // run that stopped after its marker still ends with its commission (ids are deterministic).
    await reassertLedger(ctx, order._id);
    return;
  }

  const entries = pendingEntries(ctx, growthOrder);
  if (entries.length > 0) await store.insert('commission_ledger', entries);

  // First paid order of this buyer? (one conditional write that also returns the buyer)
  const buyer = await store.updateAndReturn<GrowthUserFields & { _id: string }>(
    'users',
    { _id: order.buyerOpenid, firstPaidAt: null },
    { firstPaidAt: paidAt, firstPaidOrderId: order._id },
  );
  const isFirst = buyer !== undefined;

  let referralCreated = false;
  if (isFirst && buyer?.referrerOpenid && program && isLive(program, paidAt)) {
    referralCreated = await recordReferralCandidate(ctx, program, order, buyer, paidAt);
    if (referralCreated) {
      await store.updateById('growth_orders', order._id, { referral: { minOrderFen: program.minOrderFen } });
    }
  }

  // Created orders are counted by onOrderCreated; here only the payer-of-the-day marker.
  const payerToday = await store.insertOnce('counters', { _id: `pd:${dayKey(paidAt)}:${order.buyerOpenid}`, at: ctx.now });
  const m: Metrics = {
    paidOrders: 1,
    sharePaidOrders: a.shareId ? 1 : 0,
    gmvFen: order.totalFen,
    payers: payerToday ? 1 : 0,
    newPayers: isFirst ? 1 : 0,
    commissionFen,
    couponOrders: order.couponId ? 1 : 0,
    discountFen: order.couponId ? order.discountFen ?? 0 : 0,
    groupOrders: order.dealId || order.teamId ? 1 : 0,
    referrals: referralCreated ? 1 : 0,
  };
  await Promise.all([
    incDayCounters(paidAt, counterPaths(scopesOf(order), m)),
    a.salesId && commissionFen > 0 ? incTotals(counterPaths({ salesId: a.salesId }, { commissionFen })) : Promise.resolve(),
    a.shareId ? incShare(a.shareId, { paidOrders: 1, gmvFen: order.totalFen }) : Promise.resolve(),
  ]);
}

/** The pending ledger entries of a paid order (deterministic ids: one per order line). */
function pendingEntries(ctx: HookCtx, g: GrowthOrder): LedgerEntry[] {
  if (!g.salesId || !g.planId || !g.settleAt) return [];
  return g.lines
    .filter((l) => l.commissionFen > 0)
    .map((l) => ({
      _id: stableId(g._id, l.lineId, 'pending'),
      kind: 'pending',
      salesId: g.salesId as string,
      orderId: g._id,
      lineId: l.lineId,
      productId: l.productId,
      buyerOpenid: g.buyerOpenid,
      amountFen: l.commissionFen,
      baseFen: l.paidFen,
      createdAt: ctx.now,
      settleAt: new Date(g.settleAt as Date),
      planId: g.planId as string,
      rule: l.rule ?? null,
    }));
}

/** Replay path: 1 read + 1 idempotent insert per commission line. */
async function reassertLedger(ctx: HookCtx, orderId: string): Promise<void> {
  const g = await store.getById<GrowthOrder>('growth_orders', orderId);
  if (!g) return;
  await Promise.all(pendingEntries(ctx, g).map((e) => store.insertOnce('commission_ledger', e)));
}

/** `referral_rewards/{buyerOpenid}`: one referral per new customer, ever. */
export interface ReferralDoc {
  _id: string;
  buyerOpenid: string;
  referrerOpenid: string;
  orderId: string;
  paidFen: number;
  programId: string;
  referrerRewardTemplateId: string;
  newCustomerRewardTemplateId: string | null;
  dailyCap: number;
  qualifiedDay: string;
  qualifiedAt: Date;
  dueAt: Date;
  status: 'waiting' | 'review' | 'rejected' | 'rewarded' | 'capped' | 'void';
  reasons: string[];
  couponIds?: string[];
  rewardedAt?: Date;
  createdAt: Date;
}

async function recordReferralCandidate(
  ctx: HookCtx,
  program: NonNullable<Awaited<ReturnType<typeof loadReferralProgram>>>,
  order: OrderFacts,
  buyer: GrowthUserFields & { _id: string },
  paidAt: Date,
): Promise<boolean> {
  const referrerId = buyer.referrerOpenid as string;
  const day = dayKey(paidAt);
  const [referrer, today] = await Promise.all([
    store.getById<GrowthUserFields & { role?: string }>('users', referrerId),
    store.count('referral_rewards', { referrerOpenid: referrerId, qualifiedDay: day }),
  ]);
  const assessment = assessReferral(program, {
    buyerOpenid: buyer._id,
    referrerOpenid: referrerId,
    referrerRole: referrer?.role ?? null,
    referrerReferrerOpenid: referrer?.referrerOpenid ?? null,
    buyerWasNew: true, // referrerOpenid is only ever set when a new customer is bound
    isFirstPaidOrder: true,
    orderPaidFen: order.totalFen,
    boundAt: buyer.boundAt ? new Date(buyer.boundAt) : null,
    paidAt,
    referrerQualifiedToday: today,
  });
  const doc: ReferralDoc = {
    _id: buyer._id,
    buyerOpenid: buyer._id,
    referrerOpenid: referrerId,
    orderId: order._id,
    paidFen: order.totalFen,
    programId: program._id,
    referrerRewardTemplateId: program.referrerRewardTemplateId,
    newCustomerRewardTemplateId: program.newCustomerRewardTemplateId ?? null,
    dailyCap: program.dailyCapPerReferrer,
    qualifiedDay: day,
    qualifiedAt: paidAt,
    dueAt: rewardDueAt(program, paidAt),
    status: assessment.status,
    reasons: assessment.reasons,
    createdAt: ctx.now,
  };
  return store.insertOnce('referral_rewards', doc);
}
