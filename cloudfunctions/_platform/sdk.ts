import cloudbase from '@cloudbase/node-sdk';
import { readConfig } from './config';

type App = ReturnType<typeof cloudbase.init>;
export type Database = ReturnType<App['database']>;

let app: App | undefined;
let configuredFor: string | undefined;

/**
 * The module-scope SDK app (CloudBase reuses instances, so the client is created once).
 * Created lazily so the local cloud can set CLOUDBASE_SERVICE_URL first; re-created if that
 * URL changes (tests start a fresh local cloud per file).
 */
export function getApp(): App {
  const config = readConfig();
  const key = `${String(config.env)}|${config.serviceUrl ?? ''}`;
  if (!app || configuredFor !== key) {
    if (config.serviceUrl) process.env.TENCENTCLOUD = 'true'; // no metadata probe per request
    app = cloudbase.init({ ...config, timeout: 15000 });
    configuredFor = key;
  }
  return app;
}

/** The database of the current environment (used by the store and transactions only). */
export function getDb(): Database {
  return getApp().database();
}
