/**
 * The customer summary: a pure fold of the customer's events, `summary = events.reduce(applyEvent,
 * emptySummary())`. It is stored (`customer_summaries/{openid}`) and updated per event with the
 * same delta this file computes, written as database operators (`_.inc`, `_.max`, `_.min`, set),
 * so the stored copy equals the fold of the stored events in any order of arrival: every delta is
 * commutative (sums, maxima, minima, and sets of one constant value per key). Time-based tags and
 * the lifecycle stage are read from it (./tags.ts, ./stage.ts).
 */
import { chinaDayKey } from '../china-day';
import type { CustomerEvent, CustomerEventType } from './events';

const DAY_MS = 86_400_000;

/** The fold of a customer's events. Money in fen; day keys are China days `YYYY-MM-DD`. */
export interface CustomerSummary {
  events: number;
  firstAt: Date | null;
  lastAt: Date | null;
  byType: Partial<Record<CustomerEventType, number>>;
  /** Card, product and material views per day. */
  viewDays: Record<string, number>;
  /** Material reads per day. */
  readDays: Record<string, number>;
  /** Visits per product (a "viewed again" alert fires from the second). */
  productViews: Record<string, number>;
  ordersPaid: number;
  /** Orders refunded in full. */
  ordersRefunded: number;
  /** Paid minus refunded. */
  spentFen: number;
  lastOrderAt: Date | null;
  lastPaidAt: Date | null;
  /** The last time opening a share bound this customer to a salesperson. */
  lastBoundAt: Date | null;
  /** Until when some rule tag may hold (the today list reads only summaries with this ≥ now). */
  attentionUntil: Date | null;
}

/** The summary of no events. */
export function emptySummary(): CustomerSummary {
  return {
    events: 0,
    firstAt: null,
    lastAt: null,
    byType: {},
    viewDays: {},
    readDays: {},
    productViews: {},
    ordersPaid: 0,
    ordersRefunded: 0,
    spentFen: 0,
    lastOrderAt: null,
    lastPaidAt: null,
    lastBoundAt: null,
    attentionUntil: null,
  };
}

/** A stored value a delta may set. */
export type SetValue = string | number | boolean | Date | null;

/**
 * One event's change to a summary, by dotted field path — exactly what the stored update does:
 * `inc` → `_.inc`, `max` → `_.max`, `min` → `_.min`, `set` → a plain set.
 */
export interface SummaryDelta {
  inc: Record<string, number>;
  max: Record<string, Date>;
  min: Record<string, Date>;
  set: Record<string, SetValue>;
}

/** How long after an event a rule tag can still hold (the today list's candidate window). */
export const ATTENTION_MS = {
  view: 7 * DAY_MS,
  order: 3 * DAY_MS,
  bound: 3 * DAY_MS,
} as const;

/** A map key stored as a field name: letters, digits, `_` and `-`, ≤ 32 (ids that are not are not counted per key). */
export function isSummaryKey(k: string): boolean {
  return /^[A-Za-z0-9_-]{1,32}$/.test(k) && k !== '__proto__' && k !== 'constructor' && k !== 'prototype';
}

const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);

/**
 * The change one event makes to a summary.
 * @example summaryDelta({ type: 'order_paid', at, data: { orderId: 'o1', paidFen: 990, couponId: null }, ... }).inc
 *   // { events: 1, 'byType.order_paid': 1, ordersPaid: 1, spentFen: 990 }
 */
