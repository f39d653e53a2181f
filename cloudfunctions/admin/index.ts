/**
 * admin: staff actions. Commerce owns promotionHealth and setRole; the growth loop adds its own
 * actions here.
 */
import { AppError, action, defineFunction, store } from '../_platform';
import { admin } from '../../shared/contract';
import { checkPromotion, PROMOTION_COLLECTIONS, type PromotionCollection } from '../../shared/promotions';
import { checkSettingsDocument } from '../../shared/ops-documents';
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
      const [fulfilment, ...lists] = await Promise.all([
        store.getById<Record<string, unknown>>('settings', 'fulfilment'),
        ...PROMOTION_COLLECTIONS.map((c) => store.find<Record<string, unknown>>(c, {}, { limit: 1000 })),
      ]);
      const problems: Array<{ collection: PromotionCollection | 'settings'; id: string; status: string | null; problems: string[] }> = [];
      // The fulfilment settings: an invalid document is skipped (defaults apply) and reported here.
      const settingsProblems = fulfilment ? checkSettingsDocument(fulfilment) : [];
      if (settingsProblems.length > 0) problems.push({ collection: 'settings', id: 'fulfilment', status: null, problems: settingsProblems });
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
      return { problems, checked: lists.reduce((n, l) => n + l.length, 0) + (fulfilment ? 1 : 0) };
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
