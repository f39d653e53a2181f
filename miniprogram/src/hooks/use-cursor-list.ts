import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { CloudError } from '../services/errors';

/** A page of a server-paged list (`nextCursor` null: the last one). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list paged by the server's cursor: the first page on mount (and when `deps` change), the next
 * one on "load more" or reaching the bottom, all again on pull-down. `first` is the first page's
 * whole reply (for what comes with it, e.g. a balance).
 */
export function useCursorList<P extends CursorPage<unknown>>(load: (cursor?: string) => Promise<P>, deps: unknown[] = []) {
  const [pages, setPages] = useState<P[]>([]);
  const [error, setError] = useState<CloudError>();
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (cursor: string | undefined, reset: boolean) => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const page = await loadRef.current(cursor);
      if (my !== seq.current) return;
      setPages((old) => (reset ? [page] : [...old, page]));
      setError(undefined);
    } catch (e) {
      if (my === seq.current) setError(e instanceof CloudError ? e : new CloudError('INTERNAL', String(e)));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  const reload = useCallback(() => fetchPage(undefined, true), [fetchPage]);
  const last = pages[pages.length - 1];
  const hasMore = !!last?.nextCursor;
  const loadMore = useCallback(() => {
    if (last?.nextCursor && !loading) void fetchPage(last.nextCursor, false);
  }, [fetchPage, last, loading]);

  useEffect(() => {
    setPages([]);
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(loadMore);

  /** Changes loaded rows in place (an optimistic update after an action), keeping every page. */
  const mapItems = useCallback((fn: (item: P['items'][number]) => P['items'][number]) => {
    setPages((old) => old.map((p) => ({ ...p, items: p.items.map(fn) })));
  }, []);

  const items = pages.flatMap((p) => p.items) as P['items'];
  // `data`: the rows once the first page is here (undefined while it loads).
  return { first: pages[0] as P | undefined, items, data: pages.length ? items : undefined, error, loading, hasMore, reload, loadMore, mapItems };
}
