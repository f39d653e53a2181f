import { action, AppError, store, type ActionContext } from '../_platform';
import { admin } from '../../shared/contract';
import { counterPaths, type ReferralDoc } from '../../shared/growth';
import { incDayCounters } from '../_growth/counters';
import { issueRewardCoupons, loadRewardTemplates, rewardTemplateIds } from '../_growth/referral-reward';

const PAGE = 20;

type Row = ReturnType<typeof rowOf>;

function rowOf(r: ReferralDoc, names: Map<string, string>) {
  return {
    rewardId: r._id,
    status: r.status,
    buyerOpenid: r.buyerOpenid,
    buyerName: names.get(r.buyerOpenid) ?? null,
    referrerOpenid: r.referrerOpenid,
    referrerName: names.get(r.referrerOpenid) ?? null,
    orderId: r.orderId,
    paidFen: r.paidFen,
    reasons: r.reasons ?? [],
    qualifiedAt: r.qualifiedAt,
    dueAt: r.dueAt,
    reviewNote: r.reviewNote ?? null,
    couponIds: r.couponIds ?? [],
  };
}

/** Display names of the people in `rows` (1 read). */
async function namesOf(rows: ReferralDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => [r.buyerOpenid, r.referrerOpenid]))];
  if (ids.length === 0) return new Map();
  const users = await store.find<{ _id: string; name?: string }>('users', { _id: store.command().in(ids) }, { limit: ids.length });
  return new Map(users.filter((u) => u.name).map((u) => [u._id, u.name as string]));
}

/** admin.referrals {status?, cursor?} (boss/ops): referral rewards in one state, oldest first. Round trips: caller + page + names = 3. */
export const referrals = action(admin.referrals)({
  access: ['boss', 'ops'],
  async run(input) {
    const status = input.status ?? 'review';
    const page = await store.findPage<ReferralDoc>('referral_rewards', { status }, { orderBy: ['createdAt', 'asc'], limit: PAGE, cursor: input.cursor });
    const names = await namesOf(page.items);
    return { status, items: page.items.map((r) => rowOf(r, names)), nextCursor: page.nextCursor };
  },
});

/**
 * admin.reviewReferral {rewardId, approve, note} (boss/ops), for a referral held for review:
 * reject → `rejected` with the note (why; required); approve → `waiting`, reviewed, so the sweep
 * issues it when its refund window closes without taking a slot of the daily cap — and when the
 * window has already closed, the reward is issued now (the reward coupons by their deterministic
 * ids: the sweep and this call issue each once). Each move is one write conditional on the
 * status, so two reviews at once → one wins, the other FAILED_PRECONDITION.
 * Round trips: caller + referral + move (+ approve when due: templates + 1 per coupon + rewarded + day counter).
 */
export const reviewReferral = action(admin.reviewReferral)({
  access: ['boss', 'ops'],
  async run(input, ctx): Promise<Row> {
    const r = await store.getById<ReferralDoc>('referral_rewards', input.rewardId);
    if (!r) throw new AppError('NOT_FOUND', `no referral reward ${input.rewardId}`);
    if (r.status !== 'review') throw new AppError('FAILED_PRECONDITION', `referral ${r._id} is ${r.status}, not held for review`);
    const note = input.note ? input.note : null;
    if (!input.approve && !note) throw new AppError('INVALID_ARGUMENT', 'note: say why the referral is rejected');
    const decided = { status: input.approve ? ('waiting' as const) : ('rejected' as const), reviewedAt: ctx.now, reviewedBy: ctx.openid, reviewNote: note };
    if (!(await store.guardedUpdate('referral_rewards', { _id: r._id, status: 'review' }, decided))) throw new AppError('FAILED_PRECONDITION', `referral ${r._id} was reviewed meanwhile`);
    const reviewed: ReferralDoc = { ...r, ...decided };
    const final = input.approve && new Date(r.dueAt).getTime() <= ctx.now.getTime() ? await issueNow(ctx, reviewed) : reviewed;
    return rowOf(final, new Map());
  },
});

/** The reward of an approved referral whose refund window has closed, issued now. */
async function issueNow(ctx: ActionContext, r: ReferralDoc): Promise<ReferralDoc> {
  const issued = await issueRewardCoupons(ctx, r, await loadRewardTemplates(rewardTemplateIds(r)));
  if (!issued) return r; // a reward template is missing or invalid: the sweep issues it once fixed
  const rewarded = { status: 'rewarded' as const, couponIds: issued.couponIds, rewardedAt: ctx.now };
  await store.guardedUpdate('referral_rewards', { _id: r._id, status: 'waiting' }, rewarded);
  if (issued.inserted > 0) await incDayCounters(ctx.now, counterPaths({}, { rewards: issued.inserted }));
  return { ...r, ...rewarded };
}
