import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { shareIdFromQuery } from '../services/share';
import { isSinglePageMode } from '../utils/launch';

/**
 * A page opened from Moments has the share id and not its own id (WeChat keeps only the query the
 * page gave `onShareTimeline`): once the full app runs, the landing page opens the share and shows
 * its target. Returns true while redirecting.
 */
export function useShareOnlyRedirect(ownId: string | undefined, params: Record<string, string | undefined>): boolean {
  const sid = ownId ? undefined : shareIdFromQuery(params);
  const redirect = !!sid && !isSinglePageMode();
  useEffect(() => {
    if (redirect && sid) Taro.redirectTo({ url: `/pages/landing/index?s=${encodeURIComponent(sid)}` });
  }, [redirect, sid]);
  return redirect;
}
