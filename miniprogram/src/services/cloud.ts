import Taro from '@tarojs/taro';
import type { ActionName, Event, FunctionName, Reply } from '../../../shared/contract';
import { CloudError, transportErrorCode } from './errors';
import { isSinglePageMode } from '../utils/launch';

export { CloudError } from './errors';

// h5 transport is required only in the h5 build (webpack drops the dead branch for weapp).
const h5Transport: ((name: string, event: object) => Promise<unknown>) | null =
  process.env.TARO_ENV === 'h5' ? require('./cloud-h5').postFunction : null;

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

let cloudReady = false;
/** weapp: Taro.cloud.init once (called from app.tsx; safe to call again). */
export function initCloud(): void {
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return;
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
  cloudReady = true;
}

function unwrap<T>(reply: unknown): T {
  const env = reply as Envelope<T> | undefined;
  if (env && typeof env === 'object' && 'ok' in env) {
    if (env.ok) return env.data;
    throw new CloudError(env.error?.code || 'INTERNAL', env.error?.message || '');
  }
  throw new CloudError('INTERNAL', 'reply is not an envelope');
}

/** `{action, ...fields}` with only the fields that have a value (functions parse `.strict()`; `null` is a value). */
function eventOf(action: string, fields: object): { action: string; [k: string]: unknown } {
  const event: { action: string; [k: string]: unknown } = { action };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') event[k] = v;
  return event;
}

/**
 * The only caller of cloud functions, typed by the contract (shared/contract, types only): the
 * event fields of `fn.action` in, the reply's `data` out (instants as ISO strings), or
 * CloudError(code) for `{ok:false}` (TIMEOUT when the function outlived its time limit, NETWORK for
 * other transport failures — the same codes in both builds).
 * weapp: Taro.cloud.callFunction (WeChat injects the caller). h5: POST /functions/<name> on the
 * local cloud that serves this app, caller in header x-wx-openid (the persona).
 * @example callCloud('order', 'get', { orderId })
 */
export async function callCloud<F extends FunctionName, A extends ActionName<F>>(fn: F, action: A, fields: Event<F, A>): Promise<Reply<F, A>> {
  // Single-page mode (Moments) has no logged-in caller: nothing is sent until the full app opens.
  if (isSinglePageMode()) throw new CloudError('UNAUTHENTICATED', `${fn}.${action}: not called in single-page mode`);
  const event = eventOf(action, fields);
  if (h5Transport) return unwrap<Reply<F, A>>(await h5Transport(fn, event));
  initCloud();
  try {
    const r = await Taro.cloud.callFunction({ name: fn, data: event });
    return unwrap<Reply<F, A>>(r.result);
  } catch (e) {
    if (e instanceof CloudError) throw e;
    throw new CloudError(transportErrorCode(e), String((e as { errMsg?: string })?.errMsg || (e as Error)?.message || e));
  }
}
