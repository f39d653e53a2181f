/**
 * sweep: the timer (also `{action:'run'}` server-side). Each run: fail expired short teams and
 * refund their paid members (one refund per order, also with two sweeps at once), close their
 * unpaid orders; release unpaid orders past their TTL (each charge closed at WeChat Pay first: one
 * paid meanwhile is applied, not released); expire coupons; follow up open refunds with WeChat
 * Pay's queryRefund; confirm receipt of orders shipped N days ago and complete received orders
 * whose after-sale window closed with no request open (their commission becomes settleable);
 * deliver again order events nobody marked handled (the outbox); send the reminders of flash sales
 * that started (once per sale and customer); give back flash units whose order never came; then the
 * growth loop's sweep.
 * Every step is a decision of shared/lifecycle applied as a guarded write, or an idempotent
 * delivery, so concurrent runs never double-apply.
 */
import { AppError, action, defineFunction, store, type ActionContext } from '../_platform';
import { runGrowthSweep } from '../_growth/sweep';
import { sweep as contract } from '../../shared/contract';
import type { Team, TeamMember } from '../../shared/groupbuy';
import { canMove, closeReasonFor, couponChange, decideExpiry, decideOrder, decideTeam, orderMachine, rebateEffects } from '../../shared/lifecycle';
import { isAppError } from '../../shared/errors';
import { afterSaleWindowMs, autoConfirmMs } from '../../shared/settings/fulfilment';
import type { Order, Refund } from '../../shared/orders';
import { applyChange, applyChangeReturning, applyChangeToAll, eventsOf } from '../_commerce/effects';
import { confirmReceipt } from '../_commerce/orders/confirm-receipt';
import { fulfilmentSettings } from '../_commerce/settings';
import { followUpRefunds, QUERY_REFUND_AFTER_MS } from '../_commerce/orders/follow-refunds';
import { releaseOrder, type ReleaseOutcome } from '../_commerce/orders/release-order';
import { refundOrder } from '../_commerce/orders/refund-order';
import { deliver, deliverTeam, redeliver } from '../_commerce/outbox';
import { applySuccessEffects } from '../_commerce/team-success';
import { sendFlashReminders } from '../_commerce/flash-reminders';
import { flashTakesLookup, reclaimOrphanedUnits, type SaleWithTakes } from '../_commerce/flash-orphans';
import type { FlashReminder } from '../../shared/flash';
import { customerSweepLookups, runCustomerSweep, type CustomerDueWork } from '../_customers/sweep';

const BATCH = 100;

type TeamWithOrders = Team & { _members?: TeamMember[]; _orders?: Order[] };
type RefundWithOrder = Refund & { _order?: Order[] };
type OrderWithTeam = Order & { _team?: Team[] };

/** Everything a sweep run may have to do, read at once. */
interface DueWork extends CustomerDueWork {
  expiredTeams: TeamWithOrders[];
  failedTeams: TeamWithOrders[];
  /** Ladder teams that succeeded with difference refunds still to make. */
  rebatesDue: Team[];
  dueOrders: OrderWithTeam[];
  openRefunds: RefundWithOrder[];
  expiredCoupons: Array<{ _id: string }>;
  undelivered: Order[];
  /** Shipped orders past the auto-confirm delay. */
  toConfirm: Order[];
  /** Received orders past the after-sale window. */
  toComplete: Order[];
  /** Flash reminders whose sale has started, not sent yet. */
  flashReminders: FlashReminder[];
  /** Flash sales with a take older than the grace period, with the orders of their takes. */
  flashTakes: SaleWithTakes[];
}

/** Every list of {@link DueWork} (each one of the aggregate's lookups), empty when it found nothing. */
const DUE_LISTS = ['expiredTeams', 'failedTeams', 'rebatesDue', 'dueOrders', 'openRefunds', 'expiredCoupons', 'undelivered', 'pendingEvents', 'newClaims', 'pendingAlerts', 'toConfirm', 'toComplete', 'flashReminders', 'flashTakes'] as const satisfies ReadonlyArray<keyof DueWork>;
/** Compiles only while DUE_LISTS names every list of DueWork. */
const _everyListNamed: Exclude<keyof DueWork, (typeof DUE_LISTS)[number]> extends never ? true : never = true;

