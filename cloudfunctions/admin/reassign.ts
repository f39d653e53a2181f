import { action, AppError, store } from '../_platform';
import { admin } from '../../shared/contract';
import { moveCustomers } from '../_growth/move-customers';

/**
 * admin.reassign {fromSalesId, toSalesId} → moves every customer bound to one salesperson to
 * another (the engine `team.deactivate` uses too), with one history entry per customer (carrying
 * the audit id) and one audit record. Past orders keep their attribution. It only moves customers:
 * to let a salesperson go — role, heir, their old shares — use `team.deactivate`.
 * Round trips: 1 read of caller + both salespeople + 3 per 1000 customers + 1 audit insert.
 */
export const reassign = action(admin.reassign)({
  access: ['boss'],
  users: (input) => [input.fromSalesId, input.toSalesId],
  async run(input, ctx) {
    if (input.fromSalesId === input.toSalesId) throw new AppError('INVALID_ARGUMENT', 'toSalesId: must differ from fromSalesId');
    const to = ctx.users.get(input.toSalesId);
    if (!to || to.role !== 'sales') throw new AppError('FAILED_PRECONDITION', `toSalesId: ${input.toSalesId} is not a salesperson`);
    const auditId = `reassign_${ctx.newId(12)}`;
    const moved = await moveCustomers({ fromSalesId: input.fromSalesId, toSalesId: input.toSalesId, auditId, by: ctx.openid, now: ctx.now });
    await store.insert('audit_log', { _id: auditId, type: 'reassign', by: ctx.openid, at: ctx.now, fromSalesId: input.fromSalesId, toSalesId: input.toSalesId, moved });
    return { auditId, moved, fromSalesId: input.fromSalesId, toSalesId: input.toSalesId };
  },
});
