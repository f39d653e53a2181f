import { stableId, store } from '../_platform';
import { counterPaths, mergePaths, type ReferralDoc } from '../../shared/growth';
import type { GrowthCtx } from './context';
import { incDayCounters } from './counters';
import { issueRewardCoupons, loadRewardTemplates, rewardTemplateIds } from './referral-reward';
import { computeWaitingCommission } from './waiting-commission';

const REFERRAL_BATCH = 200;

/**
 * One sweep run: issue referral rewards past the refund window, then compute commission that
 * waited for a valid plan. Commission is not settled here: it becomes settleable when its order
 * completes (`OrderCompleted`, order-completed.ts). Safe to run twice at once: every write is a
 * deterministic-id insert or a conditional update, and counters move only for the run whose
 * insert or claim succeeded.
 */
export async function runGrowthSweep(ctx: GrowthCtx): Promise<Record<string, number>> {
  const referrals = await issueReferralRewards(ctx);
  const waiting = await computeWaitingCommission(ctx);
  return { ...referrals, ...waiting };
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
