import { stableId, store } from '../_platform';
import {
  assessReferral,
  choosePlan,
  counterPaths,
  rewardDueAt,
  splitCommission,
  type CounterScopes,
  type GrowthOrder,
  type GrowthUserFields,
  type LedgerEntry,
  type Metrics,
  type PlanChoice,
  type ReferralDoc,
  type ReferralProgram,
} from '../../shared/growth';
import { chinaDayKey } from '../../shared/china-day';
import { isLive } from '../../shared/promotions';
import type { Order } from '../../shared/orders';
import type { GrowthCtx } from './context';
import { incDayCounters, incShare, incTotals } from './counters';
import { loadCommissionPlanDocs, loadReferralProgram } from './live-docs';

/** Where an order's events are counted: its salesperson, campaign and experiment variants. */
export function scopesOf(order: Pick<Order, 'attribution'>): CounterScopes {
  return { salesId: order.attribution.salesId, campaign: order.attribution.campaign ?? null, experiments: order.attribution.experiments };
}

/** A plan document's problems as one line each (`commission_plans/cp_default defaultRule: ...`). */
export function problemLines(choice: Extract<PlanChoice, { kind: 'waiting' }>): string[] {
  return choice.problems.map((p) => `${p.collection}/${p.docId} ${p.field}: ${p.message}`);
}

/**
 * The commission fields of a growth copy under `choice`: per line under a plan (settleable when
 * the order completes: order-completed.ts), nothing when no plan applies, a waiting
 * marker when an invalid plan could apply (never a silent zero).
 */
export function commissionFieldsOf(
  lines: GrowthOrder['lines'],
  salesId: string | null,
  choice: PlanChoice,
  paidAt: Date,
  now: Date,
): Pick<GrowthOrder, 'lines' | 'commissionFen' | 'planId' | 'commissionStatus' | 'commissionWaiting'> {
  const plan = salesId && choice.kind === 'plan' ? choice.plan : null;
  const commission = plan ? splitCommission(plan, lines) : [];
  const byLine = new Map(commission.map((c) => [c.lineId, c]));
  const status = !salesId ? 'none' : choice.kind === 'plan' ? 'computed' : choice.kind;
  return {
    lines: lines.map((l) => ({ lineId: l.lineId, productId: l.productId, qty: l.qty, paidFen: l.paidFen, commissionFen: byLine.get(l.lineId)?.amountFen ?? 0, rule: byLine.get(l.lineId)?.rule ?? null })),
    commissionFen: commission.reduce((s, c) => s + c.amountFen, 0),
    planId: plan ? plan._id : null,
    commissionStatus: status,
    commissionWaiting: status === 'waiting' && choice.kind === 'waiting' ? { since: now, problems: problemLines(choice) } : null,
  };
}

/** The growth loop's copy of a paid order under `choice`: commission per line (or waiting), nothing refunded yet. */
function growthOrderOf(order: Order, choice: PlanChoice, paidAt: Date, now: Date): GrowthOrder {
  const a = order.attribution;
  return {
    _id: order._id,
    buyerOpenid: order.buyerOpenid,
    salesId: a.salesId,
    shareId: a.shareId,
    rootShareId: a.rootShareId,
    depth: a.depth,
    referrerOpenid: a.referrerOpenid,
    campaign: a.campaign ?? null,
    experiments: a.experiments ?? {},
    totalFen: order.totalFen,
    paidAt,
    refundedFen: 0,
    refundedByLine: {},
    appliedRefunds: [],
    rev: 0,
    referral: null,
    couponId: order.couponId,
    discountFen: order.discountFen,
    dealId: order.dealTerms?._id ?? null,
    ...commissionFieldsOf(order.lines.map((l) => ({ lineId: l.lineId, productId: l.productId, qty: l.qty, paidFen: l.paidFen, commissionFen: 0 })), a.salesId, choice, paidAt, now),
  };
}

/**
 * `OrderPaid` for the growth loop: its growth copy (the marker at which a re-delivery stops),
 * pending commission per line, the buyer's first payment and referral candidate, counters.
 * Round trips (first delivery): 2 reads (plan, program) + 1 marker + 1 ledger batch + 1
 * first-payment check (updateAndReturn) + 1 payer-of-the-day marker + 1 day counter + 1 totals +
 * 1 share node; a referred new customer's first order + 1 referrer read + 1 count + 1 referral
 * insert + 1 marker update. A re-delivery re-asserts the ledger from the marker (1 read + 1
 * idempotent insert per commission line), so commission is never lost once the marker exists.
 */
export async function recordPaidOrder(ctx: GrowthCtx, order: Order): Promise<void> {
  const paidAt = order.paidAt ? new Date(order.paidAt) : ctx.now;
  const a = order.attribution;
  const [planDocs, program] = await Promise.all([loadCommissionPlanDocs(), loadReferralProgram(paidAt)]);
  const choice: PlanChoice = a.salesId ? choosePlan(planDocs, a.salesId, paidAt) : { kind: 'none' };
  const growthOrder = growthOrderOf(order, choice, paidAt, ctx.now);
  if (!(await store.insertOnce('growth_orders', growthOrder))) {
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
    if (referralCreated) await store.updateById('growth_orders', order._id, { referral: { minOrderFen: program.minOrderFen } });
  }

  // Created orders are counted by OrderCreated; here only the payer-of-the-day marker.
  const payerToday = await store.insertOnce('counters', { _id: `pd:${chinaDayKey(paidAt)}:${order.buyerOpenid}`, at: ctx.now });
  const commissionFen = growthOrder.commissionFen;
  const m: Metrics = {
    paidOrders: 1,
    sharePaidOrders: a.shareId ? 1 : 0,
    gmvFen: order.totalFen,
    payers: payerToday ? 1 : 0,
    newPayers: isFirst ? 1 : 0,
    commissionFen,
    couponOrders: order.couponId ? 1 : 0,
    discountFen: order.couponId ? order.discountFen : 0,
    groupOrders: order.dealTerms || order.teamId ? 1 : 0,
    referrals: referralCreated ? 1 : 0,
  };
  await Promise.all([
    incDayCounters(paidAt, counterPaths(scopesOf(order), m)),
    a.salesId && commissionFen > 0 ? incTotals(counterPaths({ salesId: a.salesId }, { commissionFen })) : Promise.resolve(),
    a.shareId ? incShare(a.shareId, { paidOrders: 1, gmvFen: order.totalFen }) : Promise.resolve(),
  ]);
}

/** The pending ledger entries of a paid order (deterministic ids: one per order line). */
export function pendingEntries(ctx: GrowthCtx, g: GrowthOrder): LedgerEntry[] {
  if (!g.salesId || !g.planId) return [];
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
      planId: g.planId as string,
      rule: l.rule ?? null,
    }));
}

async function reassertLedger(ctx: GrowthCtx, orderId: string): Promise<void> {
  const g = await store.getById<GrowthOrder>('growth_orders', orderId);
  if (!g) return;
  await Promise.all(pendingEntries(ctx, g).map((e) => store.insertOnce('commission_ledger', e)));
}

async function recordReferralCandidate(ctx: GrowthCtx, program: ReferralProgram, order: Order, buyer: GrowthUserFields & { _id: string }, paidAt: Date): Promise<boolean> {
  const referrerId = buyer.referrerOpenid as string;
  const day = chinaDayKey(paidAt);
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
