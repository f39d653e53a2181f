/**
 * groupbuy: get a team. Teams are opened and joined through order.create ({dealId} / {teamId}):
 * the leader's unpaid order reserves the first seat, a joiner's reserves the next one atomically.
 */
import { AppError, action, defineFunction, store, withFileUrls } from '../_platform';
import { groupbuy as contract } from '../../shared/contract';
import { reachedTier, type Team, type TeamMember } from '../../shared/groupbuy';

type MemberRow = TeamMember & { user?: Array<{ name?: string; avatarFileId?: string }> };

/** A team's members in join order, each with the name and avatar the team page shows (one aggregate). */
async function loadMembers(teamId: string): Promise<MemberRow[]> {
  const res = await store
    .aggregate('team_members')
    .match({ teamId })
    .sort({ joinedAt: 1, _id: 1 })
    .limit(60)
    .lookup({ from: 'users', localField: 'openid', foreignField: '_id', as: 'user' })
    .end();
  return store.aggregateRows<MemberRow>(res);
}

export const main = defineFunction('groupbuy', {
  get: action(contract.get)({
    run: async (input) => {
      const [team, members] = await Promise.all([
        store.getById<Team>('teams', input.teamId),
        loadMembers(input.teamId),
      ]);
      if (!team) throw new AppError('NOT_FOUND', `no team ${input.teamId}`);
      const current = members.filter((m) => m.status !== 'refunded');
      return withFileUrls({
        teamId: team._id,
        dealId: team.dealId,
        status: team.status,
        size: team.size,
        seatsTaken: team.seatsTaken,
        paidCount: team.paidCount,
        seatsLeft: Math.max(0, team.size - team.seatsTaken),
        expiresAt: team.expiresAt,
        terms: team.terms,
        tier: team.tier ?? reachedTier(team.terms.tiers ?? [], team.paidCount),
        members: current.map((m) => ({
          openid: m.openid,
          paid: m.status === 'paid',
          isLeader: m.isLeader,
          name: m.user?.[0]?.name ?? '',
          avatarUrl: m.user?.[0]?.avatarFileId ?? '',
        })),
      });
    },
  }),
});
