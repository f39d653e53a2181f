import { randomBytes } from 'node:crypto';
import { action, AppError, store } from '../_platform';
import { share as contract } from '../../shared/contract';
import {
  assignVariants,
  buildShare,
  cardTreatment,
  counterPaths,
  activeSalesId,
  isSafeKey,
  type GrowthUserFields,
  mintShareId,
  sharePath,
} from '../../shared/growth';
import { incDayCounters, incShare } from '../_growth/counters';
import { loadExperiments } from '../_growth/live-docs';

/**
 * share.create {target, channel, campaign?} → {shareId, path, card}: `card` is the caller's
 * variant of a live card experiment (title template and image), applied by the app's share card.
 * Round trips: 1 caller read (platform) + 1 experiments read + 1 share insert + 1 day counter
 * + 1 parent node (re-shares) + 1 user write the first time the caller shares in a scope.
 */
export const createShare = action(contract.create)({
  // The shelf's (or card's) owner is read with the caller (same round trip) to verify it is a salesperson.
  users: (input) => [isOwnedTarget(input.target.type) ? input.target.id : undefined],
  async run(input, ctx) {
    const u = ctx.user as GrowthUserFields;
    if (ctx.user.role === 'sales' && isOwnedTarget(input.target.type) && input.target.id !== ctx.openid) {
      throw new AppError('PERMISSION_DENIED', `target.id: a salesperson shares their own ${input.target.type}`);
    }
    const experiments = await loadExperiments();
    const variants = assignVariants(ctx.openid, experiments, ctx.now);
    const sharer = {
      openid: ctx.openid,
      role: ctx.user.role,
      boundSalesId: activeSalesId(u, ctx.now),
      via: u.boundVia ?? null,
      shelfOwnerSalesId: isOwnedTarget(input.target.type) && ctx.users.get(input.target.id)?.role === 'sales' ? input.target.id : null,
    };
    let share = null;
    for (let attempt = 0; attempt < 4 && !share; attempt++) {
      const candidate = buildShare({
        id: mintShareId((n) => randomBytes(n)),
        sharer,
        target: input.target,
        channel: input.channel,
        // a re-share inherits the campaign of the share that brought the sharer
        campaign: input.campaign ?? (ctx.user.role === 'sales' ? null : u.boundVia?.campaign ?? null),
        experiments: variants,
        now: ctx.now,
      });
      if (await store.insertOnce('shares', candidate)) share = candidate; // else an id collision: mint another
    }
    if (!share) throw new AppError('CONFLICT', 'could not mint a share id, retry');

    // K-factor "sharers": count the caller once per scope (first share ever in it).
    const scopes = ['all', share.salesId ? `s:${share.salesId}` : null, share.campaign ? `c:${share.campaign}` : null].filter(
      (s): s is string => !!s,
    );
    const known = new Set(u.sharedScopes ?? []);
    const fresh = scopes.filter((s) => !known.has(s));
    let freshCounted: string[] = [];
    if (fresh.length > 0) {
      const _ = store.command();
      if (await store.guardedUpdate('users', { _id: ctx.openid, sharedScopes: _.nin(fresh) }, { sharedScopes: _.push(fresh) })) freshCounted = fresh;
    }
    const base = { salesId: share.salesId, campaign: share.campaign, experiments: share.experiments };
    const paths = counterPaths(base, { shares: 1 });
    if (freshCounted.includes('all')) paths['all.sharers'] = 1;
    if (share.salesId && isSafeKey(share.salesId) && freshCounted.includes(`s:${share.salesId}`)) paths[`s.${share.salesId}.sharers`] = 1;
    if (share.campaign && freshCounted.includes(`c:${share.campaign}`)) paths[`c.${share.campaign}.sharers`] = 1;
    await Promise.all([incDayCounters(ctx.now, paths), share.parentShareId ? incShare(share.parentShareId, { children: 1 }) : Promise.resolve()]);
    return {
      shareId: share._id,
      path: sharePath(share._id),
      salesId: share.salesId,
      parentShareId: share.parentShareId,
      rootShareId: share.rootShareId,
      depth: share.depth,
      experiments: share.experiments,
      card: cardTreatment(experiments, share.experiments),
    };
  },
});

/** Targets that belong to a salesperson (id = their openid): their shelf and their business card. */
function isOwnedTarget(type: string): boolean {
  return type === 'shelf' || type === 'card';
}