/** The instants fulfilment work is due before. */
interface Cutoffs {
  shippedBefore: Date;
  receivedBefore: Date;
}

/**
 * One round trip for all the due work: an aggregate over one user document (any will do) that
 * joins, each with its own uncorrelated pipeline, the expired forming teams and the failed teams
 * not yet settled (each with its members and their orders), the unpaid orders past their
 * deadline (with their team, which names why they close), the refunds still open a minute after
 * they were recorded (with their orders), whether any unused coupon has expired, the orders with
 * events no subscriber has marked handled; and the customer stream's due work (_customers/sweep.ts).
 * No user document means no caller ever came, so there are no teams, orders or coupons either.
 */
export async function loadDueWork(now: Date, cutoffs: Cutoffs): Promise<DueWork> {
  const _ = store.command();
  const $ = _.aggregate;
  const withMembersAndOrders = (match: Record<string, unknown>) =>
    $.pipeline()
      .match(match)
      .limit(BATCH)
      .lookup({ from: 'team_members', localField: '_id', foreignField: 'teamId', as: '_members' })
      .lookup({ from: 'orders', localField: '_members.orderId', foreignField: '_id', as: '_orders' })
      .done();
  let query = store
    .aggregate('users')
    .limit(1)
    .project({ _id: 1 })
    .lookup({ from: 'teams', pipeline: withMembersAndOrders({ status: 'forming', expiresAt: _.lte(now) }), as: 'expiredTeams' })
    .lookup({ from: 'teams', pipeline: withMembersAndOrders({ status: 'failed', refundsDoneAt: null }), as: 'failedTeams' })
    .lookup({ from: 'teams', pipeline: $.pipeline().match({ rebatesDue: true }).limit(BATCH).done(), as: 'rebatesDue' })
    .lookup({
      from: 'orders',
      pipeline: $.pipeline()
        .match({ status: 'pending_pay', payDeadlineAt: _.lte(now) })
        .limit(BATCH)
        .lookup({ from: 'teams', localField: 'teamId', foreignField: '_id', as: '_team' })
        .done(),
      as: 'dueOrders',
    })
    .lookup({
      from: 'refunds',
      pipeline: $.pipeline()
        .match({ status: _.in(['pending', 'failed']), createdAt: _.lte(new Date(now.getTime() - QUERY_REFUND_AFTER_MS)) })
        .limit(BATCH)
        .lookup({ from: 'orders', localField: 'orderId', foreignField: '_id', as: '_order' })
        .done(),
      as: 'openRefunds',
    })
    .lookup({
      from: 'coupons',
      pipeline: $.pipeline().match({ status: 'unused', validToAt: _.lte(now) }).limit(1).project({ _id: 1 }).done(),
      as: 'expiredCoupons',
    })
    .lookup({ from: 'orders', pipeline: $.pipeline().match({ outboxPendingCount: _.gt(0) }).limit(BATCH).done(), as: 'undelivered' })
    .lookup({ from: 'orders', pipeline: $.pipeline().match({ status: 'shipped', shippedAt: _.lte(cutoffs.shippedBefore) }).limit(BATCH).done(), as: 'toConfirm' })
    .lookup({ from: 'orders', pipeline: $.pipeline().match({ status: 'received', receivedAt: _.lte(cutoffs.receivedBefore) }).limit(BATCH).done(), as: 'toComplete' })
    .lookup({ from: 'flash_reminders', pipeline: $.pipeline().match({ sentAt: null, startAt: _.lte(now) }).limit(BATCH).done(), as: 'flashReminders' })
    .lookup(flashTakesLookup(now));
  for (const l of customerSweepLookups(now)) query = query.lookup(l);
  const res = await query.end();
  const row = store.aggregateRows<Partial<DueWork>>(res)[0];
  return Object.fromEntries(DUE_LISTS.map((list) => [list, row?.[list] ?? []])) as unknown as DueWork;
}

