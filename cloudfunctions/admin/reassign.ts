import { action, AppError, stableId, store } from '../_platform';
import { admin } from '../../shared/contract';
import type { GrowthUserFields } from '../../shared/growth';

/**
 * admin.reassign {fromSalesId, toSalesId} → moves every customer bound to a departing
 * salesperson to another one, with one history entry per customer and one audit record. Past
 * orders keep their attribution; their customer summaries (the today list, the stage report)
 * follow them. Round trips: 1 read of caller + both salespeople + 1 query per 1000 customers + 1
 * conditional bulk update per 1000 + 1 history batch per 1000 + 1 summary bulk update per 1000
 * + 1 audit insert.
 */
export const reassign = action(admin.reassign)({
  access: ['boss'],
  users: (input) => [input.fromSalesId, input.toSalesId],
  async run(input, ctx) {
    if (input.fromSalesId === input.toSalesId) throw new AppError('INVALID_ARGUMENT', 'toSalesId: must differ from fromSalesId');
    const to = ctx.users.get(input.toSalesId);
    if (!to || to.role !== 'sales') throw new AppError('FAILED_PRECONDITION', `toSalesId: ${input.toSalesId} is not a salesperson`);
    const _ = store.command();
    const auditId = `reassign_${ctx.newId(12)}`;
    const customers = await store.findAll<GrowthUserFields & { _id: string }>('users', { role: 'customer', boundSalesId: input.fromSalesId });
    let moved = 0;
    const movedIds: string[] = [];
    for (let i = 0; i < customers.length; i += 1000) {
      const chunk = customers.slice(i, i + 1000);
      const ids = chunk.map((c) => c._id);
      // only those still bound to the departing salesperson (a concurrent binding wins)
      moved += await store.updateMany(
        'users',
        { _id: _.in(ids), boundSalesId: input.fromSalesId },
        { boundSalesId: input.toSalesId, boundAt: ctx.now, protectedUntil: null, bindingRev: _.inc(1), reassignedBy: auditId },
      );
      movedIds.push(...ids);
      const history = chunk.map((c) => ({
        _id: stableId(c._id, 'reassign', auditId),
        openid: c._id,
        rev: (c.bindingRev ?? 0) + 1,
        salesId: input.toSalesId,
        previousSalesId: input.fromSalesId,
        reason: 'reassign',
        via: 'admin',
        auditId,
        by: ctx.openid,
        at: ctx.now,
      }));
      if (history.length > 0) await store.insert('bindings', history);
      if (ids.length > 0) await store.updateMany('customer_summaries', { _id: _.in(ids), salesId: input.fromSalesId }, { salesId: input.toSalesId });
    }
    await store.insert('audit_log', {
      _id: auditId,
      type: 'reassign',
      by: ctx.openid,
      at: ctx.now,
      fromSalesId: input.fromSalesId,
      toSalesId: input.toSalesId,
      moved,
      openids: movedIds.slice(0, 5000),
    });
    return { auditId, moved, fromSalesId: input.fromSalesId, toSalesId: input.toSalesId };
  },
});
