/**
 * sweep: the timer (also `{action:'run'}` server-side). Each run: fail expired short teams and
 * refund their paid members (one refund per order, also with two sweeps at once), close their
 * unpaid orders; release unpaid orders past their TTL; mark expired coupons; retry pending
 * refunds; then the growth loop's onSweep. Every step is a conditional write, so concurrent runs
 * never double-apply.
 */
import { AppError, action, defineFunction, getCommand, type ActionContext } from '../_platform';
import { onSweep } from '../_growth';
import { sweep as contract } from '../../shared/contract';
import type { Team, TeamMember } from '../../shared/groupbuy';
import type { Order, Refund } from '../../shared/orders';
import { releaseOrder } from '../_commerce/orders/release-order';
import { completeRefund, refundOrder } from '../_commerce/orders/refund-order';
import { cmd, col, guardedUpdate, updateMany } from '../_commerce/store';

const BATCH = 100;

type TeamWithOrders = Team & { _members?: TeamMember[]; _orders?: Order[] };
type RefundWithOrder = Refund & { _order?: Order[] };

/** Everything a sweep run may have to do, read at once. */
interface DueWork {
  expiredTeams: TeamWithOrders[];
  failedTeams: TeamWithOrders[];
  dueOrders: Order[];
  pendingRefunds: RefundWithOrder[];
  expiredCoupons: Array<{ _id: string }>;
}

/**
 * One round trip for all the due work: an aggregate over one user document (any will do) that
 * joins, each with its own uncorrelated pipeline, the expired forming teams and the failed teams
 * not yet settled (each with its members and their orders), the unpaid orders past their
 * deadline, the pending refunds (with their orders), and whether any unused coupon has expired.
 * No user document means no caller ever came, so there are no teams, orders or coupons either.
 */
async function loadDueWork(now: Date): Promise<DueWork> {
  const _ = getCommand();
  const $ = _.aggregate;
  const withMembersAndOrders = (match: Record<string, unknown>) =>
    $.pipeline()
      .match(match)
      .limit(BATCH)
      .lookup({ from: 'team_members', localField: '_id', foreignField: 'teamId', as: '_members' })
      .lookup({ from: 'orders', localField: '_members.orderId', foreignField: '_id', as: '_orders' })
      .done();
  const res = await col('users')
    .aggregate()
    .limit(1)
    .project({ _id: 1 })
    .lookup({ from: 'teams', pipeline: withMembersAndOrders({ status: 'forming', expiresAt: _.lte(now) }), as: 'expiredTeams' })
    .lookup({ from: 'teams', pipeline: withMembersAndOrders({ status: 'failed', refundsDoneAt: null }), as: 'failedTeams' })
    .lookup({
      from: 'orders',
      pipeline: $.pipeline().match({ status: 'pending_pay', payDeadlineAt: _.lte(now) }).limit(BATCH).done(),
      as: 'dueOrders',
    })
    .lookup({
      from: 'refunds',
      pipeline: $.pipeline()
        .match({ status: 'pending', createdAt: _.lt(now) })
        .limit(BATCH)
        .lookup({ from: 'orders', localField: 'orderId', foreignField: '_id', as: '_order' })
        .done(),
      as: 'pendingRefunds',
    })
    .lookup({
      from: 'coupons',
      pipeline: $.pipeline().match({ status: 'unused', validToAt: _.lte(now) }).limit(1).project({ _id: 1 }).done(),
      as: 'expiredCoupons',
    })
    .end();
  const row = ((res as { data?: unknown[] }).data ?? [])[0] as Partial<DueWork> | undefined;
  return {
    expiredTeams: row?.expiredTeams ?? [],
    failedTeams: row?.failedTeams ?? [],
    dueOrders: row?.dueOrders ?? [],
    pendingRefunds: row?.pendingRefunds ?? [],
    expiredCoupons: row?.expiredCoupons ?? [],
  };
}

/** `forming → failed` for each expired team; returns the teams this run moved. */
async function failExpiredTeams(ctx: ActionContext, expired: TeamWithOrders[]): Promise<TeamWithOrders[]> {
  const won = await Promise.all(
    expired.map((t) => guardedUpdate('teams', { _id: t._id, status: 'forming' }, { status: 'failed', failedAt: ctx.now })),
  );
  return expired.filter((_t, i) => won[i]);
}

async function settleFailedTeams(ctx: ActionContext, teams: TeamWithOrders[]): Promise<{ teams: number; refunds: number; closed: number }> {
  let refunds = 0;
  let closed = 0;
  let settled = 0;
  for (const team of teams) {
    const memberOrderIds = new Set((team._members ?? []).map((m) => m.orderId));
    const orders = (team._orders ?? []).filter((o) => memberOrderIds.has(o._id));
    let allDone = true;
    // Each member on its own: one failing refund never blocks the others.
    await Promise.all(
      orders.map(async (order) => {
        try {
          if (order.status === 'paid') {
            const r = await refundOrder(ctx, order._id, undefined, 'team_failed');
            if (r.created) refunds++;
          } else if (order.status === 'pending_pay') {
            if (await releaseOrder(ctx, order, 'closed', 'team_failed')) closed++;
          }
        } catch (err) {
          if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') return; // refunded meanwhile
          allDone = false;
          console.error(`[sweep] request ${ctx.requestId}: team ${team._id} order ${order._id}`, err);
        }
      }),
    );
    if (allDone && (await guardedUpdate('teams', { _id: team._id, refundsDoneAt: null }, { refundsDoneAt: ctx.now }))) settled++;
  }
  return { teams: settled, refunds, closed };
}

async function releaseUnpaid(ctx: ActionContext, due: Order[]): Promise<number> {
  const won = await Promise.all(due.map((o) => releaseOrder(ctx, o, 'closed', 'pay_timeout')));
  return won.filter(Boolean).length;
}

async function retryPendingRefunds(ctx: ActionContext, pending: RefundWithOrder[]): Promise<number> {
  const done = await Promise.all(
    pending.map(({ _order, ...r }) => completeRefund(ctx, r, _order?.[0]?.totalFen ?? r.refundFen)),
  );
  return done.filter(Boolean).length;
}

const handler = defineFunction('sweep', {
  run: action(contract.run)({
    access: 'system',
    run: async (_input, ctx) => {
      const due = await loadDueWork(ctx.now);
      const failedNow = await failExpiredTeams(ctx, due.expiredTeams);
      const teamsFailed = failedNow.length;
      const settled = await settleFailedTeams(ctx, [...failedNow, ...due.failedTeams]);
      const ordersClosed = await releaseUnpaid(ctx, due.dueOrders);
      const couponsExpired =
        due.expiredCoupons.length > 0 ? await updateMany('coupons', { status: 'unused', validToAt: cmd().lte(ctx.now) }, { status: 'expired' }) : 0;
      const refundsRetried = await retryPendingRefunds(ctx, due.pendingRefunds);
      const growth = await onSweep(ctx);
      return {
        teamsFailed,
        teamsSettled: settled.teams,
        membersRefunded: settled.refunds,
        memberOrdersClosed: settled.closed,
        ordersClosed,
        couponsExpired,
        refundsRetried,
        growth,
      };
    },
  }),
});

/** A CloudBase timer event ({Type:'Timer', ...}) is routed to `run` by the platform handler. */
export const main = handler;
