/**
 * Where the SDK talks to: the only "local vs cloud" switch in the project.
 * - In CloudBase: nothing is set; the SDK finds its env and credentials from the runtime.
 * - Locally: the local cloud sets CLOUDBASE_SERVICE_URL (http://127.0.0.1:<port>/admin) before it
 *   loads any function, and the very same SDK calls go there.
 */
export interface PlatformConfig {
  env: string;
  serviceUrl?: string;
  secretId?: string;
  secretKey?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const serviceUrl = env.CLOUDBASE_SERVICE_URL || undefined;
  if (serviceUrl) {
    return { env: env.CLOUDBASE_ENV_ID || 'local', serviceUrl, secretId: 'local', secretKey: 'local' };
  }
  return {
    env: env.CLOUDBASE_ENV_ID || env.TCB_ENV || env.SCF_NAMESPACE || '',
    secretId: env.TENCENTCLOUD_SECRETID,
    secretKey: env.TENCENTCLOUD_SECRETKEY,
  };
}
