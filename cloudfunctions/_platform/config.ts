import cloudbase from '@cloudbase/node-sdk';

/**
 * Where the SDK talks to, and as whom: the only "local vs cloud" switch in the project.
 * - Locally: the local cloud sets CLOUDBASE_SERVICE_URL (http://127.0.0.1:<port>/admin) before it
 *   loads any function, and the very same SDK calls go there (it checks no signature).
 * - In CloudBase: `{ env: SYMBOL_CURRENT_ENV }` and no keys, the documented way. The runtime's
 *   keys are temporary (TENCENTCLOUD_SECRETID/SECRETKEY plus TENCENTCLOUD_SESSIONTOKEN) and are
 *   renewed under a warm instance; the SDK reads all three on every request only when `init` got
 *   no keys (normalizeConfig deliberately freezes none; getCredentialsOnDemand reads them per
 *   request). Keys passed here would be frozen, and sent without their session token.
 */
export interface PlatformConfig {
  /** An environment id, or the SDK's SYMBOL_CURRENT_ENV (the environment the function runs in). */
  env: string | symbol;
  serviceUrl?: string;
  secretId?: string;
  secretKey?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const serviceUrl = env.CLOUDBASE_SERVICE_URL || undefined;
  if (serviceUrl) {
    return { env: env.CLOUDBASE_ENV_ID || 'local', serviceUrl, secretId: 'local', secretKey: 'local' };
  }
  return { env: cloudbase.SYMBOL_CURRENT_ENV };
}
