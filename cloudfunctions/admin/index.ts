/**
 * admin: staff actions. Commerce owns promotionHealth and setRole; the growth loop adds its own
 * actions here.
 */
import { z } from 'zod';
import { AppError, action, defineFunction, store } from '../_platform';
import { ROLES } from '../../shared/roles';
import { checkPromotion, PROMOTION_COLLECTIONS } from '../../shared/promotions';
import { dashboard } from './dashboard';
import { reassign } from './reassign';
import { shareTree } from './share-tree';

export const main = defineFunction('admin', {
  dashboard,
  shareTree,
  reassign,
  promotionHealth: action({
    access: ['ops', 'boss'],
    input: {},
    run: async () => {
      const lists = await Promise.all(PROMOTION_COLLECTIONS.map((c) => store.find<Record<string, unknown>>(c, {}, { limit: 1000 })));
      const problems: Array<{ collection: string; id: string; status: string | null; problems: string[] }> = [];
      PROMOTION_COLLECTIONS.forEach((collection, i) => {
        for (const doc of lists[i]) {
          const r = checkPromotion(collection, doc);
          if (!r.ok) {
            problems.push({
              collection,
              id: String(doc._id),
              status: typeof doc.status === 'string' ? doc.status : null,
              problems: r.problems,
            });
          }
        }
      });
      return { problems, checked: lists.reduce((n, l) => n + l.length, 0) };
    },
  }),

  setRole: action({
    access: ['boss'],
    input: { openid: z.string().min(1).max(64), role: z.enum(ROLES) },
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
