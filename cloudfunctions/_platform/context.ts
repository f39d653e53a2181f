import cloudbase from '@cloudbase/node-sdk';

/** What the platform tells a function about one call. */
export interface CallerContext {
  /** The caller's openid as injected by the platform; '' for server-side callers (timers, other functions). */
  openid: string;
  /** The time of this call. CloudBase: the real clock. Local cloud: its settable clock. */
  now: Date;
  requestId: string;
  /**
   * What triggered this call, as the platform says (getWXContext().SOURCE, context TCB_SOURCE):
   * `wx_client` (the mini-program), `wx_paycallback` (WeChat Pay's callback), `wx_trigger`
   * (a timer), `scf` (another function), '' when the platform gives none.
   */
  source: string;
}

interface RawContext {
  request_id?: string;
  environment?: string;
  environ?: string;
  [k: string]: unknown;
}

/**
 * Reads identity and time from the per-call context, never from the event or process-wide env
 * (calls run concurrently in one instance).
 */
export function readCallerContext(context: unknown): CallerContext {
  const raw = (context && typeof context === 'object' ? context : {}) as RawContext;
  let env: Record<string, string | undefined> = {};
  if (raw.environment || raw.environ) {
    env = cloudbase.getCloudbaseContext(raw as never) as unknown as Record<string, string | undefined>;
  }
  // LINKSHELF_NOW is set only by the local cloud (its settable clock); CloudBase never sets it.
  const forced = Number(env.LINKSHELF_NOW);
  return {
    openid: env.WX_OPENID ?? '',
    now: Number.isFinite(forced) && forced > 0 ? new Date(forced) : new Date(),
    requestId: String(raw.request_id ?? ''),
    source: env.TCB_SOURCE ?? '',
  };
}
