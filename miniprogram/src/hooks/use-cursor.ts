import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { CloudError } from '../services/errors';

/** A page of a cursor list as the functions answer it. */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list paged by the server's cursor: the first page on mount (and when `deps` change), the next
 * one on reaching the bottom or `more()`, everything again on pull-down.
 */
export function useCursorList<T>(load: (cursor?: string) => Promise<CursorPage<T>>, deps: unknown[] = []) {
  const [items, setItems] = useState<T[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<CloudError>();
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (cursor?: string) => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const page = await loadRef.current(cursor);
      if (my !== seq.current) return;
      setItems((old) => (cursor ? [...(old ?? []), ...page.items] : page.items));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (e) {
      if (my === seq.current) setError(e instanceof CloudError ? e : new CloudError('INTERNAL', String(e)));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => fetchPage(), [fetchPage]);
  const more = useCallback(() => {
    if (next && !loading) void fetchPage(next);
  }, [next, loading, fetchPage]);

  useEffect(() => {
    void fetchPage();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useReachBottom(more);
  usePullDownRefresh(() => {
    fetchPage().finally(() => Taro.stopPullDownRefresh());
  });

  return { items, hasMore: !!next, loading, error, reload, more };
}
