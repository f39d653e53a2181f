/** The dashboard's counter documents (`counters/d:YYYY-MM-DD`, `counters/totals`) and per-share counts. */
import { store } from '../_platform';
import { chinaDayKey } from '../../shared/china-day';
import { counterDocId, nestPaths } from '../../shared/growth';

/** Id of the all-time totals counter document (commission owed by salesperson). */
export const TOTALS_ID = 'totals';

/** Increments the all-time totals (see store.incrementCounter). */
export async function incTotals(paths: Record<string, number>): Promise<void> {
  await store.incrementCounter(TOTALS_ID, paths, () => nestPaths(paths));
}

/** Increments the day counter of `at`: 1 write (the first event of a day creates the document). */
export async function incDayCounters(at: Date, paths: Record<string, number>): Promise<void> {
  const day = chinaDayKey(at);
  await store.incrementCounter(counterDocId(day), paths, () => ({ day, ...nestPaths(paths) }));
}

/** Per-node counts of a share document. */
export type ShareCounts = Partial<Record<'opens' | 'binds' | 'newCustomers' | 'children' | 'paidOrders' | 'gmvFen', number>>;

/** Increments per-node counts on a share document (1 write; nothing when all counts are 0). */
export async function incShare(shareId: string, counts: ShareCounts): Promise<void> {
  const _ = store.command();
  const update: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(counts)) if (v) update[k] = _.inc(v);
  if (Object.keys(update).length === 0) return;
  await store.updateById('shares', shareId, update);
}
