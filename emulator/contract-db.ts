/**
 * The database the conformance suites (`*.contract.ts`) drive through the real SDK: the local
 * cloud, or a real CloudBase environment when CLOUDBASE_ENV_ID, TENCENTCLOUD_SECRETID and
 * TENCENTCLOUD_SECRETKEY are set (README, "Conformance against a real environment"). Each test
 * works in collections of its own, created for it.
 */
import cloudbase from '@cloudbase/node-sdk';
import { startTestCloud, type TestCloud } from './testing';

/** True when the suite runs against a real environment (local-only assertions are skipped). */
export const REAL = Boolean(process.env.CLOUDBASE_ENV_ID && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY);

export type Db = TestCloud['db'];
export type Tx = Awaited<ReturnType<Db['startTransaction']>>;

export interface ContractDb {
  readonly db: Db;
  /** The local cloud (undefined against a real environment). */
  readonly local: TestCloud | undefined;
  /** A new, empty collection for one test. */
  fresh(): Promise<string>;
}

/** Sets up the suite's database for the file (beforeAll/afterAll). */
export function useContractDb(): ContractDb {
  let db: Db | undefined;
  let local: TestCloud | undefined;
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  let seq = 0;
  beforeAll(async () => {
    if (REAL) {
      db = cloudbase
        .init({ env: process.env.CLOUDBASE_ENV_ID, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY, sessionToken: process.env.TENCENTCLOUD_SESSIONTOKEN })
        .database();
    } else {
      local = await startTestCloud({ seed: false });
      db = local.db;
    }
  });
  afterAll(async () => {
    await local?.close();
  });
  return {
    get db(): Db {
      if (!db) throw new Error('useContractDb: the database is set up in beforeAll');
      return db;
    },
    get local() {
      return local;
    },
    async fresh() {
      const name = `contract_${run}_${++seq}`;
      await this.db.createCollection(name);
      return name;
    },
  };
}

/** The service's error code carried by what the SDK threw. */
export function codeOf(err: unknown): string | undefined {
  return (err as { code?: string } | undefined)?.code;
}
