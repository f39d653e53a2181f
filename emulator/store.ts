/**
 * The documents of the local cloud: one Map per collection, every write stamped with a global
 * version so transactions can detect that a document changed under them (optimistic control).
 * JavaScript runs one request at a time, so each single operation is atomic by construction:
 * no `await` happens between reading a document and writing it back.
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
    if (doc === null) c.delete(id);
    else c.set(id, doc);
    this.versions.set(key(name, id), ++this.seq);
    this.persistence?.markDirty(name, this);
  }

  newId(): string {
    return randomBytes(16).toString('hex');
  }

  clear(): void {
    this.collections.clear();
    this.versions.clear();
    this.persistence?.markAllDirty(this);
  }

  snapshot(name: string): Doc[] {
    return this.docs(name).map((d) => clone(d));
  }

  async flush(): Promise<void> {
    await this.persistence?.flush(this);
  }
}
