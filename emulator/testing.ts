/**
 * Test harness: an in-memory local cloud in the test process, plus a real SDK database pointed
 * at it for arranging and asserting documents. Every test file gets its own cloud (own port).
 *
 *   const cloud = await startTestCloud();            // reset + seeded, clock frozen at FIXED_NOW
 *   const r = await cloud.call('shelf', { action: 'view' }, 'o_cust_1');   // as the mini-program user
 *   await cloud.ok('sweep', { action: 'run' }, AS_FUNCTION);              // as another function
 *   await cloud.close();
 */
import { appendFileSync } from 'node:fs';
import cloudbase from '@cloudbase/node-sdk';
import type { Envelope } from '../shared/errors';
import { LocalCloud } from './cloud';
import type { FaultConfig } from './faults';
import type { Invoker } from './functions';
import type { UnindexedQuery } from './indexes';
import type { CallRecord, ActionStats, Concurrency } from './stats';

/** A caller that is another function (SOURCE `scf`, no openid): the platform's own caller of `system` actions. */
export const AS_FUNCTION: Invoker = { kind: 'function', source: 'scf' };

/** The default frozen time of test clouds: 2026-06-01T02:00:00Z (10:00 in Beijing). */
export const FIXED_NOW = new Date('2026-06-01T02:00:00.000Z');

type SdkDb = ReturnType<ReturnType<typeof cloudbase.init>['database']>;

export interface TestCloud {
  url: string;
  cloud: LocalCloud;
  /** A real @cloudbase/node-sdk database pointed at this cloud. */
  db: SdkDb;
  reset(): Promise<void>;
  seed(): Promise<void>;
  setClock(at: Date | string | number): void;
  advanceClock(ms: number): void;
  now(): Date;
  /**
   * Calls `fn`: with an openid (or nothing), as the mini-program does — POST /functions/<fn>, a
   * client call (without an openid it is unauthenticated); with an {@link Invoker}, in-process
   * with that caller's context (another function, a timer, WeChat Pay, a web user).
   */
  call<T = unknown>(fn: string, event: unknown, caller?: string | Invoker): Promise<Envelope<T>>;
  /** Like call, but throws unless ok, and returns data. */
  ok<T = unknown>(fn: string, event: unknown, caller?: string | Invoker): Promise<T>;
  stats(): { byAction: Record<string, ActionStats>; recent: CallRecord[]; concurrency: Record<string, Concurrency> };
  resetStats(): void;
  faults(config: Partial<FaultConfig>): void;
  runTimer<T = unknown>(name: string): Promise<T>;
  /** Queries made by functions that no declared index covers (database/indexes.json). */
  unindexed(): UnindexedQuery[];
  close(): Promise<void>;
}

export async function startTestCloud(
  options: { seed?: boolean; functionsDir?: string; allowUnindexed?: boolean; instances?: number } = {},
): Promise<TestCloud> {
  const cloud = new LocalCloud({ functionsDir: options.functionsDir, instances: options.instances });
  const url = await cloud.start();
  cloud.clock.set(FIXED_NOW.getTime(), true);
  if (options.seed !== false) await cloud.seed();
  const app = cloudbase.init({ env: 'local', serviceUrl: `${url}/admin`, secretId: 'local', secretKey: 'local', timeout: 30000 });
  const db = app.database();

  const call = async <T>(fn: string, event: unknown, caller?: string | Invoker): Promise<Envelope<T>> => {
    if (caller !== undefined && typeof caller !== 'string') return (await cloud.functions.invoke(fn, event, caller)) as Envelope<T>;
    const openid = caller;
    const res = await fetch(`${url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-wx-openid': openid } : {}) },
      body: JSON.stringify(event),
    });
    return (await res.json()) as Envelope<T>;
  };

  return {
    url,
    cloud,
    db,
    reset: () => cloud.reset(),
    seed: () => cloud.seed(),
    setClock: (at) => cloud.clock.set(new Date(at).getTime(), true),
    advanceClock: (ms) => cloud.clock.advance(ms),
    now: () => new Date(cloud.clock.now()),
    call,
    async ok<T>(fn: string, event: unknown, caller?: string | Invoker): Promise<T> {
      const r = await call<T>(fn, event, caller);
      if (!r.ok) throw new Error(`${fn}.${String((event as { action?: string }).action)} failed: ${r.error.code} ${r.error.message}`);
      return r.data;
    },
    stats: () => cloud.stats.snapshot(),
    resetStats: () => cloud.stats.reset(),
    faults: (config) => void cloud.faults.configure(config),
    runTimer: async <T>(name: string) => (await cloud.runTimer(name)) as T,
    unindexed: () => cloud.indexes.report(),
    close: async () => {
      const missing = cloud.indexes.report();
      const unlimited = cloud.indexes.unlimitedAggregates();
      if (process.env.LINKSHELF_INDEX_REPORT && missing.length) {
        appendFileSync(process.env.LINKSHELF_INDEX_REPORT, missing.map((m) => JSON.stringify(m)).join('\n') + '\n');
      }
      await cloud.stop();
      // Like Firestore's emulator, the local cloud reports queries no declared index serves; a
      // test file whose functions made one fails here, naming the query and the caller.
      if (missing.length && !options.allowUnindexed) {
        throw new Error(
          `queries not covered by database/indexes.json:\n${missing.map((m) => `  ${m.caller}: ${m.collection} filter [${m.filter.join(', ')}] sort [${m.sort.join(', ')}] ×${m.count}`).join('\n')}`,
        );
      }
      // CloudBase answers an aggregate without a limit with 20 rows: a function must name one.
      if (unlimited.length) {
        throw new Error(`aggregates without .limit() (CloudBase returns 20 rows at most):\n${unlimited.map((u) => `  ${u.caller}: ${u.collection} ×${u.count}`).join('\n')}`);
      }
    },
  };
}

/**
 * The usual lifecycle for a function test file: one cloud for the file, and before each test a
 * reset, the demo seed and the clock back at FIXED_NOW — so tests share no state.
 *   const t = useTestCloud();
 *   it('...', async () => { await t.cloud.ok('shelf', { action: 'view' }, 'o_cust_1'); });
 */
export function useTestCloud(options: { seed?: boolean } = {}): { readonly cloud: TestCloud } {
  let cloud: TestCloud | undefined;
  beforeAll(async () => {
    cloud = await startTestCloud({ seed: false });
  });
  afterAll(async () => {
    await cloud?.close();
  });
  beforeEach(async () => {
    await cloud!.reset();
    cloud!.setClock(FIXED_NOW);
    if (options.seed !== false) await cloud!.seed();
  });
  return {
    get cloud(): TestCloud {
      if (!cloud) throw new Error('useTestCloud: the cloud starts in beforeAll');
      return cloud;
    },
  };
}
