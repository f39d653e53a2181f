/**
 * groupbuy: open a team of a deal (the leader's unpaid order reserves the first seat), join a
 * team (the seat is reserved atomically with the order), get a team.
 */
import { AppError, action, defineFunction, store, type ActionContext } from '../_platform';
import type { Team, TeamMember } from '../../shared/groupbuy';
import { idField, idempotencyKeyField } from '../_commerce/inputs';
import { createOrder } from '../_commerce/orders/create-order';

type MemberRow = TeamMember & { user?: Array<{ name?: string; avatarUrl?: string }> };

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

/** A team order (a new team of a deal, or a seat in a team) through order.create's one door. */
async function teamOrder(ctx: ActionContext, cart: { dealId: string } | { teamId: string }, shareId: string | undefined, idempotencyKey: string) {
  const order = await createOrder(ctx, { ...cart, shareId, idempotencyKey });
  return { teamId: order.teamId, orderId: order._id, totalFen: order.totalFen };
}

export const main = defineFunction('groupbuy', {
  open: action({
    input: { dealId: idField, shareId: idField.optional(), idempotencyKey: idempotencyKeyField.optional() },
    run: (input, ctx) => teamOrder(ctx, { dealId: input.dealId }, input.shareId, input.idempotencyKey ?? `open_${input.dealId}_${ctx.newId(16)}`),
  }),

  join: action({
    input: { teamId: idField, shareId: idField.optional(), idempotencyKey: idempotencyKeyField.optional() },
    run: (input, ctx) => teamOrder(ctx, { teamId: input.teamId }, input.shareId, input.idempotencyKey ?? `join_${input.teamId}_${ctx.newId(16)}`),
  }),

  get: action({
    input: { teamId: idField },
    run: async (input) => {
      const [team, members] = await Promise.all([
        store.getById<Team>('teams', input.teamId),
        loadMembers(input.teamId),
      ]);
      if (!team) throw new AppError('NOT_FOUND', `no team ${input.teamId}`);
      const current = members.filter((m) => m.status !== 'refunded');
      return {
        teamId: team._id,
        dealId: team.dealId,
        status: team.status,
        size: team.size,
        seatsTaken: team.seatsTaken,
        paidCount: team.paidCount,
        seatsLeft: Math.max(0, team.size - team.seatsTaken),
        expiresAt: team.expiresAt,
        terms: team.terms,
        members: current.map((m) => ({
          openid: m.openid,
          paid: m.status === 'paid',
          isLeader: m.isLeader,
          name: m.user?.[0]?.name ?? '',
          avatarUrl: m.user?.[0]?.avatarUrl ?? '',
        })),
      };
    },
  }),
});
