/**
 * LocalCloud: the store, the database engine, the function host, the clock, stats, faults and
 * timers of one local CloudBase environment, behind one HTTP server.
 */
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { installCallTracing } from './call-tracing';
import type { DeployPlan } from '../scripts/deploy/plan';
import { loadPlan } from '../scripts/deploy/manifests';
import { rulesOf, type Mode } from './client-db';
import type { LocalCloudApi, Persona } from './cloud-api';
import { Clock } from './clock';
import { Database } from './database';
import { clone } from './ejson';
import { Faults } from './faults';
import { FunctionHost } from './functions';
import { IndexChecker } from './indexes';
import { Persistence } from './persistence';
import { installFunctionRuntimeEnv, LOCAL_ENV_ID } from './runtime-env';
import { buildSeed } from './seed';
import { seedFilePaths } from './seed/files';
import { createServer } from './server';
import { Stats } from './stats';
import { StorageSide } from './storage';
import { Store } from './store';
import { WeChatSide } from './wechat';
import { LOCAL_SUB_MCH_ID } from './wechat/merchant';

export const REPO_ROOT = resolve(__dirname, '..');

export interface LocalCloudOptions {
  /** Folder to persist collections in; omit for an in-memory cloud (tests). */
  dataDir?: string;
  port?: number;
  host?: string;
  /** Run timer functions (cloudbaserc.json triggers) every this many ms; 0 = never (tests). */
  timerIntervalMs?: number;
  /** Where the functions are: cloudfunctions/ (sources, default) or dist/cloudfunctions (bundles). */
  functionsDir?: string;
  /** The deploy plan to provision from; default: the repo's manifests (scripts/deploy/manifests.ts). */
  plan?: DeployPlan;
  /** Calls from clients and timers that run at once (default DEFAULT_INSTANCES; see FunctionHost). */
  instances?: number;
}


/** Pending connections the server's socket queues (Linux caps it at net.core.somaxconn, 4096 by default). */
const LISTEN_BACKLOG = 4096;

export class LocalCloud implements LocalCloudApi {
  readonly clock = new Clock();
  readonly stats = new Stats();
  readonly faults = new Faults();
  readonly store: Store;
  /** What `npm run deploy` creates; the local cloud provisions the same (collections, indexes, rules). */
  readonly plan: DeployPlan;
  readonly indexes: IndexChecker;
  readonly rules: Record<string, Mode>;
  readonly db: Database;
  readonly functions: FunctionHost;
  /** WeChat Pay, cloud calls and their control plane (emulator/wechat). */
  readonly wechat: WeChatSide;
  /** Cloud storage (emulator/storage). */
  readonly storage: StorageSide;
  readonly paths: { functions: string; assets: string; console: string; h5: string } = {
    functions: join(REPO_ROOT, 'cloudfunctions'),
    assets: join(REPO_ROOT, 'emulator', 'assets'),
    console: join(REPO_ROOT, 'emulator', 'console'),
    h5: join(REPO_ROOT, 'miniprogram', 'dist', 'h5'),
  };
  private server: http.Server | undefined;
  private timers: NodeJS.Timeout[] = [];
  url = '';

  constructor(private options: LocalCloudOptions = {}) {
    this.plan = options.plan ?? loadPlan(REPO_ROOT);
    this.indexes = new IndexChecker(this.plan.indexes, this.plan.scanOk);
    this.rules = rulesOf(this.plan);
    if (options.functionsDir) this.paths.functions = options.functionsDir;
    this.store = new Store(options.dataDir ? new Persistence(options.dataDir) : undefined);
    this.db = new Database(this.store, () => this.clock.now(), this.faults, this.indexes);
    this.functions = new FunctionHost(this.paths.functions, this.clock, this.stats, options.instances);
    const side = { repoRoot: REPO_ROOT, dataDir: options.dataDir, envId: 'local', now: () => this.clock.now() };
    this.wechat = new WeChatSide({
      ...side,
      hasFunction: (name) => this.functions.has(name),
      invokeAsPayCallback: (name, event, kind) => this.functions.invoke(name, event, { kind: 'payCallback' }, { label: kind }),
    });
    this.storage = new StorageSide({ ...side, baseUrl: () => this.url });
  }

