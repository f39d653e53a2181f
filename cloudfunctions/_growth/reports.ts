import { AppError, getCommand, getDb } from '../_platform';
import { dayKey, summarizeCounters, type CounterSummary } from '../../shared/growth';
import { C, TOTALS_ID } from './store';

/** The day range of a report: defaults to everything up to today. */
export function dayRange(now: Date, from?: string, to?: string): { from: string; to: string } {
  const range = { from: from ?? '0000-01-01', to: to ?? dayKey(now) };
  if (range.from > range.to) throw new AppError('INVALID_ARGUMENT', 'from: must not be after to');
  return range;
}

/**
 * Sums the day counters in [from, to]: 1 read per 1000 days, whatever the number of orders.
 */
export async function readCounterSummary(from: string, to: string): Promise<{ summary: CounterSummary; days: number; docs: Array<Record<string, unknown>> }> {
  const _ = getCommand();
  const docs: Array<Record<string, unknown>> = [];
  for (let skip = 0; ; skip += 1000) {
    const res = await getDb().collection(C.counters).where({ day: _.gte(from).and(_.lte(to)) }).orderBy('day', 'asc').skip(skip).limit(1000).get();
    const page = res.data as Array<Record<string, unknown>>;
    docs.push(...page);
    if (page.length < 1000) break;
  }
  return { summary: summarizeCounters(docs), days: docs.length, docs };
}

/**
 * GMV and paid orders per day for the `count` days ending at `to` (zeros for days without
 * activity), from the day counters a report has already read — no extra round trip.
 */
export function dailySeries(docs: Array<Record<string, unknown>>, to: string, count: number): Array<{ day: string; gmvFen: number; paidOrders: number }> {
  const byDay = new Map(docs.map((d) => [String(d.day), (d.all ?? {}) as Record<string, unknown>]));
  const end = Date.parse(`${to}T00:00:00Z`);
  if (!Number.isFinite(end)) return [];
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10);
    const all = byDay.get(day) ?? {};
    return { day, gmvFen: Number(all.gmvFen) || 0, paidOrders: Number(all.paidOrders) || 0 };
  });
}

/** All-time commission totals by salesperson (1 read). */
export async function readTotals(): Promise<CounterSummary> {
  const res = await getDb().collection(C.counters).doc(TOTALS_ID).get();
  return summarizeCounters(res.data as Array<Record<string, unknown>>);
}

/** Names and avatars of every salesperson (1 read; bounded by the sales team). */
export async function readSalespeople(): Promise<Array<{ openid: string; name: string; avatarUrl: string | null }>> {
  const res = await getDb().collection(C.users).where({ role: 'sales' }).limit(1000).get();
  return (res.data as Array<{ _id: string; name?: string; avatarUrl?: string }>).map((u) => ({ openid: u._id, name: u.name ?? u._id, avatarUrl: u.avatarUrl ?? null }));
}
