import { action, AppError, store } from '../_platform';
import { admin } from '../../shared/contract';
import { buildShareTree, isShareId, type ShareDoc } from '../../shared/growth';

/**
 * admin.shareTree {shareId} → the tree below a share with counts per node and subtree totals.
 * A salesperson may look at trees of their own shares. Round trips: 1 caller read + 1 share read
 * + 1 query per 1000 descendants.
 */
export const shareTree = action(admin.shareTree)({
  access: ['boss', 'ops', 'sales'],
  async run(input, ctx) {
    const share = isShareId(input.shareId) ? await store.getById<ShareDoc>('shares', input.shareId) : undefined;
    if (!share) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    if (ctx.user.role === 'sales' && share.salesId !== ctx.openid) throw new AppError('PERMISSION_DENIED', 'shareId: not your share');
    const below = await store.findAll<ShareDoc>('shares', { ancestors: share._id });
    const tree = buildShareTree(share._id, [share, ...below]);
    return { shareId: share._id, rootShareId: share.rootShareId, salesId: share.salesId, tree };
  },
});
