import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { CloudError } from '../services/errors';

export interface CloudState<T> {
  data: T | undefined;
  error: CloudError | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (d: T) => void;
}

function asCloudError(e: unknown): CloudError {
  return e instanceof CloudError ? e : new CloudError('INTERNAL', String(e));
}

/**
 * Loads once on mount (and when `deps` change), reloads on pull-down; keeps the last data while
 * reloading so the page does not flash back to the skeleton.
 */
export function useCloud<T>(load: () => Promise<T>, deps: unknown[] = [], opts: { skip?: boolean } = {}): CloudState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<CloudError>();
  const [loading, setLoading] = useState(!opts.skip);
  const seq = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const my = ++seq.current;
    setLoading(true);
    try {
      const d = await loadRef.current();
      if (my === seq.current) {
        setData(d);
        setError(undefined);
      }
    } catch (e) {
      if (my === seq.current) setError(asCloudError(e));
    } finally {
      if (my === seq.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (!opts.skip) reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opts.skip, ...deps]);

  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, error, loading, reload, setData };
}

export const PAGE_SIZE = 20;

/** A list shown 20 at a time: more on reaching the bottom, reset on pull-down. */
export function usePaged<T>(load: () => Promise<T[]>, deps: unknown[] = []) {
  const state = useCloud(load, deps);
  const [shown, setShown] = useState(PAGE_SIZE);
  useEffect(() => setShown(PAGE_SIZE), [state.data]);
  useReachBottom(() => {
    if (state.data && shown < state.data.length) setShown((n) => n + PAGE_SIZE);
  });
  const items = (state.data || []).slice(0, shown);
  const hasMore = !!state.data && shown < state.data.length;
  return { ...state, items, hasMore, all: state.data };
}

/** Shows a toast for an action's failure in Chinese by code; returns the code. */
export function toastError(e: unknown): string {
  const err = asCloudError(e);
  Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
  return err.code;
}

/** Ticks every second (for countdowns); returns Date.now(). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}
