import cloudbase from '@cloudbase/node-sdk';

/**
 * Who makes a call, as the platform's call context says — never the event, and never inferred from
 * a missing openid:
 * - `client`: the mini-program (`wx.cloud.callFunction`), SOURCE `wx_client` (or another WeChat
 *   client source: `wx_devtools`, `wx_localdebug`, `wx_unknown`, `wx_http`, `wx_crawler`); its
 *   openid is WX_OPENID, and a client call without one is unauthenticated;
 * - `function`: another function (`callFunction`): SOURCE ends in `scf` (the chain, e.g.
 *   `wx_client,scf` for a function called by a function the mini-program called);
 * - `timer`: a timer trigger: SOURCE `wx_trigger`, or `TRIGGER_SRC=timer`;
 * - `payCallback`: WeChat Pay's callback through cloudPay: SOURCE `wx_paycallback`;
 * - `web` / `anonymous`: a web client signed in with CloudBase auth (TCB_UUID, no openid),
 *   anonymously when TCB_ISANONYMOUS_USER is `true`;
 * - `unknown`: none of these (no context, or a source LinkShelf does not serve).
 * Sources: getWXContext's SOURCE table (WeChat cloud development docs), the node SDK's
 * getCloudbaseContext and its X-TCB-Source header (`<TCB_SOURCE>,scf` from a function).
 */
export type CallerKind = 'client' | 'function' | 'timer' | 'payCallback' | 'web' | 'anonymous' | 'unknown';

/** The callers the platform itself makes (`system` actions take the first two, `wechatpay` ones the last). */
export const SYSTEM_CALLERS: readonly CallerKind[] = ['function', 'timer', 'payCallback'];

const CLIENT_SOURCES = new Set(['wx_client', 'wx_devtools', 'wx_localdebug', 'wx_unknown', 'wx_http', 'wx_crawler']);

/** What the platform tells a function about one call. */
export interface CallerContext {
  /** Who calls (see {@link CallerKind}). */
  kind: CallerKind;
  /** The mini-program user's openid as injected by the platform; '' when there is none. */
  openid: string;
  /** The time of this call. CloudBase: the real clock. Local cloud: its settable clock. */
  now: Date;
  requestId: string;
  /** The context's SOURCE as given (getWXContext().SOURCE, TCB_SOURCE): the call chain, comma-separated. */
  source: string;
}

interface RawContext {
  request_id?: string;
  environment?: string;
  environ?: string;
  [k: string]: unknown;
}

/**
 * The caller kind a call context describes.
 * @example callerKindOf({ TCB_SOURCE: 'wx_client,scf' }) // 'function'
 */
export function callerKindOf(env: Record<string, string | undefined>): CallerKind {
  const source = env.TCB_SOURCE ?? '';
  const last = source.split(',').pop()?.trim() ?? '';
  if (last === 'scf') return 'function';
  if (last === 'wx_paycallback') return 'payCallback';
  if (last === 'wx_trigger' || (source === '' && env.TRIGGER_SRC === 'timer')) return 'timer';
  if (CLIENT_SOURCES.has(last)) return 'client';
  if (source === '' && env.TCB_UUID) return env.TCB_ISANONYMOUS_USER === 'true' ? 'anonymous' : 'web';
  return 'unknown';
}

/**
 * Reads the caller and the time from the per-call context, never from the event or process-wide
 * env (calls run concurrently in one instance).
 */
export function readCallerContext(context: unknown): CallerContext {
  const raw = (context && typeof context === 'object' ? context : {}) as RawContext;
  const env: Record<string, string | undefined> = {};
  if (raw.environment || raw.environ) {
    // The old context format (`environ`) splits values at commas into arrays; SOURCE is a chain.
    for (const [k, v] of Object.entries(cloudbase.getCloudbaseContext(raw as never) as unknown as Record<string, unknown>)) {
      env[k] = Array.isArray(v) ? v.join(',') : v === undefined ? undefined : String(v);
    }
  }
  // LINKSHELF_NOW is set only by the local cloud (its settable clock); CloudBase never sets it.
  const forced = Number(env.LINKSHELF_NOW);
  return {
    kind: callerKindOf(env),
    openid: env.WX_OPENID ?? '',
    now: Number.isFinite(forced) && forced > 0 ? new Date(forced) : new Date(),
    requestId: String(raw.request_id ?? ''),
    source: env.TCB_SOURCE ?? '',
  };
}