export function summaryDelta(e: CustomerEvent): SummaryDelta {
  const d: SummaryDelta = { inc: { events: 1, [`byType.${e.type}`]: 1 }, max: { lastAt: e.at }, min: { firstAt: e.at }, set: {} };
  const day = chinaDayKey(e.at);
  const view = () => {
    d.inc[`viewDays.${day}`] = 1;
    d.max.attentionUntil = plus(e.at, ATTENTION_MS.view);
  };
  switch (e.type) {
    case 'card_viewed':
      view();
      break;
    case 'product_viewed':
      view();
      if (isSummaryKey(e.data.productId)) d.inc[`productViews.${e.data.productId}`] = 1;
      break;
    case 'material_read':
      view();
      d.inc[`readDays.${day}`] = 1;
      break;
    case 'share_opened':
      if (e.data.bound) {
        d.max.lastBoundAt = e.at;
        d.max.attentionUntil = plus(e.at, ATTENTION_MS.bound);
      }
      break;
    case 'coupon_claimed':
      // The coupon itself (unused or not) is read from `coupons` when a tag needs it; the summary
      // keeps the customer a follow-up candidate until it expires.
      if (e.data.validToAt) d.max.attentionUntil = e.data.validToAt;
      break;
    case 'order_created':
      d.max.lastOrderAt = e.at;
      d.max.attentionUntil = plus(e.at, ATTENTION_MS.order);
      break;
    case 'order_paid':
      d.inc.ordersPaid = 1;
      d.inc.spentFen = e.data.paidFen;
      d.max.lastPaidAt = e.at;
      break;
    case 'order_refunded':
      d.inc.spentFen = -e.data.refundFen;
      if (e.data.full) d.inc.ordersRefunded = 1;
      break;
    case 'card_tapped':
    case 'aftersale_requested':
      break;
  }
  return d;
}

type Node = Record<string, unknown>;

function parentOf(root: Node, path: string): [Node, string] {
  const parts = path.split('.');
  let node = root;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (!next || typeof next !== 'object' || next instanceof Date) node[p] = {};
    node = node[p] as Node;
  }
  return [node, parts[parts.length - 1]];
}

function cloneValue(v: unknown): unknown {
  if (v instanceof Date) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map(cloneValue);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneValue(x)]));
  return v;
}

const time = (v: unknown): number | undefined => (v instanceof Date ? v.getTime() : undefined);

/**
 * Applies a delta to a summary (a new object; the input is not changed), with the database's
 * semantics: `inc` adds (a missing field counts as 0), `max`/`min` keep the larger/smaller date
 * (a missing or null field takes the value), `set` writes.
 */
export function applyDelta(summary: CustomerSummary, delta: SummaryDelta): CustomerSummary {
  const out = cloneValue(summary) as Node;
  for (const [path, n] of Object.entries(delta.inc)) {
    const [node, key] = parentOf(out, path);
    node[key] = (typeof node[key] === 'number' ? (node[key] as number) : 0) + n;
  }
  for (const [path, at] of Object.entries(delta.max)) {
    const [node, key] = parentOf(out, path);
    const cur = time(node[key]);
    if (cur === undefined || at.getTime() > cur) node[key] = new Date(at.getTime());
  }
  for (const [path, at] of Object.entries(delta.min)) {
    const [node, key] = parentOf(out, path);
    const cur = time(node[key]);
    if (cur === undefined || at.getTime() < cur) node[key] = new Date(at.getTime());
  }
  for (const [path, v] of Object.entries(delta.set)) {
    const [node, key] = parentOf(out, path);
    node[key] = v instanceof Date ? new Date(v.getTime()) : v;
  }
  return out as unknown as CustomerSummary;
}

/** One step of the fold. */
export function applyEvent(summary: CustomerSummary, e: CustomerEvent): CustomerSummary {
  return applyDelta(summary, summaryDelta(e));
}

/**
 * The summary of a list of events (the rebuild): `events.reduce(applyEvent, emptySummary())`.
 * @example summarize([]) // emptySummary()
 */
export function summarize(events: readonly CustomerEvent[]): CustomerSummary {
  return events.reduce(applyEvent, emptySummary());
}

/** The fold's own fields of a stored summary document (drops bookkeeping such as `_id`, `seen`, `stage`). */
export function foldFields(doc: Partial<CustomerSummary>): CustomerSummary {
  const empty = emptySummary();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(empty) as Array<keyof CustomerSummary>) out[key] = doc[key] ?? empty[key];
  return cloneValue(out) as CustomerSummary;
}
