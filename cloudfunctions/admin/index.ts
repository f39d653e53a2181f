/**
 * admin: staff actions. Commerce owns promotionHealth and setRole; the growth loop adds its own
 * actions here.
 */
import { AppError, action, defineFunction, store } from '../_platform';
import { admin } from '../../shared/contract';
import { checkOpsDocument, HEALTH_COLLECTIONS, type HealthCollection } from '../../shared/ops-documents';
import { dashboard } from './dashboard';
import { reassign } from './reassign';
import { shareTree } from './share-tree';

export const main = defineFunction('admin', {
  dashboard,
  shareTree,
  reassign,
  promotionHealth: action(admin.promotionHealth)({
    access: ['ops', 'boss'],
    run: async () => {
      const lists = await Promise.all(HEALTH_COLLECTIONS.map((c) => store.find<Record<string, unknown>>(c, {}, { limit: 1000 })));
      const problems: Array<{ collection: HealthCollection; id: string; status: string | null; problems: string[] }> = [];
      HEALTH_COLLECTIONS.forEach((collection, i) => {
        for (const doc of lists[i]) {
          const found = checkOpsDocument(collection, doc);
          if (found.length) problems.push({ collection, id: String(doc._id), status: typeof doc.status === 'string' ? doc.status : null, problems: found });
        }
      });
      return { problems, checked: lists.reduce((n, l) => n + l.length, 0) };
    },
  }),

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
});
