import Taro from '@tarojs/taro';

/** WeChat's scene for a page opened from Moments (朋友圈) in single-page mode. */
export const SINGLE_PAGE_SCENE = 1154;

/** h5 stand-in for scene 1154: `mode=timeline` in the page URL (search or hash query). */
function h5TimelineMode(): boolean {
  if (typeof window === 'undefined') return false;
  const hash = window.location.hash;
  const hq = hash.indexOf('?');
  const query = new URLSearchParams(hq >= 0 ? hash.slice(hq + 1) : '');
  return new URLSearchParams(window.location.search).get('mode') === 'timeline' || query.get('mode') === 'timeline';
}

/**
 * True when the page runs in WeChat's single-page mode (opened from Moments, scene 1154): no
 * login, no tab bar, no navigation. Nothing that needs a caller may run until the user taps
 * "前往小程序" (WeChat then opens the full mini-program on the same page and query).
 */
export function isSinglePageMode(): boolean {
  if (process.env.TARO_ENV === 'h5') return h5TimelineMode();
  try {
    return Taro.getLaunchOptionsSync().scene === SINGLE_PAGE_SCENE;
  } catch {
    return false;
  }
}
