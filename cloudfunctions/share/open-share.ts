import { action, AppError, stableId, store } from '../_platform';
import { share as contract } from '../../shared/contract';
import { activeSalesId, counterPaths, decideBinding, isShareId, mergePaths, type BindingDecision, type BoundVia, type GrowthUserFields } from '../../shared/growth';
import { incDayCounters, incShare } from '../_growth/counters';
import { loadBindingPolicy } from '../_growth/live-docs';
import { loadShareWithOwner } from '../_growth/share-with-owner';

/**
 * share.open {shareId} → the share's target and the caller's salesperson after binding.
 * Logs the first open per (share, user) in `share_events`, binds per `binding_policy`, keeps
 * the history in `bindings`. A deactivated salesperson's share binds to their heir (the share is
 * read with its salesperson). Round trips: 1 caller read (platform) + 1 share read + 1 policy
 * read + 1 open-event insert + (binding: 1 conditional user write + 1 history insert) + 1 day
 * counter + 1 share node.
 */
export const openShare = action(contract.open)({
  async run(input, ctx) {
    if (!isShareId(input.shareId)) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const [share, policy] = await Promise.all([loadShareWithOwner(input.shareId), loadBindingPolicy()]);
    if (!share) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const u = ctx.user as GrowthUserFields;
    const self = share.sharerOpenid === ctx.openid;

    const firstOpen = await store.insertOnce('share_events', {
      _id: stableId(share._id, ctx.openid, 'open'),
      type: 'open',
      shareId: share._id,
      rootShareId: share.rootShareId,
      openid: ctx.openid,
      salesId: share.salesId,
      self,
      at: ctx.now,
    });

    const decision: BindingDecision = decideBinding(
      policy,
      {
        openid: ctx.openid,
        role: ctx.user.role,
        boundSalesId: u.boundSalesId ?? null,
        boundAt: u.boundAt ?? null,
        bindingExpiresAt: u.bindingExpiresAt ? new Date(u.bindingExpiresAt) : null,
        protectedUntil: u.protectedUntil ? new Date(u.protectedUntil) : null,
        hasPaid: !!u.firstPaidAt,
      },
      { _id: share._id, sharerOpenid: share.sharerOpenid, salesId: share.salesId, owner: share.owner },
      ctx.now,
    );

    let bound = false;
    if (decision.kind === 'bind') {
      const rev = (u.bindingRev ?? 0) + 1;
      const via: BoundVia = {
        shareId: share._id,
        rootShareId: share.rootShareId,
        depth: share.depth,
        ancestors: share.ancestors ?? [],
        sharerOpenid: share.sharerOpenid,
        sharerRole: share.sharerRole,
        campaign: share.campaign,
      };
      const referrer = decision.isNewCustomer && share.sharerRole === 'customer' && !self ? share.sharerOpenid : null;
      const update: Record<string, unknown> = {
        boundSalesId: decision.salesId,
        boundAt: ctx.now,
        bindingExpiresAt: decision.bindingExpiresAt,
        protectedUntil: decision.protectedUntil,
        boundShareId: share._id,
        boundVia: via,
        bindingRev: rev,
      };
      if (decision.isNewCustomer) update.firstShareId = share._id;
      if (referrer) update.referrerOpenid = referrer;
      // Conditional on the binding version we decided from: a concurrent open by another
      // salesperson's share cannot both bind (the loser keeps the winner's binding).
      bound = await store.guardedUpdate('users', { _id: ctx.openid, bindingRev: u.bindingRev ?? null }, update);
      if (bound) {
        await store.insertOnce('bindings', {
          _id: stableId(ctx.openid, String(rev)),
          openid: ctx.openid,
          rev,
          salesId: decision.salesId,
          previousSalesId: decision.previousSalesId,
          reason: decision.reason,
          via: 'share',
          shareId: share._id,
          referrerOpenid: referrer,
          bindingExpiresAt: decision.bindingExpiresAt,
          protectedUntil: decision.protectedUntil,
          isNewCustomer: decision.isNewCustomer,
          at: ctx.now,
        });
      }
    }

    // Counted for the salesperson who gets the customers (the heir of a deactivated one).
    const scopes = { salesId: share.resolvedSalesId, campaign: share.campaign, experiments: share.experiments };
    const countOpen = firstOpen && !self;
    const newCustomer = bound && decision.kind === 'bind' && decision.isNewCustomer;
    const paths = mergePaths(
      countOpen ? counterPaths(scopes, { opens: 1 }) : {},
      bound ? counterPaths(scopes, { binds: 1, newCustomers: newCustomer ? 1 : 0 }) : {},
    );
    await Promise.all([
      incDayCounters(ctx.now, paths),
      incShare(share._id, { opens: countOpen ? 1 : 0, binds: bound ? 1 : 0, newCustomers: newCustomer ? 1 : 0 }),
    ]);

    const boundSalesId = bound && decision.kind === 'bind' ? decision.salesId : activeSalesId(u, ctx.now);
    return {
      shareId: share._id,
      target: share.target,
      salesId: share.resolvedSalesId,
      sharerOpenid: share.sharerOpenid,
      depth: share.depth,
      boundSalesId,
      binding: bound ? { result: 'bound', reason: decision.kind === 'bind' ? decision.reason : null } : { result: 'kept', reason: decision.kind === 'keep' ? decision.reason : 'conflict' },
      firstOpen,
    };
  },
});
