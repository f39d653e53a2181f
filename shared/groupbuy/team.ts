import { AppError } from '../errors';
import { canMove } from '../lifecycle/machine';
import { teamMachine, type MemberStatus, type TeamStatus } from '../lifecycle/tables';
import type { DealTerms } from '../orders/order';
import type { Tier } from './ladder';

/**
 * `teams/{id}`: one 拼团 team. `seatsTaken` counts reserved seats (paid or not; guarded by a
 * conditional update `seatsTaken < size`), `paidCount` the paid ones; the team succeeds when
 * `paidCount = size`, and fails at `expiresAt` if it has not.
 */
export interface Team {
  _id: string;
  dealId: string;
  terms: DealTerms;
  size: number;
  leaderOpenid: string;
  /** The leader's salesperson (for `same_sales` eligibility). */
  salesId: string | null;
  status: TeamStatus;
  seatsTaken: number;
  paidCount: number;
  /** The orders holding a seat (`seatsTaken` of them): a seat is taken and given back once per order. */
  seatHolders?: string[];
  /** The orders whose payment the team counted (`paidCount` of them): each is counted once. */
  paidOrders?: string[];
  createdAt: Date;
  expiresAt: Date;
  succeededAt: Date | null;
  failedAt: Date | null;
  /** Set once every paid member of a failed team has a refund. */
  refundsDoneAt: Date | null;
  /**
   * Set while the deal's product is off the brand pool (`catalog.setStatus`): the team admits no
   * joins — the seat's guarded write requires it null. Absent on teams made before it existed.
   */
  joinsClosedAt?: Date | null;
  /** A ladder team's tier, set by its success (absent on other teams and before success). */
  tier?: Tier | null;
  /** True from a ladder team's success until every paid member has its difference refund (`settleRebates`). */
  rebatesDue?: boolean;
  rebatesDoneAt?: Date | null;
}

/** `team_members/{teamId}_{openid}`: the deterministic id makes a member unique per team. */
export interface TeamMember {
  _id: string;
  teamId: string;
  openid: string;
  orderId: string;
  isLeader: boolean;
  status: MemberStatus;
  joinedAt: Date;
  paidAt: Date | null;
}

/** The member id of `openid` in `teamId`. @example memberIdOf('t1', 'o_cust_1') // 't1_o_cust_1' */
export function memberIdOf(teamId: string, openid: string): string {
  return `${teamId}_${openid}`;
}

/** When a team opened at `now` under `terms` expires. */
export function teamExpiresAt(terms: Pick<DealTerms, 'validHours'>, now: Date): Date {
  return new Date(now.getTime() + Math.round(terms.validHours * 3600 * 1000));
}

/** Facts about the joiner that eligibility needs. */
export interface Joiner {
  openid: string;
  /** The joiner's bound salesperson, if any. */
  salesId: string | null;
  /** True when the joiner has no paid order yet. */
  isNewCustomer: boolean;
}

/**
 * Decides whether `joiner` may take a seat in `team` at `now` (the atomic seat guard still runs
 * when writing, and re-checks seats, expiry and closed joins). Throws `EXPIRED`, `NOT_FOUND` (its
 * product was taken off the brand pool: joins are closed), `GROUP_FULL`, `ALREADY_JOINED` (the
 * leader), `NOT_ELIGIBLE`.
 * @example decideJoin(team, { openid: 'o_cust_2', salesId: 'o_sales_li', isNewCustomer: true }, now)
 */
export function decideJoin(team: Team, joiner: Joiner, now: Date): void {
  if (!canMove(teamMachine, 'seat', team.status)) {
    throw new AppError(team.status === 'failed' ? 'EXPIRED' : 'GROUP_FULL', `team is ${team.status}`);
  }
  if (team.expiresAt.getTime() <= now.getTime()) throw new AppError('EXPIRED', 'team has expired');
  if (team.joinsClosedAt) throw new AppError('NOT_FOUND', `product ${team.terms.productId} is not on sale: the team admits no joins`);
  if (team.leaderOpenid === joiner.openid) throw new AppError('ALREADY_JOINED', 'you opened this team');
  if (team.seatsTaken >= team.size) throw new AppError('GROUP_FULL', 'team is full');
  const rule = team.terms.joinEligibility ?? 'anyone';
  if (rule === 'new_customers' && !joiner.isNewCustomer) {
    throw new AppError('NOT_ELIGIBLE', 'this team is for new customers only');
  }
  if (rule === 'same_sales' && (team.salesId === null || joiner.salesId !== team.salesId)) {
    throw new AppError('NOT_ELIGIBLE', "this team is for the leader's salesperson's customers only");
  }
}