/** Receipt for the buyer of each order shipped before the cutoff (the buyer may confirm at the same time: one wins). */
async function confirmDue(ctx: ActionContext, due: Order[], shippedBefore: Date): Promise<number> {
  const moved = await Promise.all(
    due.map((o) =>
      confirmReceipt(ctx, o, 'auto', shippedBefore).then(
        (r) => r.moved,
        (err: unknown) => {
          if (!isAppError(err)) console.error(`[sweep] request ${ctx.requestId}: receipt of ${o._id}`, err);
          return false;
        },
      ),
    ),
  );
  return moved.filter(Boolean).length;
}

/**
 * Completes each received order whose window closed: the guarded move pins every line without a
 * request open (a request opened meanwhile makes it lose), records `OrderCompleted` and delivers
 * it — the growth loop settles its commission. An order with a request open waits for a later run.
 */
async function completeDue(ctx: ActionContext, due: Order[], windowMs: number): Promise<number> {
  const done = await Promise.all(
    due.map(async (o) => {
      try {
        const decision = decideOrder(o, { type: 'complete', afterSaleWindowMs: windowMs }, ctx.now);
        const won = await applyChangeReturning<Order>(decision.change, eventsOf(decision.effects));
        if (won) await deliver(ctx, won);
        return won !== undefined;
      } catch (err) {
        if (!isAppError(err)) console.error(`[sweep] request ${ctx.requestId}: completing ${o._id}`, err);
        return false;
      }
    }),
  );
  return done.filter(Boolean).length;
}

/**
 * Each expired team at its expiry (`decideExpiry`): a ladder team at or above its first tier
 * succeeds at the tier it reached — its orders go to the warehouse, its paid members get the
 * difference back and every order's events are delivered; any other team fails. Returns the teams
 * this run failed and how many reached a tier.
 */
async function expireTeams(ctx: ActionContext, expired: TeamWithOrders[]): Promise<{ failed: TeamWithOrders[]; reachedTier: number; rebates: number }> {
  type Moved = { failed: TeamWithOrders } | { reached: number } | null;
  const moved = await Promise.all(
    expired.map(async (t): Promise<Moved> => {
      const expiry = decideExpiry(t, ctx.now);
      if (!(await applyChange(expiry.decision.change))) return null;
      if (expiry.type === 'fail') return { failed: { ...t, ...expiry.decision.change.set, status: expiry.decision.next } };
      // Settled now when every refund is recorded; otherwise the next run finds its rebates still due.
      const applied = await applySuccessEffects(ctx, expiry.effects);
      await deliverTeam(ctx, t._id);
      return { reached: applied.rebated.length };
    }),
  );
  const failed = moved.flatMap((m) => (m && 'failed' in m ? [m.failed] : []));
  const reached = moved.flatMap((m) => (m && 'reached' in m ? [m.reached] : []));
  return { failed, reachedTier: reached.length, rebates: reached.reduce((a, b) => a + b, 0) };
}

/**
 * Ladder teams whose difference refunds a request could not all make (a failure, a crash): each
 * still owed is made now (once per order), delivered, and the team settled once all are recorded.
 */
async function settleRebates(ctx: ActionContext, teams: Team[]): Promise<number> {
  let rebates = 0;
  for (const team of teams) {
    const applied = await applySuccessEffects(ctx, rebateEffects(team, team.tier ?? null));
    rebates += applied.rebated.length;
    await Promise.all(applied.rebated.map((o) => deliver(ctx, o).catch((err: unknown) => console.error(`[sweep] request ${ctx.requestId}: events of order ${o._id} still pending`, err))));
  }
  return rebates;
}

/**
 * A failed team's member order: refunded when it was paid, closed while unpaid (as the table
 * allows). An unpaid one WeChat Pay says was paid meanwhile is paid now, and refunded at once by
 * its payment (the team cannot take it).
 */
