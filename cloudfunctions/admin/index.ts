/**
 * admin: staff actions. Commerce owns promotionHealth and setRole; the growth loop adds its own
 * actions here; the back office's queues, referral review and exports (issue 13).
 */
import { AppError, action, defineFunction, store } from '../_platform';
import { admin } from '../../shared/contract';
import { dashboard } from './dashboard';
import { exportCsv } from './export';
import { promotionHealth } from './ops-health';
import { queues } from './queues';
import { reassign } from './reassign';
import { referrals, reviewReferral } from './referrals';
import { shareTree } from './share-tree';

export const main = defineFunction('admin', {
  dashboard,
  shareTree,
  reassign,
  promotionHealth,

  setRole: action(admin.setRole)({
    access: ['boss'],
    run: async (input, ctx) => {
      if (input.openid === ctx.openid && input.role !== 'boss') {
        throw new AppError('FAILED_PRECONDITION', 'a boss cannot demote themself');
      }
      const changed = await store.guardedUpdate('users', { _id: input.openid }, { role: input.role, roleSetAt: ctx.now, roleSetBy: ctx.openid });
      if (!changed && !(await store.getById('users', input.openid))) throw new AppError('NOT_FOUND', `no user ${input.openid}`);
      return { openid: input.openid, role: input.role };
    },
  }),
  reviewReferral,
  referrals,
  queues,
  export: exportCsv,
});
