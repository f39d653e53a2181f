import { action, AppError } from '../_platform';
import { bargain as contract } from '../../shared/contract';
import { decideHelp, explainLostHelp, type Bargain } from '../../shared/bargain';
import { applyChangeReturning } from '../_commerce/effects';
import { bargainReplyOf, loadBargain } from './read';

/**
 * bargain.help {bargainId}: a friend cuts the price once. The helper is the caller the platform
 * names (a WeChat openid), a customer, not the starter; the help is one guarded update (below N,
 * before the deadline, not yet among the helpers) that returns the bargain, so 500 friends at once
 * are counted once each and the Nth lands on the floor. A retry whose first reply was lost finds
 * itself among the helpers and answers the same. The friend was bound to the sharer's salesperson
 * by opening the bargain's share (share.open), under the normal binding rules.
 * The helper's name is pushed with their openid by the same write (the page lists helpers by name).
 * Round trips: caller + the bargain + the guarded help (+ a read on a lost race).
 */
export const help = action(contract.help)({
  async run(input, ctx) {
    const read = await loadBargain(input.bargainId);
    if (!read) throw new AppError('NOT_FOUND', `no bargain ${input.bargainId}`);
    const helper = { openid: ctx.openid, role: ctx.user.role, name: ctx.user.name ?? '' };
    const change = decideHelp(read, helper, ctx.now);
    let after = await applyChangeReturning<Bargain>(change);
    if (!after) {
      const again = await loadBargain(input.bargainId);
      if (!again) throw new AppError('NOT_FOUND', `no bargain ${input.bargainId}`);
      explainLostHelp(again, helper, ctx.now);
      after = again;
    }
    return bargainReplyOf(after, ctx.openid, ctx.now);
  },
});
