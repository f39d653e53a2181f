import Taro from '@tarojs/taro';
import { CloudError } from './errors';

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

/**
 * The only caller of cloud functions. `event` is `{action, ...fields}`; resolves to the envelope's
 * `data`, or throws CloudError(code) for `{ok:false}` (NETWORK for transport failures).
 * weapp: Taro.cloud.callFunction (WeChat injects the caller). h5: POST /functions/<name> on the
 * local cloud that serves this app, caller in header x-wx-openid (the persona).
 */
export async function callCloud<T>(name: string, event: { action: string; [k: string]: unknown }): Promise<T> {
  if (h5Transport) return unwrap<T>(await h5Transport(name, event));
  initCloud();
  try {
    const r = await Taro.cloud.callFunction({ name, data: event });
    return unwrap<T>(r.result);
  } catch (e) {
    if (e instanceof CloudError) throw e;
    throw new CloudError('NETWORK', String((e as Error)?.message || e));
  }
}
