import { AppError, store } from '../_platform';
import { chinaDayKey } from '../../shared/china-day';
import { summarizeCounters, type CounterSummary } from '../../shared/growth';
import { TOTALS_ID } from './counters';

/** The day range of a report: defaults to everything up to today. */
export function dayRange(now: Date, from?: string, to?: string): { from: string; to: string } {
  const range = { from: from ?? '0000-01-01', to: to ?? chinaDayKey(now) };
  if (range.from > range.to) throw new AppError('INVALID_ARGUMENT', 'from: must not be after to');
  return range;
}

/**
 * Sums the day counters in [from, to]: 1 read per 1000 days, whatever the number of orders.
 */
export async function readCounterSummary(from: string, to: string): Promise<{ summary: CounterSummary; days: number; docs: Array<Record<string, unknown>> }> {
  const _ = store.command();
  const docs = await store.findAll<Record<string, unknown>>('counters', { day: _.gte(from).and(_.lte(to)) }, [['day', 'asc']]);
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
  const totals = await store.getById<Record<string, unknown>>('counters', TOTALS_ID);
  return summarizeCounters(totals ? [totals] : []);
}

/** Names and avatars of every salesperson (1 read; bounded by the sales team). */
export async function readSalespeople(): Promise<Array<{ openid: string; name: string; avatarFileId: string | null }>> {
  const people = await store.find<{ _id: string; name?: string; avatarFileId?: string }>('users', { role: 'sales' }, { limit: 1000 });
  return people.map((u) => ({ openid: u._id, name: u.name ?? u._id, avatarFileId: u.avatarFileId ?? null }));
}
