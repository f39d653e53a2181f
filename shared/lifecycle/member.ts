/** The team member decider: paid with its order, refunded with it, or released before paying. */
import type { TeamMember } from '../groupbuy/team';
import type { Condition, EntityChange } from './change';
import { nextState, type MoveOf } from './machine';
import { memberMachine, type MemberState } from './tables';

type MemberMove = MoveOf<typeof memberMachine>;

/** A member decision: its guarded write (`remove` for a released seat) and the state it leads to. */
export interface MemberDecision {
  change: Extract<EntityChange, { entity: 'member' }>;
  next: MemberState;
}

/**
 * The guarded write of a member move, without reading the member.
 * @example memberChange('t1_o_cust_1', 'release', now).remove // true
 */
export function memberChange(memberId: string, move: MemberMove, now: Date): MemberDecision['change'] {
  const base = { entity: 'member' as const, id: memberId, move, requires: [] as Condition[], inc: {} };
  switch (move) {
    case 'pay':
      return { ...base, set: { status: 'paid', paidAt: now } };
    case 'refund':
      return { ...base, set: { status: 'refunded', refundedAt: now } };
    case 'release':
      return { ...base, set: {}, remove: true };
  }
}

/**
 * Decides `move` on `member`; a move the table does not allow → FAILED_PRECONDITION (a member is
 * never refunded before it was paid, nor released once paid).
 * @example decideMember(member, 'refund', now) // throws for a pending_pay member
 */
export function decideMember(member: TeamMember, move: MemberMove, now: Date): MemberDecision {
  return { change: memberChange(member._id, move, now), next: nextState(memberMachine, move, member.status) };
}