async function settleMemberOrder(ctx: ActionContext, order: Order): Promise<'refunded' | 'closed' | null> {
  if (canMove(orderMachine, 'refundAll', order.status)) {
    const r = await refundOrder(ctx, order._id, undefined, 'team_failed');
    await deliver(ctx, r.order);
    return r.created ? 'refunded' : null;
  }
  if (!canMove(orderMachine, 'close', order.status)) return null;
  const outcome = await releaseOrder(ctx, order, { type: 'close', reason: 'team_failed' });
  return outcome === 'released' ? 'closed' : outcome === 'paid' ? 'refunded' : null;
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
          const done = await settleMemberOrder(ctx, order);
          if (done === 'refunded') refunds++;
          if (done === 'closed') closed++;
        } catch (err) {
          if (err instanceof AppError && err.code === 'FAILED_PRECONDITION') return; // refunded meanwhile
          allDone = false;
          console.error(`[sweep] request ${ctx.requestId}: team ${team._id} order ${order._id}`, err);
        }
      }),
    );
    if (allDone && (await applyChange(decideTeam(team, { type: 'settle' }, ctx.now).change))) settled++;
  }
  return { teams: settled, refunds, closed };
}

/** Unpaid orders past their TTL, each on its own (one whose charge cannot be closed now is tried next run). */
async function releaseUnpaid(ctx: ActionContext, due: OrderWithTeam[]): Promise<{ closed: number; paid: number }> {
  const outcomes = await Promise.all(
    due.map(({ _team, ...o }) =>
      releaseOrder(ctx, o, { type: 'close', reason: closeReasonFor(o, _team?.[0], ctx.now) }).catch((err: unknown): ReleaseOutcome | 'failed' => {
        console.error(`[sweep] request ${ctx.requestId}: order ${o._id} not released`, err);
        return 'failed';
      }),
    ),
  );
  return { closed: outcomes.filter((x) => x === 'released').length, paid: outcomes.filter((x) => x === 'paid').length };
}

const handler = defineFunction('sweep', {
  run: action(contract.run)({
    access: 'system',
    run: async (_input, ctx) => {
      const settings = await fulfilmentSettings(ctx);
      const windowMs = afterSaleWindowMs(settings);
      const cutoffs = { shippedBefore: new Date(ctx.now.getTime() - autoConfirmMs(settings)), receivedBefore: new Date(ctx.now.getTime() - windowMs) };
      const due = await loadDueWork(ctx.now, cutoffs);
      const expiry = await expireTeams(ctx, due.expiredTeams);
      const failedNow = expiry.failed;
      const teamsFailed = failedNow.length;
      const lateRebates = await settleRebates(ctx, due.rebatesDue);
      const settled = await settleFailedTeams(ctx, [...failedNow, ...due.failedTeams]);
      const released = await releaseUnpaid(ctx, due.dueOrders);
      const couponsExpired = due.expiredCoupons.length > 0 ? await applyChangeToAll(couponChange('', { type: 'expire' }, ctx.now)) : 0;
      const refunds = await followUpRefunds(ctx, due.openRefunds);
      const ordersReceived = await confirmDue(ctx, due.toConfirm, cutoffs.shippedBefore);
      const ordersCompleted = await completeDue(ctx, due.toComplete, windowMs);
      await redeliver(ctx, due.undelivered);
      const flashReminders = await sendFlashReminders(ctx, due.flashReminders, settings.subscribeTemplates.flashStarted);
      const flashUnitsReclaimed = await reclaimOrphanedUnits(ctx, due.flashTakes);
      const growth = await runGrowthSweep(ctx);
      const customers = await runCustomerSweep(ctx, due);
      return {
        teamsFailed,
        teamsSettled: settled.teams,
        membersRefunded: settled.refunds,
        memberOrdersClosed: settled.closed,
        ordersClosed: released.closed,
        ordersPaidAtClose: released.paid,
        couponsExpired,
        refunds,
        ordersReceived,
        ordersCompleted,
        growth,
        customers,
        ladder: { teamsReachedTier: expiry.reachedTier, rebates: expiry.rebates + lateRebates },
        flashReminders,
        flashUnitsReclaimed,
      };
    },
  }),
});

/** A CloudBase timer event ({Type:'Timer', ...}) is routed to `run` by the platform handler. */
export const main = handler;
