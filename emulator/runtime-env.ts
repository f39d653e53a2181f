/**
 * The process environment of CloudBase's function runtime, as the hosted functions see it.
 *
 * In CloudBase every call runs in its own instance (SCF), and the runtime marks the process with
 * `TENCENTCLOUD_RUNENV=SCF`. `@cloudbase/node-sdk` reads that mark: outside SCF it turns
 * keep-alive on and sends every request through ONE cached `agentkeepalive` Agent with
 * `maxSockets: 100` per process (`src/utils/request-core.ts` `selectAgent`). The local cloud runs
 * all calls in one process, so that pool would be shared by every call at once: 100 `order.pay`
 * calls each holding a socket on `callFunction('payNotify')` while payNotify's database calls
 * queue for a socket of the same pool is a deadlock (issue 9; reproduced and explained in
 * docs/architecture.md "Resources"). Marked as SCF, the SDK uses Node's global agent, which has no
 * socket limit — each call gets its connections, as each instance would in CloudBase.
 *
 * With the mark, the SDK expects the rest of the runtime's variables (it logs an error on every
 * context read without TENCENTCLOUD_REGION / SCF_NAMESPACE, and takes the current env from
 * SCF_NAMESPACE): the local cloud sets them too. Per-call values (openid, source, time) travel in
 * the call's context, never here.
 */

/** The env id of the local cloud (what `TCB_ENV` / `SCF_NAMESPACE` carry in CloudBase). */
export const LOCAL_ENV_ID = 'local';

/** The local cloud's region, as the runtime's TENCENTCLOUD_REGION (CloudBase's default region). */
export const LOCAL_REGION = 'ap-shanghai';

/** Sets the runtime variables for the functions of this process, pointing their SDK at `serviceUrl`. */
export function installFunctionRuntimeEnv(serviceUrl: string, envId: string): void {
  // Read by cloudfunctions/_platform/config.ts: the only local-vs-cloud switch of the project.
  process.env.CLOUDBASE_SERVICE_URL = serviceUrl;
  process.env.CLOUDBASE_ENV_ID = envId;
  process.env.TENCENTCLOUD_RUNENV = 'SCF';
  process.env.TENCENTCLOUD_REGION = LOCAL_REGION;
  process.env.SCF_NAMESPACE = envId;
  // Without it, an SDK outside SCF probes a cloud metadata host; kept for SDK code paths that ask.
  process.env.TENCENTCLOUD = 'true';
}
