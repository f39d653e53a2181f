/**
 * sweep: the timer (also `{action:'run'}` server-side). Each run: fail expired short teams and
 * refund their paid members (one refund per order, also with two sweeps at once), close their
 * unpaid orders; release unpaid orders past their TTL; mark expired coupons; retry pending
 * refunds; then the growth loop's onSweep. Every step is a conditional write, so concurrent runs
 * never double-apply.
 */
import { AppError, action, defineFunction, type ActionContext } from '../_platform';
import { onSweep } from '../_growth';
import type { Team, TeamMember } from '../../shared/groupbuy';
import type { Order, Refund } from '../../shared/orders';
import { releaseOrder } from '../_commerce/orders/release-order';
import { completeRefund, refundOrder } from '../_commerce/orders/refund-order';
import { cmd, find, findByIds, guardedUpdate, updateMany } from '../_commerce/store';

const BATCH = 100;

async function failExpiredTeams(ctx: ActionContext): Promise<number> {
  const expired = await find<Team>('teams', { status: 'forming', expiresAt: cmd().lte(ctx.now) }, BATCH);
  const won = await Promise.all(
    expired.map((t) => guardedUpdate('teams', { _id: t._id, status: 'forming' }, { status: 'failed', failedAt: ctx.now })),
  );
  return won.filter(Boolean).length;
}

async function settleFailedTeams(ctx: ActionContext): Promise<{ teams: number; refunds: number; closed: number }> {
  const teams = await find<Team>('teams', { status: 'failed', refundsDoneAt: null }, BATCH);
  let refunds = 0;
  let closed = 0;
  let settled = 0;
  for (const team of teams) {
    const members = await find<TeamMember>('team_members', { teamId: team._id }, 60);
    const orders = await findByIds<Order>('orders', members.map((m) => m.orderId));
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

async function releaseUnpaid(ctx: ActionContext): Promise<number> {
  const due = await find<Order>('orders', { status: 'pending_pay', payDeadlineAt: cmd().lte(ctx.now) }, BATCH);
  const won = await Promise.all(due.map((o) => releaseOrder(ctx, o, 'closed', 'pay_timeout')));
  return won.filter(Boolean).length;
}

async function retryPendingRefunds(ctx: ActionContext): Promise<number> {
  const pending = await find<Refund>('refunds', { status: 'pending', createdAt: cmd().lt(ctx.now) }, BATCH);
  const orders = await findByIds<Order>('orders', pending.map((r) => r.orderId));
  const totals = new Map(orders.map((o) => [o._id, o.totalFen]));
  const done = await Promise.all(pending.map((r) => completeRefund(ctx, r, totals.get(r.orderId) ?? r.refundFen)));
  return done.filter(Boolean).length;
}

const handler = defineFunction('sweep', {
  run: action({
    access: 'system',
    input: {},
    run: async (_input, ctx) => {
      const teamsFailed = await failExpiredTeams(ctx);
      const settled = await settleFailedTeams(ctx);
      const ordersClosed = await releaseUnpaid(ctx);
      const couponsExpired = await updateMany('coupons', { status: 'unused', validToAt: cmd().lte(ctx.now) }, { status: 'expired' });
      const refundsRetried = await retryPendingRefunds(ctx);
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

export async function main(event: unknown, context?: unknown): Promise<unknown> {
  const raw = event && typeof event === 'object' ? (event as Record<string, unknown>) : null;
  // A CloudBase timer trigger delivers {Type:'Timer', TriggerName, Time, Message}.
  if (raw && raw.Type === 'Timer' && raw.action === undefined) return handler({ action: 'run' }, context);
  return handler(event, context);
}
