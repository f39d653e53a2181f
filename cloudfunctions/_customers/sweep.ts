/**
 * The sweep's half of the customer stream (read in the sweep's one aggregate, see
 * `customerSweepLookups`):
 * - events still `pending` a minute after they were written: applied to their summary if it has
 *   not seen them (a request died between the two writes), their alert queued again (once per key),
 *   then marked confirmed in one write;
 * - coupons claimed since the last run: each becomes a `coupon_claimed` event (coupon.claim keeps
 *   its 4-round-trip budget; the claim reaches the timeline within a minute), then marked streamed;
 * - alerts still pending a minute after they were queued: the `alerts` function asked again.
 */
import { callFunction, stableId, store, type ActionContext } from '../_platform';
import { activeSalesId, type GrowthUserFields } from '../../shared/growth';
import { foldFields, type CustomerEvent } from '../../shared/customers';
import type { Coupon } from '../../shared/coupons';
import { applyToSummary, queueAlertFor, recordCustomerEvent, type SummaryDoc } from './record-event';

/** Work older than this is the sweep's; younger is left to the request that wrote it. */
export const CUSTOMER_SWEEP_AFTER_MS = 60_000;
const BATCH = 200;

/** The customer stream's due work, as the sweep's aggregate returns it. */
export interface CustomerDueWork {
  pendingEvents: CustomerEvent[];
  newClaims: Array<Coupon & { _owner?: Array<GrowthUserFields & { _id: string; name?: string }> }>;
  pendingAlerts: Array<{ _id: string }>;
}

/** The lookups the sweep adds to its one aggregate, by the name of the field they fill. */
export function customerSweepLookups(now: Date): Array<{ as: keyof CustomerDueWork; from: 'customer_events' | 'coupons' | 'alerts'; pipeline: unknown }> {
  const _ = store.command();
  const $ = _.aggregate;
  const before = new Date(now.getTime() - CUSTOMER_SWEEP_AFTER_MS);
  return [
    { as: 'pendingEvents', from: 'customer_events', pipeline: $.pipeline().match({ pending: true, at: _.lte(before) }).limit(BATCH).done() },
    {
      as: 'newClaims',
      from: 'coupons',
      pipeline: $.pipeline()
        .match({ streamedAt: null })
        .sort({ claimedAt: 1, _id: 1 })
        .limit(BATCH)
        .lookup({ from: 'users', localField: 'ownerOpenid', foreignField: '_id', as: '_owner' })
        .done(),
    },
    { as: 'pendingAlerts', from: 'alerts', pipeline: $.pipeline().match({ status: 'pending', createdAt: _.lte(before) }).limit(50).project({ _id: 1 }).done() },
  ];
}

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** Pending events: applied where their summary lacks them, alerts re-queued, then confirmed. */
async function confirmPendingEvents(ctx: Ctx, events: CustomerEvent[]): Promise<{ applied: number; confirmed: number }> {
  if (events.length === 0) return { applied: 0, confirmed: 0 };
  const _ = store.command();
  const openids = [...new Set(events.map((e) => e.openid))];
  const summaries = new Map((await store.find<SummaryDoc>('customer_summaries', { _id: _.in(openids) }, { limit: openids.length })).map((s) => [s._id, s]));
  let applied = 0;
  const done: string[] = [];
  for (const e of events) {
    try {
      let summary = summaries.get(e.openid);
      if (!summary?.seen?.includes(e._id)) {
        const after = await applyToSummary(ctx, e);
        if (after) {
          applied++;
          summary = after;
          summaries.set(e.openid, after);
        }
      }
      if (summary) await queueAlertFor(ctx, e, foldFields(summary));
      done.push(e._id);
    } catch (err) {
      console.error(`[customers] request ${ctx.requestId}: event ${e._id} still pending`, err);
    }
  }
  if (done.length) await store.updateMany('customer_events', { _id: _.in(done) }, { pending: false });
  return { applied, confirmed: done.length };
}

/** New coupon claims → `coupon_claimed` events, then marked streamed. */
async function streamClaims(ctx: Ctx, claims: CustomerDueWork['newClaims']): Promise<number> {
  const done: string[] = [];
  for (const c of claims) {
    const owner = c._owner?.[0];
    try {
      await recordCustomerEvent(
        ctx,
        {
          _id: stableId('coupon_claimed', c._id),
          openid: c.ownerOpenid,
          salesId: owner ? activeSalesId(owner, new Date(c.claimedAt)) : null,
          type: 'coupon_claimed',
          at: new Date(c.claimedAt),
          data: { couponId: c._id, templateId: c.templateId, title: c.title ?? '', validToAt: c.validToAt ? new Date(c.validToAt) : null },
        },
        { customerName: owner?.name },
      );
      done.push(c._id);
    } catch (err) {
      console.error(`[customers] request ${ctx.requestId}: claim ${c._id} not streamed yet`, err);
    }
  }
  if (done.length) await store.updateMany('coupons', { _id: store.command().in(done) }, { streamedAt: ctx.now });
  return done.length;
}

/** Runs the customer stream's sweep on the work the sweep's aggregate found. */
export async function runCustomerSweep(ctx: Ctx, work: CustomerDueWork): Promise<Record<string, number>> {
  const events = await confirmPendingEvents(ctx, work.pendingEvents);
  const claimsStreamed = await streamClaims(ctx, work.newClaims);
  let alertsRetried = 0;
  for (const a of work.pendingAlerts) {
    try {
      await callFunction('alerts', { action: 'deliver', alertId: a._id });
      alertsRetried++;
    } catch (err) {
      console.error(`[customers] request ${ctx.requestId}: alert ${a._id} still pending`, err);
    }
  }
  return { eventsApplied: events.applied, eventsConfirmed: events.confirmed, claimsStreamed, alertsRetried };
}
