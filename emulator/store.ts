/**
 * The documents of the local cloud: one Map per collection, every write stamped with a global
 * version so transactions can detect that a document changed under them (optimistic control).
 * JavaScript runs one request at a time, so each single operation is atomic by construction:
 * no `await` happens between reading a document and writing it back.
 *
 * While transactions are open the store keeps the documents' earlier states, so a transaction
 * reads the database as it was at its snapshot (`getAt`), as MongoDB's snapshot reads do.
 */
import { randomBytes } from 'node:crypto';
import { clone, type Doc } from './ejson';
import type { Persistence } from './persistence';

export class DbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const key = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Store {
  private collections = new Map<string, Map<string, Doc>>();
  /** Last write version per document key; kept after removal so re-creation is detected. */
  private versions = new Map<string, number>();
  private seq = 0;
  /** Earlier states per document key (oldest first), kept while a snapshot may need them. */
  private history = new Map<string, Array<{ version: number; doc: Doc | undefined }>>();
  /** The oldest snapshot an open transaction reads at; undefined when none is open. */
  private retainFrom: number | undefined;

  constructor(private persistence?: Persistence) {}

  /** Loads persisted collections (npm start) — tests start empty. */
  async load(): Promise<void> {
    if (!this.persistence) return;
    for (const [name, docs] of await this.persistence.loadAll()) {
      const map = new Map<string, Doc>();
      for (const d of docs) map.set(String(d._id), d);
      this.collections.set(name, map);
    }
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()].sort();
  }

  createCollection(name: string): boolean {
    if (this.collections.has(name)) return false;
    this.collections.set(name, new Map());
    this.persistence?.markDirty(name, this);
    return true;
  }

  /** The real service refuses operations on a collection that was never created. */
  require(name: unknown): Map<string, Doc> {
    if (typeof name !== 'string' || name.length === 0) throw new DbError('INVALID_PARAM', 'collectionName is required');
    const c = this.collections.get(name);
    if (!c) {
      throw new DbError(
        'DATABASE_COLLECTION_NOT_EXIST',
        `collection "${name}" does not exist (declare it in database/collections.json)`,
      );
    }
    return c;
  }

  /** Live documents of a collection (do not mutate; callers clone before changing). */
  docs(name: string): Doc[] {
    return [...this.require(name).values()];
  }

  get(name: string, id: string): Doc | undefined {
    return this.require(name).get(id);
  }

  version(name: string, id: string): number {
    return this.versions.get(key(name, id)) ?? 0;
  }

  /** Writes (or with `doc === null` removes) one document and bumps its version. */
  put(name: string, id: string, doc: Doc | null): void {
    const c = this.require(name);
    const k = key(name, id);
    if (this.retainFrom !== undefined) {
      const earlier = this.history.get(k) ?? [];
      earlier.push({ version: this.versions.get(k) ?? 0, doc: c.get(id) });
      this.history.set(k, earlier);
    }
    if (doc === null) c.delete(id);
    else c.set(id, doc);
    this.versions.set(k, ++this.seq);
    this.persistence?.markDirty(name, this);
  }

  /** The version of the latest write (a snapshot reads every write up to it). */
  lastVersion(): number {
    return this.seq;
  }

  /** The document as it was at snapshot `at` (undefined when it did not exist then). */
  getAt(name: string, id: string, at: number): Doc | undefined {
    const k = key(name, id);
    if ((this.versions.get(k) ?? 0) <= at) return this.get(name, id);
    const earlier = this.history.get(k) ?? [];
    for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].version <= at) return earlier[i].doc;
    return undefined;
  }

  /**
   * Keeps earlier states for snapshots from `oldest` on (the oldest open transaction's snapshot),
   * drops the ones no snapshot can read any more; `undefined` (no transaction open) drops them all.
   */
  retainSnapshotsFrom(oldest: number | undefined): void {
    this.retainFrom = oldest;
    if (oldest === undefined) {
      this.history.clear();
      return;
    }
    for (const [k, earlier] of this.history) {
      // An entry is needed while a snapshot falls before the write that replaced it.
      const current = this.versions.get(k) ?? 0;
      const kept = earlier.filter((e, i) => (i + 1 < earlier.length ? earlier[i + 1].version : current) > oldest);
      if (kept.length === 0) this.history.delete(k);
      else this.history.set(k, kept);
    }
  }

  newId(): string {
    return randomBytes(16).toString('hex');
  }

  clear(): void {
    this.collections.clear();
    this.versions.clear();
    this.history.clear();
    this.persistence?.markAllDirty(this);
  }

  snapshot(name: string): Doc[] {
    return this.docs(name).map((d) => clone(d));
  }

  async flush(): Promise<void> {
    await this.persistence?.flush(this);
  }
}
