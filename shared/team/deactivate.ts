/**
 * Deactivating a salesperson (`team.deactivate`): their role becomes `former_sales` with an heir;
 * their bound customers move to the heir (in batches, audited); their shares bind new customers
 * to the heir from then on (shared/growth `resolveSalesId`); past orders keep their attribution.
 */
import { AppError } from '../errors';

/** What the decision needs of a user (`users/{openid}`). */
export interface TeamMemberFacts {
  _id: string;
  role: string;
  heirId?: string | null;
  deactivationId?: string | null;
}

/** `deactivate`: a first deactivation; `resume`: the same one again (a repeat finishes moving customers). */
export type DeactivationDecision = { kind: 'deactivate' } | { kind: 'resume'; deactivationId: string };

/**
 * Decides a deactivation of `leaver` in favour of `heir`.
 * Refusals: unknown people → NOT_FOUND; the same person → INVALID_ARGUMENT; an heir who is not an
 * active salesperson, a leaver who is not one, or one already gone to another heir → FAILED_PRECONDITION.
 * @example decideDeactivation({ _id: 'o_sales_zhao', role: 'sales' }, { _id: 'o_sales_wang', role: 'sales' }) // { kind: 'deactivate' }
 */
export function decideDeactivation(leaver: TeamMemberFacts | undefined, heir: TeamMemberFacts | undefined, ids: { salesId: string; heirId: string }): DeactivationDecision {
  if (ids.salesId === ids.heirId) throw new AppError('INVALID_ARGUMENT', 'heirId: the heir must be someone else');
  if (!leaver) throw new AppError('NOT_FOUND', `salesId: no user ${ids.salesId}`);
  if (!heir) throw new AppError('NOT_FOUND', `heirId: no user ${ids.heirId}`);
  if (heir.role !== 'sales') throw new AppError('FAILED_PRECONDITION', `heirId: ${ids.heirId} is not an active salesperson`);
  if (leaver.role === 'former_sales') {
    if (leaver.heirId === ids.heirId && leaver.deactivationId) return { kind: 'resume', deactivationId: leaver.deactivationId };
    throw new AppError('FAILED_PRECONDITION', `salesId: ${ids.salesId} was already deactivated (heir ${leaver.heirId ?? 'none'})`);
  }
  if (leaver.role !== 'sales') throw new AppError('FAILED_PRECONDITION', `salesId: ${ids.salesId} is not a salesperson`);
  return { kind: 'deactivate' };
}
