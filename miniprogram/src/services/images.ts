import { useEffect, useState } from 'react';
import { tempUrls } from './storage';

/**
 * Replies carry images as references: `/assets/…` paths (served with the app) or `cloud://` file
 * ids. The mini-program's <Image> shows a `cloud://` id as it is; the h5 build asks the local cloud
 * for temporary URLs, all of a page's at once. Returns ref → src to show ('' while resolving).
 */
export function useImageSrcs(refs: Array<string | null | undefined>): Record<string, string> {
  const wanted = [...new Set(refs.filter((r): r is string => !!r))];
  const key = wanted.join('|');
  const [resolved, setResolved] = useState<Record<string, string>>({});
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return;
    const cloud = wanted.filter((r) => r.startsWith('cloud://') && resolved[r] === undefined);
    if (cloud.length === 0) return;
    tempUrls(cloud)
      .then((urls) => setResolved((old) => ({ ...old, ...urls })))
      .catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const out: Record<string, string> = {};
  for (const r of wanted) out[r] = process.env.TARO_ENV === 'h5' && r.startsWith('cloud://') ? resolved[r] ?? '' : r;
  return out;
}
