/**
 * The team decider and what follows a member's payment. Member moves are the effects
 * `payMember`, `refundMember` and `releaseSeat` (see effects.ts).
 */
import { AppError } from '../errors';
import type { Team } from '../groupbuy/team';
import { reachedTier, type Tier } from '../groupbuy/ladder';
import type { EntityChange } from './change';
import type { Effect } from './effects';
import { canMove, nextState, type MoveOf } from './machine';
import { teamMachine, type TeamStatus } from './tables';

/**
 * What can be asked of a team. `countPayment` names the paying order: each order's payment counts
 * once. `succeed` and `reachTier` name a ladder team's tier; `reachTier` also the paid count it was
 * decided on (a payment counted meanwhile makes its write lose).
 */
export type TeamCommand =
  | { type: 'countPayment'; orderId: string }
  | { type: 'succeed'; tier?: Tier | null; rebatesDue?: boolean }
  | { type: 'reachTier'; tier: Tier; paidCount: number; rebatesDue: boolean }
  | { type: 'fail' }
  | { type: 'settle' }
  | { type: 'settleRebates' };

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
      return change('succeed', [{ field: 'paidCount', op: 'eq', value: size }], { status: 'succeeded', succeededAt: now, ...tierFields(command.tier, command.rebatesDue) });
    case 'reachTier':
      return change(
        'reachTier',
        [{ field: 'paidCount', op: 'eq', value: command.paidCount }, { field: 'expiresAt', op: 'lte', value: now }],
        { status: 'succeeded', succeededAt: now, ...tierFields(command.tier, command.rebatesDue) },
      );
    case 'settleRebates':
      return change('settleRebates', [{ field: 'rebatesDue', op: 'eq', value: true }], { rebatesDue: false, rebatesDoneAt: now });
    case 'fail':
      return change('fail', [], { status: 'failed', failedAt: now });
    case 'settle':
      return change('settle', [{ field: 'refundsDoneAt', op: 'eq', value: null }], { refundsDoneAt: now });
  }
}

/** What a ladder team's success writes: its tier, and whether difference refunds are due (until `settleRebates`). */
function tierFields(tier: Tier | null | undefined, rebatesDue: boolean | undefined): Record<string, unknown> {
  return tier ? { tier, rebatesDue: rebatesDue === true, rebatesDoneAt: null } : {};
}

/** Whether a ladder team at `tier` owes its members a difference (a tier cheaper than the joining price). */
function owesRebates(team: Pick<Team, 'terms'>, tier: Tier | null): boolean {
  return tier !== null && tier.priceFen < team.terms.groupPriceFen;
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
  if (command.type === 'reachTier' && (!expired || reachedTier(team.terms.tiers ?? [], team.paidCount) === null)) {
    throw new AppError('FAILED_PRECONDITION', 'only an expired ladder team at or above its first tier reaches a tier');
  }
  if (command.type === 'settleRebates' && team.rebatesDue !== true) throw new AppError('FAILED_PRECONDITION', 'no rebates are due');
  const top = topTierOf(team);
  const tierOf = command.type === 'succeed' ? { ...command, tier: command.tier ?? top, rebatesDue: command.rebatesDue ?? owesRebates(team, command.tier ?? top) } : command;
  return { change: teamChange(team._id, team.size, tierOf, now), next };
}

/** A ladder team's top tier (a full team reached it), or null for a plain team. */
function topTierOf(team: Pick<Team, 'terms'>): Tier | null {
  const tiers = team.terms.tiers ?? [];
  return tiers[tiers.length - 1] ?? null;
}

/**
 * What sends a succeeded team's orders to the warehouse: all its paid orders, or for a ladder team
 * only the ones it counted.
 * @example shipTeamEffect(ladderTeam) // { type: 'shipTeam', teamId: 't1', orderIds: ['o1', 'o2'] }
 */
export function shipTeamEffect(team: Pick<Team, '_id' | 'terms' | 'paidOrders'>): Effect {
  return team.terms.tiers ? { type: 'shipTeam', teamId: team._id, orderIds: [...(team.paidOrders ?? [])] } : { type: 'shipTeam', teamId: team._id };
}

/** The difference refunds of a ladder team's success at `tier`: one per paid order, none when the tier is the joining price. */
export function rebateEffects(team: Pick<Team, '_id' | 'terms' | 'paidOrders'>, tier: Tier | null): Effect[] {
  if (!tier || !owesRebates(team, tier)) return [];
  return (team.paidOrders ?? []).map((orderId): Effect => ({ type: 'rebateTier', teamId: team._id, orderId, tier }));
}

/** What a team that reached its expiry does: a ladder team at or above its first tier, and its effects; otherwise it fails. */
export type ExpiryDecision = { type: 'reachTier'; decision: TeamDecision; effects: Effect[] } | { type: 'fail'; decision: TeamDecision };

/**
 * A forming team at its expiry: a ladder team with `paidCount` at or above its first tier succeeds
 * at the highest tier reached (guarded on that count: a payment counted meanwhile makes the write
 * lose, and the next sweep decides again), its orders go to the warehouse and each paid member is
 * refunded the difference; any other team fails. Throws as {@link decideTeam}.
 * @example decideExpiry({ ...ladderTeam, paidCount: 3 }, afterExpiry).type // 'reachTier'
 */
export function decideExpiry(team: Team, now: Date): ExpiryDecision {
  const tier = reachedTier(team.terms.tiers ?? [], team.paidCount);
  if (!tier) return { type: 'fail', decision: decideTeam(team, { type: 'fail' }, now) };
  const decision = decideTeam(team, { type: 'reachTier', tier, paidCount: team.paidCount, rebatesDue: owesRebates(team, tier) }, now);
  return { type: 'reachTier', decision, effects: [shipTeamEffect(team), ...rebateEffects(team, tier)] };
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
    const decision = decideTeam(team, { type: 'succeed' }, now);
    return { type: 'succeed', decision, effects: [shipTeamEffect(team), ...rebateEffects(team, topTierOf(team))] };
  }
  return { type: 'wait' };
}
