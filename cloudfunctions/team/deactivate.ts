import { AppError, store, type ActionContext, type UserDoc } from '../_platform';
import { decideDeactivation, type DeactivationDecision } from '../../shared/team';
import { moveCustomers } from '../_growth/move-customers';

/**
 * team.deactivate {salesId, heirId} → the salesperson becomes `former_sales` with their heir.
 *   1. one guarded write flips the role (only from `sales`: two deactivations cannot both win);
 *   2. earlier leavers whose heir was this salesperson now point at the new heir (heirs stay one
 *      hop away, so a share resolves its salesperson with one read);
 *   3. the audit record (deterministic id, stored on the leaver) is inserted once;
 *   4. the customers move in batches of 1000 (`moveCustomers`: history rows carry the audit id);
 *   5. the audit record gets the count.
 * A repeat (same heir) resumes at 2 and moves whoever is left. Their shares bind to the heir from
 * now on (share.open resolves the share's salesperson); customers see the heir's shelf on their
 * next visit (their binding moved); past orders keep their attribution (never rewritten).
 * Round trips: 1 caller + both people, 1 flip, 1 re-point, 1 audit insert, 3 per 1000 customers
 * (+1 read when the last batch is full), 1 audit update. 10,000 customers: 36.
 */
export async function deactivateSalesperson(input: { salesId: string; heirId: string }, ctx: ActionContext) {
  let decision: DeactivationDecision = decideDeactivation(ctx.users.get(input.salesId), ctx.users.get(input.heirId), input);
  let repeated = decision.kind === 'resume';
  if (decision.kind === 'deactivate') {
    const deactivationId = `deact_${ctx.newId(12)}`;
    const won = await store.guardedUpdate(
      'users',
      { _id: input.salesId, role: 'sales' },
      { role: 'former_sales', heirId: input.heirId, deactivationId, deactivatedAt: ctx.now, deactivatedBy: ctx.openid },
    );
    if (won) decision = { kind: 'resume', deactivationId };
    else {
      // A concurrent deactivation won: resume it when it names the same heir, else refuse.
      decision = decideDeactivation(await store.getById<UserDoc>('users', input.salesId), ctx.users.get(input.heirId), input);
      if (decision.kind !== 'resume') throw new AppError('CONFLICT', 'the salesperson is being changed, please retry');
      repeated = true;
    }
  }
  const auditId = decision.deactivationId;
  const heirsRepointed = await store.updateMany('users', { role: 'former_sales', heirId: input.salesId }, { heirId: input.heirId });
  await store.insertOnce('audit_log', { _id: auditId, type: 'deactivate', by: ctx.openid, at: ctx.now, salesId: input.salesId, heirId: input.heirId, moved: 0, heirsRepointed: 0 });
  const moved = await moveCustomers({ fromSalesId: input.salesId, toSalesId: input.heirId, auditId, by: ctx.openid, now: ctx.now });
  const _ = store.command();
  await store.updateById('audit_log', auditId, { moved: _.inc(moved), heirsRepointed: _.inc(heirsRepointed), doneAt: ctx.now });
  return { salesId: input.salesId, heirId: input.heirId, auditId, moved, heirsRepointed, repeated };
}
