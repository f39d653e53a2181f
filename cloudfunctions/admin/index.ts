/**
 * admin: staff actions. Commerce owns promotionHealth and setRole; the growth loop adds its own
 * actions here.
 */
import { AppError, action, defineFunction, getDb } from '../_platform';
import { admin } from '../../shared/contract';
import { checkPromotion, PROMOTION_COLLECTIONS, type PromotionCollection } from '../../shared/promotions';
import { find } from '../_commerce/store';
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
      const lists = await Promise.all(PROMOTION_COLLECTIONS.map((c) => find<Record<string, unknown>>(c, {}, 1000)));
      const problems: Array<{ collection: PromotionCollection; id: string; status: string | null; problems: string[] }> = [];
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

  setRole: action(admin.setRole)({
    access: ['boss'],
    run: async (input, ctx) => {
      if (input.openid === ctx.openid && input.role !== 'boss') {
        throw new AppError('FAILED_PRECONDITION', 'a boss cannot demote themself');
      }
      const res = await getDb().collection('users').where({ _id: input.openid }).update({ role: input.role, roleSetAt: ctx.now, roleSetBy: ctx.openid });
      if (Number((res as { updated?: number }).updated ?? 0) !== 1) {
        const again = await getDb().collection('users').doc(input.openid).get();
        if (((again as { data?: unknown[] }).data ?? []).length === 0) throw new AppError('NOT_FOUND', `no user ${input.openid}`);
      }
      return { openid: input.openid, role: input.role };
    },
  }),
});
