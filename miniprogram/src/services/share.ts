import Taro from '@tarojs/taro';
import { callCloud } from './cloud';

/**
 * The share id (`?s=<shareId>` in a card path, or a QR `scene`) that brought this customer here.
 * Read in App.onLaunch/onShow and in each page; kept in storage (latest wins, 7 days) and passed
 * as `shareId` to order.create / coupon.claim / share.open until the customer is identified.
 */
const KEY = 'linkshelf.shareId';
const TTL_MS = 7 * 24 * 3600 * 1000;
const opened = new Set<string>();

type Query = Record<string, string | undefined> | undefined;

/** Pulls a share id out of page/launch query: `s`, or a QR `scene` "s=<id>" / "<id>". */
export function shareIdFromQuery(q: Query): string | undefined {
  if (!q) return undefined;
  if (q.s) return String(q.s);
  if (q.scene) {
    const scene = decodeURIComponent(String(q.scene));
    const m = /(?:^|&)s=([^&]+)/.exec(scene);
    return m ? m[1] : /^[0-9A-Za-z_-]{1,32}$/.test(scene) ? scene : undefined;
  }
  return undefined;
}

/** Remembers the share id and reports the open once per id (share.open; failures are ignored). */
export function captureShare(q: Query): string | undefined {
  const id = shareIdFromQuery(q);
  if (!id) return undefined;
  Taro.setStorageSync(KEY, { id, at: Date.now() });
  if (!opened.has(id)) {
    opened.add(id);
    callCloud('share', { action: 'open', shareId: id }).catch(() => undefined);
  }
  return id;
}

/** The kept share id, if any and still fresh. */
export function currentShareId(): string | undefined {
  const v = Taro.getStorageSync(KEY) as { id: string; at: number } | '';
  if (!v || !v.id) return undefined;
  if (Date.now() - v.at > TTL_MS) {
    Taro.removeStorageSync(KEY);
    return undefined;
  }
  return v.id;
}

export type ShareTargetType = 'shelf' | 'product' | 'group' | 'coupon';
export type ShareChannel = 'card' | 'poster' | 'moments' | 'link';

const minted = new Map<string, Promise<string>>();

/**
 * Mints (once per target and channel in this session) a share id with share.create; the parent
 * share is the one that brought us here, so re-shares form a chain.
 */
export function mintShare(type: ShareTargetType, id: string, channel: ShareChannel = 'card'): Promise<string> {
  const key = `${type}:${id}:${channel}`;
  let p = minted.get(key);
  if (!p) {
    p = callCloud<{ shareId: string } | string>('share', {
      action: 'create',
      target: { type, id },
      channel,
    }).then((r) => (typeof r === 'string' ? r : r.shareId));
    p.catch(() => minted.delete(key));
    minted.set(key, p);
  }
  return p;
}

/** A page path carrying only the share id: "/pages/shelf/index?s=abc". */
export function sharePath(page: string, shareId?: string): string {
  const path = page.startsWith('/') ? page : `/${page}`;
  return shareId ? `${path}?s=${encodeURIComponent(shareId)}` : path;
}

/** h5: absolute link to a page for copy-link (hash router). */
export function h5Link(page: string, shareId?: string): string {
  const base = typeof window !== 'undefined' ? `${window.location.origin}/` : '/';
  return `${base}#${sharePath(page, shareId)}`;
}
