import { useEffect, useState } from 'react';
import { useShareTimeline } from '@tarojs/taro';
import { mintShare, shareCard, type Minted, type ShareTargetType } from '../services/share';
import { isSinglePageMode } from '../utils/launch';

/**
 * Share to Moments (朋友圈) for a page whose config has `enableShareTimeline: true`. WeChat opens
 * the shared page itself with only `query`, so the query is the share id alone (`s=<id>`): the
 * page (or the landing it redirects to) finds the target from the share. `onShareTimeline` is
 * synchronous, so the `moments` share is minted when the page has its target (weapp only, once
 * per target per session; never in single-page mode, where nothing is called).
 */
export function useMomentsShare(type: ShareTargetType, id: string | undefined, title: string, imageUrl?: string): void {
  const [minted, setMinted] = useState<Minted>();
  useEffect(() => {
    if (process.env.TARO_ENV !== 'weapp' || !id || isSinglePageMode()) return;
    mintShare(type, id, 'moments').then(setMinted, () => undefined);
  }, [type, id]);
  useShareTimeline(() => {
    const card = minted ? shareCard(minted, title, imageUrl) : { title, imageUrl };
    return { title: card.title, query: minted ? momentsQuery(minted.shareId) : '', imageUrl: card.imageUrl };
  });
}

/** The Moments query of a share: its id only. */
export function momentsQuery(shareId: string): string {
  return `s=${encodeURIComponent(shareId)}`;
}
