import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { CloudError } from '../services/errors';

/** One page of a keyset-paged action: its rows and the cursor of the next page (null at the end). */
export interface CursorPage<T> {
  rows: T[];
  nextCursor: string | null;
}

/**
 * A list read page by page from an action with `{cursor?}` → `nextCursor` (catalog.list,
 * team.invites, ...): the first page on mount and when `deps` change, the next on "load more" or
 * reaching the bottom, everything again on pull-down.
 */
export function useCursorList<T>(load: (cursor?: string) => Promise<CursorPage<T>>, deps: unknown[] = []) {
  const [rows, setRows] = useState<T[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<CloudError>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (cursor?: string) => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const page = await loadRef.current(cursor);
      if (my !== seq.current) return;
      setRows((prev) => (cursor ? [...(prev ?? []), ...page.rows] : page.rows));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (e) {
      if (my === seq.current) setError(e instanceof CloudError ? e : new CloudError('INTERNAL', String(e)));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => fetchPage(), [fetchPage]);
  const loadMore = useCallback(() => {
    if (next && !loading) void fetchPage(next);
  }, [fetchPage, next, loading]);

  useEffect(() => {
    void fetchPage();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  usePullDownRefresh(() => {
    fetchPage().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(loadMore);

  return { data: rows, error, loading, reload, loadMore, hasMore: next !== null, setRows };
}
