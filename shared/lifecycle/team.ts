/**
 * The team decider and what follows a member's payment. Member moves are the effects
 * `payMember`, `refundMember` and `releaseSeat` (see effects.ts).
 */
import { AppError } from '../errors';
import type { Team } from '../groupbuy/team';
import type { EntityChange } from './change';
import type { Effect } from './effects';
import { canMove, nextState, type MoveOf } from './machine';
import { teamMachine, type TeamStatus } from './tables';

/** What can be asked of a team. `countPayment` names the paying order: each order's payment counts once. */
export type TeamCommand = { type: 'countPayment'; orderId: string } | { type: 'succeed' } | { type: 'fail' } | { type: 'settle' };

/** A team decision: the team's guarded write and the state it leads to. */
export interface TeamDecision {
  change: Extract<EntityChange, { entity: 'team' }>;
  next: TeamStatus;
}

/**
 * The guarded write of a team move, without reading the team (the table's source states and
 * `requires` decide whether it wins).
 * @example teamChange('t1', 3, { type: 'countPayment', orderId: 'o1' }, now).inc // { paidCount: 1 }
 */
export function teamChange(teamId: string, size: number, command: TeamCommand, now: Date): TeamDecision['change'] {
  const change = (move: MoveOf<typeof teamMachine>, requires: EntityChange['requires'], set: Record<string, unknown>, inc: Record<string, number> = {}) =>
    ({ entity: 'team', id: teamId, move, requires, set, inc }) as const;
  switch (command.type) {
    case 'countPayment':
      return {
        ...change('countPayment', [{ field: 'expiresAt', op: 'gt', value: now }, { field: 'paidOrders', op: 'lacks', value: command.orderId }], {}, { paidCount: 1 }),
        push: { paidOrders: command.orderId },
      };
    case 'succeed':
      return change('succeed', [{ field: 'paidCount', op: 'eq', value: size }], { status: 'succeeded', succeededAt: now });
    case 'fail':
      return change('fail', [], { status: 'failed', failedAt: now });
    case 'settle':
      return change('settle', [{ field: 'refundsDoneAt', op: 'eq', value: null }], { refundsDoneAt: now });
  }
}

/**
 * Decides `command` on `team` at `now`. Refusals: a move the table does not allow →
 * FAILED_PRECONDITION; counting a payment after `expiresAt` → EXPIRED; succeeding short of paid
 * members, failing before `expiresAt`, settling twice → FAILED_PRECONDITION.
 * @example decideTeam(team, { type: 'fail' }, afterExpiry).next // 'failed'
 */
export function decideTeam(team: Team, command: TeamCommand, now: Date): TeamDecision {
  const next = nextState(teamMachine, command.type, team.status);
  const expired = team.expiresAt.getTime() <= now.getTime();
  if (command.type === 'countPayment' && expired) throw new AppError('EXPIRED', 'team has expired');
  if (command.type === 'succeed' && team.paidCount < team.size) throw new AppError('FAILED_PRECONDITION', `team has ${team.paidCount} of ${team.size} paid`);
  if (command.type === 'fail' && !expired) throw new AppError('FAILED_PRECONDITION', 'team has not expired');
  if (command.type === 'settle' && team.refundsDoneAt !== null) throw new AppError('FAILED_PRECONDITION', 'team is settled');
  return { change: teamChange(team._id, team.size, command, now), next };
}

/** What follows a member's payment, decided on the team as its guarded payment count returned it. */
export type AfterPayment =
  /** The last seat was paid: the team succeeds, and its paid orders go to the warehouse (`shipTeam`, once the success won). */
  | { type: 'succeed'; decision: TeamDecision; effects: Effect[] }
  /** Seats are still unpaid. */
  | { type: 'wait' }
  /** The team could not count the payment (expired or failed meanwhile): the payer is refunded. */
  | { type: 'reject' };

/**
 * What follows the payment of `orderId` into a team, decided on the team as its guarded count
 * returned it or, when the count matched nothing (a re-delivery, a lost reply, a team that can no
 * longer count), as read afterwards: the team took the payment only when it has this order among
 * its `paidOrders` and has not failed — otherwise the payer is refunded (as the sweep refunds every
 * paid member of a failed team). The last counted seat makes it succeed.
 * @example decideAfterPayment({ ...team, paidCount: 2, size: 2, paidOrders: ['o1', 'o2'] }, 'o2', now).type // 'succeed'
 */
export function decideAfterPayment(team: Team | undefined, orderId: string, now: Date): AfterPayment {
  if (!team || team.status === 'failed' || !(team.paidOrders ?? []).includes(orderId)) return { type: 'reject' };
  if (team.paidCount >= team.size && canMove(teamMachine, 'succeed', team.status)) {
    return { type: 'succeed', decision: decideTeam(team, { type: 'succeed' }, now), effects: [{ type: 'shipTeam', teamId: team._id }] };
  }
  return { type: 'wait' };
}
