import { stableId, store } from '../_platform';
import { counterPaths, mergePaths, type LedgerEntry, type ReferralDoc } from '../../shared/growth';
import type { GrowthCtx } from './context';
import { incDayCounters, incTotals } from './counters';
import { issueRewardCoupons, loadRewardTemplates, rewardTemplateIds } from './referral-reward';
import { computeWaitingCommission } from './waiting-commission';

const SETTLE_STATE_ID = 'state:settle';
const SETTLE_BATCH = 500;
const REFERRAL_BATCH = 200;

/**
 * One sweep run: settle pending commission past its window, issue referral rewards past the
 * refund window, then compute commission that waited for a valid plan. Safe to run twice at
 * once: every write is a deterministic-id insert or a conditional update, and counters move only
 * for the run whose insert or claim succeeded.
 */
export async function runGrowthSweep(ctx: GrowthCtx): Promise<Record<string, number>> {
  const settled = await settleCommission(ctx);
  const referrals = await issueReferralRewards(ctx);
  const waiting = await computeWaitingCommission(ctx);
  return { ...settled, ...referrals, ...waiting };
}

/**
 * Round trips: 1 cursor read + 1 pending query + 1 reversal query + 1 insert per due line +
 * 1 day counter + 1 totals + 1 cursor write.
 */
async function settleCommission(ctx: GrowthCtx): Promise<{ commissionSettled: number; commissionSettledFen: number }> {
  const _ = store.command();
  const state = await store.getById<{ cursorAt?: Date }>('counters', SETTLE_STATE_ID);
  const cursor = state?.cursorAt ? new Date(state.cursorAt) : new Date(0);
  const due = await store.find<LedgerEntry>(
    'commission_ledger',
    { kind: 'pending', settleAt: _.gte(cursor).and(_.lte(ctx.now)) },
    { orderBy: [['settleAt', 'asc']], limit: SETTLE_BATCH },
  );
  if (due.length === 0) {
    await store.setById('counters', SETTLE_STATE_ID, { cursorAt: ctx.now });
    return { commissionSettled: 0, commissionSettledFen: 0 };
  }
  const orderIds = [...new Set(due.map((e) => e.orderId))];
  const reversals = await store.find<LedgerEntry>('commission_ledger', { kind: 'reversed', orderId: _.in(orderIds) }, { limit: 1000 });
  const reversedByLine = new Map<string, number>();
  for (const r of reversals) {
    const k = `${r.orderId}\u0000${r.lineId}`;
    reversedByLine.set(k, (reversedByLine.get(k) ?? 0) + r.amountFen);
  }
  const inserted = await Promise.all(
    due.map(async (p) => {
      const net = Math.max(0, p.amountFen - (reversedByLine.get(`${p.orderId}\u0000${p.lineId}`) ?? 0));
      const entry: LedgerEntry = {
        _id: stableId(p.orderId, p.lineId, 'settleable'),
        kind: 'settleable',
        salesId: p.salesId,
        orderId: p.orderId,
        lineId: p.lineId,
        productId: p.productId,
        buyerOpenid: p.buyerOpenid,
        amountFen: net,
        baseFen: p.baseFen,
        createdAt: ctx.now,
      };
      return (await store.insertOnce('commission_ledger', entry)) ? entry : null;
    }),
  );
  const done = inserted.filter((e): e is LedgerEntry => e !== null);
  const paths = mergePaths(...done.map((e) => counterPaths({ salesId: e.salesId }, { settledFen: e.amountFen })));
  const totalFen = done.reduce((s, e) => s + e.amountFen, 0);
  const nextCursor = due.length < SETTLE_BATCH ? ctx.now : new Date(due[due.length - 1].settleAt as Date);
  await Promise.all([
    incDayCounters(ctx.now, paths),
    incTotals(paths),
    store.setById('counters', SETTLE_STATE_ID, { cursorAt: nextCursor }),
  ]);
  return { commissionSettled: done.length, commissionSettledFen: totalFen };
}

/**
 * Takes one slot of the referrer's daily cap for this referral (idempotent per referral: a
 * retried or concurrent claim for the same referral reuses its slot).
 */
async function claimCapSlot(r: ReferralDoc): Promise<boolean> {
  const _ = store.command();
  const id = `rc:${stableId(r.referrerOpenid, r.qualifiedDay)}`;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (await store.guardedUpdate('counters', { _id: id, n: _.lt(r.dailyCap), ids: _.neq(r._id) }, { n: _.inc(1), ids: _.push([r._id]) })) return true;
    const cur = await store.getById<{ n: number; ids: string[] }>('counters', id);
    if (cur) return cur.ids.includes(r._id);
    if (await store.insertOnce('counters', { _id: id, referrerOpenid: r.referrerOpenid, day: r.qualifiedDay, n: 1, ids: [r._id] })) return true;
  }
  return false;
}

/**
 * Round trips: 1 due query + 1 template read, then per due referral: 1–2 cap writes,
 * 1 coupon insert per reward, 1 conditional status write; + 1 day counter.
 */
async function issueReferralRewards(ctx: GrowthCtx): Promise<{ referralRewards: number; referralsCapped: number; referralErrors: number }> {
  const _ = store.command();
  const due = await store.find<ReferralDoc>('referral_rewards', { status: 'waiting', dueAt: _.lte(ctx.now) }, { orderBy: [['dueAt', 'asc']], limit: REFERRAL_BATCH });
  if (due.length === 0) return { referralRewards: 0, referralsCapped: 0, referralErrors: 0 };

  const templates = await loadRewardTemplates([...new Set(due.flatMap(rewardTemplateIds))]);

  let rewards = 0;
  let capped = 0;
  let errors = 0;
  const rewardPaths: Array<Record<string, number>> = [];
  for (const r of due) {
    if (rewardTemplateIds(r).some((id) => !templates.has(id))) {
      errors++; // left waiting: fixed template → issued on a later sweep
      continue;
    }
    // A referral a person approved after review is not held back by the daily cap.
    if (!r.reviewedAt && !(await claimCapSlot(r))) {
      if (await store.guardedUpdate('referral_rewards', { _id: r._id, status: 'waiting' }, { status: 'capped', cappedAt: ctx.now })) capped++;
      continue;
    }
    const issued = await issueRewardCoupons(ctx, r, templates);
    if (!issued) continue;
    rewards += issued.inserted;
    for (let i = 0; i < issued.inserted; i++) rewardPaths.push(counterPaths({}, { rewards: 1 }));
    await store.guardedUpdate('referral_rewards', { _id: r._id, status: 'waiting' }, { status: 'rewarded', couponIds: issued.couponIds, rewardedAt: ctx.now });
  }
  await incDayCounters(ctx.now, mergePaths(...rewardPaths));
  return { referralRewards: rewards, referralsCapped: capped, referralErrors: errors };
}