  async start(): Promise<string> {
    installCallTracing();
    await this.store.load();
    await this.wechat.load();
    await this.storage.load();
    this.provision();
    this.server = createServer(this);
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((ok, fail) => {
      this.server!.once('error', fail);
      // A burst of a thousand clients connecting at once overflows Node's default backlog (511):
      // dropped SYNs are retried by the kernel a second later. Ask for the kernel's maximum.
      this.server!.listen({ port: this.options.port ?? 0, host: this.options.host ?? '127.0.0.1', backlog: LISTEN_BACKLOG }, () => ok());
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    // The functions in this process talk to this cloud through the real SDK, in CloudBase's runtime.
    installFunctionRuntimeEnv(`${this.url}/admin`, LOCAL_ENV_ID);
    // The environment is bound to a WeChat Pay merchant, as a deployed one is (cloudPay adapter config).
    process.env.CLOUDPAY_SUB_MCH_ID ??= LOCAL_SUB_MCH_ID;
    if (this.options.timerIntervalMs) {
      this.startTimers(this.options.timerIntervalMs);
      this.wechat.startTicker();
    }
    return this.url;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /**
   * Creates the plan's collections (its indexes are the checker's). A collection the plan does not
   * name does not exist: using it fails with DATABASE_COLLECTION_NOT_EXIST, as in CloudBase.
   */
  private provision(): void {
    for (const name of this.plan.collections) this.store.createCollection(name);
  }

  /** Empties the environment and provisions it again; forgets transactions and stats. */
  async reset(): Promise<void> {
    this.store.clear();
    this.db.resetTransactions();
    this.wechat.reset();
    this.storage.reset();
    this.provision();
    this.stats.reset();
  }

  /**
   * Loads the demo data (replacing documents with the same ids) and uploads the files it names into
   * storage. `demo`: also the back office's demo documents (`npm start`, POST /_emulator/seed; test
   * clouds seed without them).
   */
  async seed(options: { demo?: boolean } = {}): Promise<void> {
    const data = buildSeed(new Date(this.clock.now()), options);
    for (const [collection, docs] of Object.entries(data)) {
      for (const doc of docs) this.store.put(collection, String(doc._id), clone(doc));
    }
    this.storage.putFiles(seedFilePaths(data).map((path) => ({ path, bytes: readFileSync(join(this.paths.assets, path)) })));
    await this.store.flush();
  }

  isEmpty(): boolean {
    return !this.store.hasCollection('users') || this.store.docs('users').length === 0;
  }

  counts(): Record<string, number> {
    return Object.fromEntries(this.store.collectionNames().map((n) => [n, this.store.docs(n).length]));
  }

  personas(): Persona[] {
    if (!this.store.hasCollection('users')) return [];
    const order = ['customer', 'sales', 'boss', 'ops'];
    return this.store
      .docs('users')
      .filter((u) => typeof u.name === 'string' && u.persona === true)
      .map((u) => ({ openid: String(u._id), role: String(u.role), name: String(u.name) }))
      .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role) || a.openid.localeCompare(b.openid));
  }

  /** Functions with a timer trigger in the plan (cloudbaserc.json). */
  timerFunctions(): string[] {
    return [...new Set(this.plan.triggers.map((t) => t.functionName))];
  }

  /** Fires a timer function now, with the event shape CloudBase timer triggers deliver. */
  async runTimer(name: string): Promise<unknown> {
    const event = { Type: 'Timer', TriggerName: `${name}-timer`, Time: new Date(this.clock.now()).toISOString(), Message: '' };
    return this.functions.invoke(name, event, { kind: 'timer' });
  }

  /**
   * Departure from production: CloudBase fires timers on their 7-field cron; the local cloud
   * fires every timer function on one fixed interval (LINKSHELF_TIMER_MS, default 60 s).
   */
  private startTimers(intervalMs: number): void {
    for (const name of this.timerFunctions()) {
      if (!this.functions.has(name)) continue;
      const t = setInterval(() => {
        this.runTimer(name).catch((err) => console.error(`[timer ${name}]`, err));
      }, intervalMs);
      t.unref();
      this.timers.push(t);
    }
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.store.flush();
    await this.wechat.stop();
    await this.storage.stop();
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((ok) => this.server!.close(() => ok()));
    }
  }
}
