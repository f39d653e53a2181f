import Taro from '@tarojs/taro';
import type { Event, Reply } from '../../../shared/contract';
import { shareIdFromQuery, type Query } from '../utils/share-query';
import { callCloud } from './cloud';
import { applyCardTitle } from '../../../shared/growth/experiments';

export { shareIdFromQuery };

/**
 * The share id (`?s=<shareId>` in a card path, or a QR `scene`) that brought this customer here.
 * Read in App.onLaunch/onShow and in each page; kept in storage (latest wins, 7 days) and passed
 * as `shareId` to order.create / coupon.claim / share.open until the customer is identified.
 */
const KEY = 'linkshelf.shareId';
const TTL_MS = 7 * 24 * 3600 * 1000;
const opened = new Map<string, Promise<ShareOpen>>();

/** share.open's reply: the target the share points at and the binding outcome. */
export type ShareOpen = Reply<'share', 'open'>;

/** Remembers the share id and reports the open once per id (share.open; failures are ignored). */
export function captureShare(q: Query): string | undefined {
  const id = shareIdFromQuery(q);
  if (!id) return undefined;
  Taro.setStorageSync(KEY, { id, at: Date.now() });
  openShare(id).catch(() => undefined);
  return id;
}

/** Reports the open once per share id per session (logs the event, binds the customer). */
export function openShare(id: string): Promise<ShareOpen> {
  let p = opened.get(id);
  if (!p) {
    p = callCloud('share', 'open', { shareId: id });
    // a failed open (single-page mode, network) is tried again on the next capture
    p.catch(() => opened.delete(id));
    opened.set(id, p);
  }
  return p;
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

/** What a share points at: shelf | product | group | coupon. */
export type ShareTargetType = Event<'share', 'create'>['target']['type'];
/** Channels of the contract: chat card, QR poster, Moments, copied link (the app's h5 copy-link counts as a card). */
export type ShareChannel = Event<'share', 'create'>['channel'];

export interface Minted {
  shareId: string;
  /** Card path carrying only the share id, e.g. "/pages/landing/index?s=abc". */
  path: string;
  /** The caller's card-experiment treatment (title template, image), null when none applies. */
  card: Reply<'share', 'create'>['card'];
}

const minted = new Map<string, Promise<Minted>>();

/**
 * Mints (once per target and channel in this session) a share id with share.create; the function
 * links it to the share that brought us here, so re-shares form a chain.
 */
export function mintShare(type: ShareTargetType, id: string, channel: ShareChannel = 'card', campaign?: string): Promise<Minted> {
  const key = `${type}:${id}:${channel}:${campaign ?? ''}`;
  let p = minted.get(key);
  if (!p) {
    p = callCloud('share', 'create', { target: { type, id }, channel, campaign }).then((r) => ({ shareId: r.shareId, path: r.path, card: r.card }));
    p.catch(() => minted.delete(key));
    minted.set(key, p);
  }
  return p;
}

/** h5: absolute link for copy-link (hash router), e.g. "http://127.0.0.1:8787/#/pages/landing/index?s=abc". */
export function h5Link(path: string): string {
  const base = typeof window !== 'undefined' ? `${window.location.origin}/` : '/';
  return `${base}#${path.startsWith('/') ? path : `/${path}`}`;
}

/**
 * The chat card of a minted share: the caller's card-experiment title (`{title}` = the page's own
 * title) and image, else the page's.
 * @example shareCard(m, '青瓷茶具', img) // { title: '好友专享价 · 青瓷茶具', path: m.path, imageUrl: img }
 */
export function shareCard(m: Minted, title: string, imageUrl?: string): { title: string; path: string; imageUrl?: string } {
  return { title: applyCardTitle(m.card?.title, title), path: m.path, imageUrl: m.card?.imageUrl ?? imageUrl };
}
