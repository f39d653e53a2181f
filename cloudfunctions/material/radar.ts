import { action, store } from '../_platform';
import { material as contract } from '../../shared/contract';
import type { GrowthUserFields } from '../../shared/growth';
import { customerIdentity, type CustomerEventOf, type IdentityFields } from '../../shared/customers';

const PAGE = 20;

type ReadRow = CustomerEventOf<'material_read'> & { _user?: Array<IdentityFields & GrowthUserFields> };

/**
 * material.radar {cursor?}: material visits of the caller's customers (a salesperson: visits
 * recorded under them, of customers still bound to them — never another salesperson's customer;
 * the boss: everyone's), newest first,
 * with time spent and read depth. One aggregate: the page of visits with their readers.
 * Round trips: caller + 1.
 */
export const radar = action(contract.radar)({
  access: ['sales', 'boss'],
  async run(input, ctx) {
    const salesId = ctx.user.role === 'sales' ? ctx.openid : null;
    const res = await store
      .aggregate('customer_events')
      .match(store.pageQuery({ ...(salesId ? { salesId } : {}), type: 'material_read' }, { orderBy: ['at', 'desc'], limit: PAGE, cursor: input.cursor }))
      .sort({ at: -1, _id: -1 })
      .limit(PAGE + 1)
      .lookup({ from: 'users', localField: 'openid', foreignField: '_id', as: '_user' })
      .end();
    const { items: rows, nextCursor } = store.pageOf(store.aggregateRows<ReadRow>(res), 'at', PAGE);
    const items = rows
      .filter((r) => !salesId || r._user?.[0]?.boundSalesId === salesId)
      .map((r) => {
        const who = customerIdentity(r._user?.[0], r.openid);
        return {
          visitId: r._id,
          openid: r.openid,
          nickname: who.nickname,
          avatar: who.avatar,
          salesId: r.salesId,
          materialId: r.data.materialId,
          title: r.data.title,
          kind: r.data.kind,
          openedAt: r.at,
          seconds: r.seconds ?? 0,
          depth: r.depth ?? 0,
        };
      });
    return { items, nextCursor };
  },
});
