/**
 * Writes the customer event stream: the event once (deterministic id), then its delta applied to
 * the customer's stored summary once. The summary write is guarded by the event id: a summary
 * remembers the ids of the last {@link SEEN_RING} events it applied (`seen`), and the update only
 * matches a summary that has not seen this one — a retried request, a re-delivered order event or
 * a sweep applies nothing twice. An event is stored `pending` until a sweep has checked its summary
 * has it: a request that dies between the two writes is finished by the sweep (./sweep.ts).
 */
import { callFunction, stableId, store, type ActionContext } from '../_platform';
import { decideAlert, type AlertSpec } from '../../shared/alerts/alerts';
import { applyDelta, emptySummary, foldFields, stageOf, stageRank, summaryDelta, type CustomerEvent, type CustomerSummary, type SummaryDelta } from '../../shared/customers';

/** How many applied event ids a summary remembers (its idempotency window). */
export const SEEN_RING = 100;

/** A stored summary: the fold plus bookkeeping. */
export type SummaryDoc = CustomerSummary & {
  _id: string;
  openid: string;
  salesId: string | null;
  seen: string[];
  stage: string | null;
  stageRank: number;
  manualTags?: string[];
  reminder?: { salesId: string; noteId: string; text: string; remindAt: Date } | null;
};

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** The delta as database operators (one update). */
function toUpdate(delta: SummaryDelta): Record<string, unknown> {
  const _ = store.command();
  const out: Record<string, unknown> = { ...delta.set };
  for (const [path, n] of Object.entries(delta.inc)) out[path] = _.inc(n);
  for (const [path, at] of Object.entries(delta.max)) out[path] = _.max(at);
  for (const [path, at] of Object.entries(delta.min)) out[path] = _.min(at);
  return out;
}

/** A new summary holding only `event`. */
function firstSummary(event: CustomerEvent, now: Date): SummaryDoc {
  const fold = applyDelta(emptySummary(), summaryDelta(event));
  const stage = stageOf(fold);
  return { _id: event.openid, openid: event.openid, salesId: event.salesId, ...fold, seen: [event._id], stage, stageRank: stageRank(stage), manualTags: [], reminder: null, createdAt: now } as SummaryDoc;
}

/**
 * Applies `event` to its customer's summary unless the summary has seen it. Returns the summary as
 * written, or undefined when it was already applied. 1 round trip; 2 for a customer's first event;
 * + 1 when the stage rises.
 */
export async function applyToSummary(ctx: Ctx, event: CustomerEvent): Promise<SummaryDoc | undefined> {
  const _ = store.command();
  const update = {
    ...toUpdate(summaryDelta(event)),
    seen: _.push({ each: [event._id], slice: -SEEN_RING }),
    ...(event.salesId ? { salesId: event.salesId } : {}),
  };
  const guard = { _id: event.openid, seen: _.neq(event._id) };
  let after = await store.updateAndReturn<SummaryDoc>('customer_summaries', guard, update);
  if (!after) {
    const first = firstSummary(event, ctx.now);
    if (await store.insertOnce('customer_summaries', first)) return first;
    // It existed after all (a concurrent first event): apply once more; no match = already seen.
    after = await store.updateAndReturn<SummaryDoc>('customer_summaries', guard, update);
    if (!after) return undefined;
  }
  await raiseStage(after);
  return after;
}

/** The stage only rises with events: a guarded "raise only" write when the fold says it rose. */
async function raiseStage(doc: SummaryDoc): Promise<void> {
  const stage = stageOf(foldFields(doc));
  const rank = stageRank(stage);
  if (rank <= (doc.stageRank ?? 0)) return;
  const _ = store.command();
  await store.guardedUpdate('customer_summaries', { _id: doc._id, stageRank: _.lt(rank) }, { stage, stageRank: rank });
}

/** What recording an event did. */
export interface Recorded {
  /** False when the event existed already (the same fact recorded before). */
  inserted: boolean;
  /** The summary after applying it, when this call applied it. */
  summary?: SummaryDoc;
}

/**
 * Records one customer event: stored once (`pending` until a sweep confirms its summary), applied
 * to the summary once, and, when that made an alert (shared/alerts), the alert queued for the
 * salesperson. Never throws for the alert. Round trips: 1 insert + the summary's (+ the alert's).
 * A duplicate (the same fact again) costs the insert only: if its first recording died before the
 * summary, the sweep applies it.
 */
export async function recordCustomerEvent(ctx: Ctx, event: CustomerEvent, opts: { customerName?: string } = {}): Promise<Recorded> {
  const inserted = await store.insertOnce('customer_events', { ...event, pending: true });
  if (!inserted) return { inserted };
  const summary = await applyToSummary(ctx, event);
  if (summary) await queueAlertFor(ctx, event, foldFields(summary), opts.customerName);
  return { inserted, summary };
}

/** The alert an applied event makes, queued (see {@link queueAlert}). */
export async function queueAlertFor(ctx: Ctx, event: CustomerEvent, after: CustomerSummary, customerName?: string): Promise<void> {
  const spec = decideAlert(event, after);
  if (spec) await queueAlert(ctx, spec, customerName);
}

/** The id of an alert: one per (what it is about, recipient). */
export function alertIdOf(spec: Pick<AlertSpec, 'key' | 'salesId'>): string {
  return stableId('alert', spec.key, spec.salesId);
}

/**
 * Queues an alert once per (key, recipient) and asks the `alerts` function to deliver it now
 * (it applies the opt-out, the daily cap and the channel). A failed delivery stays pending and the
 * sweep asks again. Round trips here: 1 insert + 1 call.
 */
export async function queueAlert(ctx: Ctx, spec: AlertSpec, customerName?: string): Promise<void> {
  const alertId = alertIdOf(spec);
  try {
    const fresh = await store.insertOnce('alerts', { _id: alertId, ...spec, customerName: customerName ?? null, status: 'pending', leaseUntil: new Date(0), createdAt: ctx.now });
    if (fresh) await callFunction('alerts', { action: 'deliver', alertId });
  } catch (err) {
    console.warn(`[customers] request ${ctx.requestId}: alert ${alertId} left for the sweep`, err);
  }
}
