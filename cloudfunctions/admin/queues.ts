import { action, store } from '../_platform';
import { admin } from '../../shared/contract';
import { healthOf, opsDocumentJoins, readJoined, type Join } from './ops-health';

/**
 * admin.queues (boss/ops): the counts of what waits for a person — payouts to approve and to mark
 * paid, referral rewards to review, invalid ops documents, orders whose commission waits for a
 * valid plan. Round trips: caller + 1 aggregate (each count and the ops documents are joins) = 2.
 */
export const queues = action(admin.queues)({
  access: ['boss', 'ops'],
  async run() {
    const _ = store.command();
    const $ = _.aggregate;
    const counted = (as: string, from: Join['from'], match: Record<string, unknown>): Join => ({ as, from, pipeline: $.pipeline().match(match).count('n').done() });
    const read = await readJoined([
      counted('payoutsRequested', 'payouts', { status: 'requested' }),
      counted('payoutsApproved', 'payouts', { status: 'approved' }),
      counted('referralsToReview', 'referral_rewards', { status: 'review' }),
      counted('commissionWaiting', 'growth_orders', { commissionStatus: 'waiting' }),
      ...opsDocumentJoins(),
    ]);
    const n = (as: string) => Number(read[as]?.[0]?.n ?? 0);
    return {
      payoutsRequested: n('payoutsRequested'),
      payoutsApproved: n('payoutsApproved'),
      referralsToReview: n('referralsToReview'),
      invalidDocuments: healthOf(read).problems.length,
      commissionWaiting: n('commissionWaiting'),
    };
  },
});
