/**
 * LocalCloud: the store, the database engine, the function host, the clock, stats, faults and
 * timers of one local CloudBase environment, behind one HTTP server.
 */
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { installCallTracing } from './call-tracing';
import { loadRules, type Mode } from './client-db';
import { Clock } from './clock';
import { Database } from './database';
import { clone } from './ejson';
import { Faults } from './faults';
import { FunctionHost } from './functions';
import { IndexChecker } from './indexes';
import { Persistence } from './persistence';
import { installFunctionRuntimeEnv, LOCAL_ENV_ID } from './runtime-env';
import { buildSeed } from './seed';
import { createServer } from './server';
import { Stats } from './stats';
import { Store } from './store';

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
  /** Calls from clients and timers that run at once (default DEFAULT_INSTANCES; see FunctionHost). */
  instances?: number;
}

export interface Persona {
  openid: string;
  role: string;
  name: string;
}

/** Pending connections the server's socket queues (Linux caps it at net.core.somaxconn, 4096 by default). */
const LISTEN_BACKLOG = 4096;

export class LocalCloud {
  readonly clock = new Clock();
  readonly stats = new Stats();
  readonly faults = new Faults();
  readonly store: Store;
  readonly indexes = IndexChecker.fromRepo(REPO_ROOT);
  readonly rules: Record<string, Mode> = loadRules(REPO_ROOT);
  readonly db: Database;
  readonly functions: FunctionHost;
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
    if (options.functionsDir) this.paths.functions = options.functionsDir;
    this.store = new Store(options.dataDir ? new Persistence(options.dataDir) : undefined);
    this.db = new Database(this.store, () => this.clock.now(), this.faults, this.indexes);
    this.functions = new FunctionHost(this.paths.functions, this.clock, this.stats, options.instances);
  }

  /** Collections declared in database/collections.json (created on reset). */
  static declaredCollections(): string[] {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'database', 'collections.json'), 'utf8')) as { collections: string[] };
    return file.collections;
  }

  async start(): Promise<string> {
    installCallTracing();
    await this.store.load();
    for (const name of LocalCloud.declaredCollections()) this.store.createCollection(name);
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
    if (this.options.timerIntervalMs) this.startTimers(this.options.timerIntervalMs);
    return this.url;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Empties every collection (declared ones are re-created), forgets transactions and stats. */
  async reset(): Promise<void> {
    this.store.clear();
    this.db.resetTransactions();
    for (const name of LocalCloud.declaredCollections()) this.store.createCollection(name);
    this.stats.reset();
  }

  /** Loads the demo data (replacing documents with the same ids). */
  async seed(): Promise<void> {
    const data = buildSeed(new Date(this.clock.now()));
    for (const [collection, docs] of Object.entries(data)) {
      this.store.createCollection(collection);
      for (const doc of docs) this.store.put(collection, String(doc._id), clone(doc));
    }
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

  /** Timer functions from cloudbaserc.json. */
  timerFunctions(): string[] {
    return this.functions.config.timerFunctions();
  }

  /** Fires a timer function now, with the event shape CloudBase timer triggers deliver. */
  async runTimer(name: string): Promise<unknown> {
    const event = { Type: 'Timer', TriggerName: `${name}-timer`, Time: new Date(this.clock.now()).toISOString(), Message: '' };
    return this.functions.invoke(name, event, '');
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
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((ok) => this.server!.close(() => ok()));
    }
  }
}
