/**
 * What the local cloud's HTTP handlers (server, client database, console, static files) use of
 * one LocalCloud. They depend on this shape, not on the class, so the class can build its server
 * without an import ring.
 */
import type { AclTag } from '../scripts/deploy/plan';
import type { Clock } from './clock';
import type { Database } from './database';
import type { Faults } from './faults';
import type { FunctionHost } from './functions';
import type { IndexChecker } from './indexes';
import type { Stats } from './stats';
import type { StorageSide } from './storage';
import type { Store } from './store';
import type { WeChatSide } from './wechat';

/** A seeded person the h5 persona switcher offers. */
export interface Persona {
  openid: string;
  role: string;
  name: string;
}

export interface LocalCloudApi {
  readonly clock: Clock;
  readonly stats: Stats;
  readonly faults: Faults;
  readonly store: Store;
  readonly indexes: IndexChecker;
  /** Permission mode per collection (database/security-rules.json through the deploy plan). */
  readonly rules: Record<string, AclTag>;
  readonly db: Database;
  readonly functions: FunctionHost;
  readonly wechat: WeChatSide;
  readonly storage: StorageSide;
  readonly paths: { functions: string; assets: string; console: string; h5: string };
  readonly url: string;
  reset(): Promise<void>;
  seed(options?: { demo?: boolean }): Promise<void>;
  counts(): Record<string, number>;
  personas(): Persona[];
  runTimer(name: string): Promise<unknown>;
}
