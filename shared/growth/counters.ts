/**
 * Dashboard counters: one document per day (`counters/d:YYYY-MM-DD`, Asia/Shanghai) updated with
 * `_.inc` as events happen, so reading the dashboard costs the same whatever the number of orders.
 *
 * Document shape: `{ _id, day, all: Metrics, s: {salesId: Metrics}, c: {campaign: Metrics},
 * v: {experimentKey: {variant: Metrics}} }`; every field is optional until first incremented.
 */

/** Every counted metric. Names are short because each is a stored field name. */
export const METRICS = [
  'shares', // shares created
  'sharers', // sharers counted the first time they share in the scope
  'opens', // first open of a share by a user (re-opens are not counted)
  'binds', // bindings made by opening a share (first, expired or override)
  'newCustomers', // bindings of customers who had never been bound and never paid
  'orders', // orders created
  'shareOrders', // orders created through a share (funnel "order")
  'paidOrders', // orders paid
  'sharePaidOrders', // paid orders that came through a share (funnel "pay")
  'gmvFen', // paid amount, fen
  'payers', // distinct paying customers of the day
  'newPayers', // customers paying for the first time
  'refunds', // refunds recorded
  'refundFen', // refunded amount, fen
  'couponOrders', // paid orders using a coupon
  'discountFen', // coupon discount on paid orders, fen
  'groupOrders', // paid group-deal orders
  'commissionFen', // pending commission accrued, fen
  'reversedFen', // commission reversed, fen
  'settledFen', // commission that became settleable, fen
  'paidOutFen', // commission paid out (payouts marked paid), fen
  'referrals', // referral candidates recorded
  'rewards', // referral rewards issued
] as const;

/** One metric name, e.g. `'opens'`. */
export type Metric = (typeof METRICS)[number];

/** Values of some metrics. */
export type Metrics = Partial<Record<Metric, number>>;

/** Where an event is counted besides the total. */
export interface CounterScopes {
  salesId?: string | null;
  campaign?: string | null;
  /** Experiment exposures `{key: variant}`. */
  experiments?: Record<string, string>;
}

/** The counter document id of a day, e.g. `'d:2025-03-02'`. */
export function counterDocId(day: string): string {
  return `d:${day}`;
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Field names must be safe map keys in the database: no dots, no `$`, ≤ 32 chars, and never a
 * JavaScript prototype name (which document stores refuse as a path).
 * @example isSafeKey('o_sales_li') // true; isSafeKey('__proto__') // false
 */
export function isSafeKey(k: string): boolean {
  return /^[A-Za-z0-9_-]{1,32}$/.test(k) && !RESERVED_KEYS.has(k);
}

/**
 * Dotted field paths to increment for `metrics` in every scope.
 * @example counterPaths({salesId:'o_sales_li'}, {opens:1})
 *   // { 'all.opens': 1, 's.o_sales_li.opens': 1 }
 */
export function counterPaths(scopes: CounterScopes, metrics: Metrics): Record<string, number> {
  const prefixes = ['all'];
  if (scopes.salesId && isSafeKey(scopes.salesId)) prefixes.push(`s.${scopes.salesId}`);
  if (scopes.campaign && isSafeKey(scopes.campaign)) prefixes.push(`c.${scopes.campaign}`);
  for (const [key, variant] of Object.entries(scopes.experiments ?? {})) {
    if (isSafeKey(key) && isSafeKey(variant)) prefixes.push(`v.${key}.${variant}`);
  }
  const out: Record<string, number> = {};
  for (const p of prefixes) {
    for (const [m, n] of Object.entries(metrics)) {
      if (typeof n === 'number' && n !== 0) out[`${p}.${m}`] = (out[`${p}.${m}`] ?? 0) + n;
    }
  }
  return out;
}

/** Merges several path maps (the same event counted in different scopes). */
export function mergePaths(...maps: Array<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * The nested document equivalent of dotted paths (to create a missing counter document).
 * @example nestPaths({'all.opens': 1}) // { all: { opens: 1 } }
 */
export function nestPaths(paths: Record<string, number>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(paths)) {
    const parts = path.split('.');
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = node[parts[i]];
      if (!next || typeof next !== 'object') node[parts[i]] = {};
      node = node[parts[i]] as Record<string, unknown>;
    }
    const leaf = parts[parts.length - 1];
    node[leaf] = ((node[leaf] as number | undefined) ?? 0) + value;
  }
  return root;
}

/** Sums of metrics over counter documents, by scope. */
export interface CounterSummary {
  all: Metrics;
  bySales: Record<string, Metrics>;
  byCampaign: Record<string, Metrics>;
  byVariant: Record<string, Record<string, Metrics>>;
}

function addMetrics(into: Metrics, from: unknown): void {
  if (!from || typeof from !== 'object') return;
  for (const m of METRICS) {
    const v = (from as Record<string, unknown>)[m];
    if (typeof v === 'number' && Number.isFinite(v)) into[m] = (into[m] ?? 0) + v;
  }
}

function addMap(into: Record<string, Metrics>, from: unknown): void {
  if (!from || typeof from !== 'object') return;
  for (const [k, v] of Object.entries(from as Record<string, unknown>)) {
    into[k] ??= {};
    addMetrics(into[k], v);
  }
}

/**
 * Adds up day counter documents.
 * @example summarizeCounters([{all:{opens:2}}, {all:{opens:3}}]).all.opens // 5
 */
export function summarizeCounters(docs: readonly Record<string, unknown>[]): CounterSummary {
  const out: CounterSummary = { all: {}, bySales: {}, byCampaign: {}, byVariant: {} };
  for (const d of docs) {
    addMetrics(out.all, d.all);
    addMap(out.bySales, d.s);
    addMap(out.byCampaign, d.c);
    const v = d.v;
    if (v && typeof v === 'object') {
      for (const [key, variants] of Object.entries(v as Record<string, unknown>)) {
        out.byVariant[key] ??= {};
        addMap(out.byVariant[key], variants);
      }
    }
  }
  return out;
}

/** The share funnel with step conversion rates (0 when the previous step is 0). */
export interface Funnel {
  shares: number;
  opens: number;
  binds: number;
  orders: number;
  pays: number;
  rates: { openPerShare: number; bindPerOpen: number; orderPerBind: number; payPerOrder: number };
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * Funnel share → open → bind → order → pay from summed metrics (orders and pays count only
 * orders that came through a share).
 * @example funnel({shares:10, opens:30, binds:12, shareOrders:6, sharePaidOrders:5}).rates.openPerShare // 3
 */
export function funnel(m: Metrics): Funnel {
  const shares = m.shares ?? 0;
  const opens = m.opens ?? 0;
  const binds = m.binds ?? 0;
  const orders = m.shareOrders ?? 0;
  const pays = m.sharePaidOrders ?? 0;
  return {
    shares,
    opens,
    binds,
    orders,
    pays,
    rates: {
      openPerShare: ratio(opens, shares),
      bindPerOpen: ratio(binds, opens),
      orderPerBind: ratio(orders, binds),
      payPerOrder: ratio(pays, orders),
    },
  };
}

/**
 * K-factor: new customers brought per sharer (sharers = distinct people who shared in the scope).
 * @example kFactor({newCustomers: 12, sharers: 4}) // 3
 */
export function kFactor(m: Metrics): number {
  return ratio(m.newCustomers ?? 0, m.sharers ?? 0);
}
