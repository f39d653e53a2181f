/**
 * Persists the local cloud's collections for `npm start`: one canonical-EJSON file per
 * collection under the data folder, written a moment after changes (and on shutdown) through a
 * temp file + rename so a crash never leaves half a file. Tests run without persistence.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import type { Doc } from './ejson';
/** What persistence reads of the store (kept structural: the store imports persistence). */
interface CollectionSource {
  collectionNames(): string[];
  hasCollection(name: string): boolean;
  docs(name: string): Doc[];
}

export class Persistence {
  private dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly dir: string,
    private delayMs = 200,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  async loadAll(): Promise<Array<[string, Doc[]]>> {
    const out: Array<[string, Doc[]]> = [];
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.ejson')) continue;
      const docs = EJSON.parse(readFileSync(join(this.dir, file), 'utf8'), { relaxed: true }) as Doc[];
      out.push([decodeURIComponent(file.slice(0, -'.ejson'.length)), docs]);
    }
    return out;
  }

  markDirty(name: string, store: CollectionSource): void {
    this.dirty.add(name);
    this.schedule(store);
  }

  markAllDirty(store: CollectionSource): void {
    for (const file of readdirSync(this.dir)) if (file.endsWith('.ejson')) rmSync(join(this.dir, file));
    for (const name of store.collectionNames()) this.dirty.add(name);
    this.schedule(store);
  }

  private schedule(store: CollectionSource): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush(store);
    }, this.delayMs);
    this.timer.unref();
  }

  async flush(store: CollectionSource): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const names = [...this.dirty];
    this.dirty.clear();
    for (const name of names) {
      const file = join(this.dir, `${encodeURIComponent(name)}.ejson`);
      if (!store.hasCollection(name)) {
        rmSync(file, { force: true });
        continue;
      }
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, EJSON.stringify(store.docs(name), { relaxed: false }));
      renameSync(tmp, file);
    }
  }
}
