import Taro from '@tarojs/taro';

/**
 * h5 only: which seeded person the browser plays (local stand-in for WeChat's injected identity).
 * Chosen in the persona switcher, kept in localStorage, overridable by `?as=<openid>` in the URL.
 * In the weapp build nothing here is used: WeChat injects the caller's openid.
 */
export interface Persona {
  openid: string;
  role: 'customer' | 'sales' | 'boss' | 'ops' | string;
  name: string;
}

const KEY = 'linkshelf.persona';

/** Reads `as` from the page URL (search part or hash query). */
function urlAs(): string | undefined {
  if (typeof window === 'undefined') return undefined;
  const find = (qs: string) => new URLSearchParams(qs).get('as') || undefined;
  const hash = window.location.hash;
  const hq = hash.indexOf('?');
  return find(window.location.search) || (hq >= 0 ? find(hash.slice(hq + 1)) : undefined);
}

export function currentPersona(): Persona | undefined {
  const fromUrl = urlAs();
  const stored = Taro.getStorageSync(KEY) as Persona | '';
  if (fromUrl) {
    if (stored && stored.openid === fromUrl) return stored;
    const p = { openid: fromUrl, role: 'customer', name: fromUrl };
    Taro.setStorageSync(KEY, p);
    return p;
  }
  return stored || undefined;
}

export function currentOpenid(): string {
  return currentPersona()?.openid || '';
}

/** The window event `setPersona` fires (pages showing role-dependent entries re-render on it). */
export const PERSONA_EVENT = 'linkshelf:persona';

export function setPersona(p: Persona): void {
  Taro.setStorageSync(KEY, p);
  if (typeof window !== 'undefined') window.dispatchEvent(new Event(PERSONA_EVENT));
}

export async function fetchPersonas(): Promise<Persona[]> {
  const res = await fetch('/_emulator/personas');
  if (!res.ok) throw new Error(`personas ${res.status}`);
  const body = await res.json();
  return Array.isArray(body) ? body : body.personas || body.data || [];
}
