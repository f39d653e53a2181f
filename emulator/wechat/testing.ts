/**
 * Tests only: a local cloud whose function host serves the fixture functions (payCallback), with
 * the collection the fixture writes to, plus the real SDK's WeChat calls against it.
 */
import { join } from 'node:path';
import cloudbase from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from '../testing';

export const FIXTURE_FUNCTIONS = join(__dirname, 'fixtures', 'functions');
export const CALLBACK_FN = 'payCallback';

export type SdkApp = ReturnType<typeof cloudbase.init>;

export interface WeChatTestCloud extends TestCloud {
  app: SdkApp;
  /** cloudPay through the real SDK; the raw reply parsed as JSON. */
  pay(apiName: string, fields: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** POST /_emulator/<path> (GET when body is undefined). */
  control<T = unknown>(path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** The deliveries the fixture recorded for a trade or refund. */
  deliveries(key: string): Promise<{ deliveries: number; events: Array<Record<string, unknown>>; sources: string[]; openids: string[] } | undefined>;
  resetAll(): Promise<void>;
}

export async function startWeChatTestCloud(): Promise<WeChatTestCloud> {
  const cloud = await startTestCloud({ seed: false, functionsDir: FIXTURE_FUNCTIONS });
  const app = cloudbase.init({ env: 'local', serviceUrl: `${cloud.url}/admin`, secretId: 'local', secretKey: 'local', timeout: 30000 });
  const control = async <T>(path: string, body?: unknown) => {
    const res = await fetch(`${cloud.url}/_emulator/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const resetAll = async () => {
    await cloud.reset();
    cloud.setClock(new Date('2026-06-01T02:00:00.000Z'));
    await cloud.db.createCollection('fixture_callbacks');
  };
  await resetAll();
  return Object.assign(cloud, {
    app,
    control,
    resetAll,
    async pay(apiName: string, fields: Record<string, unknown>) {
      const raw: unknown = await app.callWxPayApi({ apiName, requestData: Buffer.from(JSON.stringify(fields)) });
      if (!Buffer.isBuffer(raw)) throw new Error(`${apiName}: expected the raw reply as a Buffer, got ${typeof raw}`);
      return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    },
    async deliveries(key: string) {
      const { data } = await cloud.db.collection('fixture_callbacks').doc(key).get();
      return (data as Array<{ deliveries: number; events: Array<Record<string, unknown>>; sources: string[]; openids: string[] }>)[0];
    },
  });
}

/**
 * The usual lifecycle for a WeChat-side test file: one cloud for the file, everything reset
 * (database, WeChat side, storage, clock) before each test.
 *   const w = useWeChatTestCloud();
 *   it('...', async () => { await w.cloud.pay('cloudPay.queryOrder', {...}); });
 */
export function useWeChatTestCloud(): { readonly cloud: WeChatTestCloud } {
  let cloud: WeChatTestCloud | undefined;
  beforeAll(async () => {
    cloud = await startWeChatTestCloud();
  });
  afterAll(async () => {
    await cloud?.close();
  });
  beforeEach(async () => {
    await cloud!.resetAll();
  });
  return {
    get cloud(): WeChatTestCloud {
      if (!cloud) throw new Error('useWeChatTestCloud: the cloud starts in beforeAll');
      return cloud;
    },
  };
}
