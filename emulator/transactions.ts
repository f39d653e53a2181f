/**
 * Transactions of the local cloud, modelled on MongoDB's (CloudBase's database is MongoDB):
 * - snapshot reads: a transaction reads the database as it was at its first operation, and its
 *   own writes on top (`view`);
 * - write conflicts: a transaction writing a document another open transaction has written, or one
 *   that changed after its snapshot, is aborted at once with DATABASE_TRANSACTION_CONFLICT (MongoDB
 *   aborts it with WriteConflict, a TransientTransactionError the SDK's runTransaction retries);
 * - a plain write (outside any transaction) to a document an open transaction has written waits
 *   until that transaction ends ("the write waits until the transaction ends", MongoDB's
 *   "In-progress Transactions and Write Conflicts"), or until its 60 s lifetime runs out.
 * Writes are buffered and applied in one synchronous step at commit. Departure, stricter than
 * production: at commit every document the transaction READ must also be unchanged since its
 * snapshot (MongoDB lets that through: write skew), so it commits only what a serial order allows.
 */
import type { Doc } from './ejson';
import { DbError, type Store } from './store';

interface TxWrite {
  collection: string;
  id: string;
  doc: Doc | null;
}

export interface Tx {
  id: string;
  startedAt: number;
  /** The store version the transaction reads at: set by its first operation. */
  snapshot: number | undefined;
  /** Keys of documents read (for the stricter commit check). */
  reads: Set<string>;
  writes: Map<string, TxWrite>;
}

/** Thrown inside a plain write that must wait for transaction `txId` to end (Database retries it). */
export class LockWait extends Error {
  constructor(readonly txId: string) {
    super(`waiting for transaction ${txId}`);
  }
}

const TX_LIFETIME_MS = 60_000; // MongoDB's default transactionLifetimeLimitSeconds

export const docKey = (collection: string, id: string) => `${collection}\u0000${id}`;

export class Transactions {
  private txs = new Map<string, Tx>();
  private locks = new Map<string, string>();
  private ended = new Map<string, Array<() => void>>();
  private seq = 0;

  constructor(private store: Store) {}

  start(): string {
    const id = `tx-${++this.seq}-${this.store.newId().slice(0, 8)}`;
    this.txs.set(id, { id, startedAt: Date.now(), snapshot: undefined, reads: new Set(), writes: new Map() });
    return id;
  }

  /** The open transaction `id`; DATABASE_TRANSACTION_FAIL when it ended or never was. */
  get(id: string): Tx {
    const tx = this.txs.get(id);
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} is not active (aborted, committed or unknown)`);
    return tx;
  }

  private snapshotOf(tx: Tx): number {
    if (tx.snapshot === undefined) {
      tx.snapshot = this.store.lastVersion();
      this.retain();
    }
    return tx.snapshot;
  }

  /** The document as `tx` sees it: its own write, else the snapshot. */
  view(tx: Tx, collection: string, id: string): Doc | undefined {
    const key = docKey(collection, id);
    const w = tx.writes.get(key);
    if (w) return w.doc ?? undefined;
    tx.reads.add(key);
    return this.store.getAt(collection, id, this.snapshotOf(tx));
  }

  /** Buffers a write of `tx`, taking the document's write lock. */
  write(tx: Tx, collection: string, id: string, doc: Doc | null): void {
    const key = docKey(collection, id);
    const snapshot = this.snapshotOf(tx);
    const holder = this.locks.get(key);
    if ((holder && holder !== tx.id) || this.store.version(collection, id) > snapshot) {
      this.drop(tx);
      throw new DbError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${collection}/${id}; transaction aborted`);
    }
    this.locks.set(key, tx.id);
    tx.writes.set(key, { collection, id, doc });
  }

  /** Applies every write of `tx` at once, or refuses (conflict) when what it read or wrote changed since its snapshot. */
  commit(tx: Tx): void {
    const snapshot = tx.snapshot ?? this.store.lastVersion();
    for (const key of [...tx.reads, ...tx.writes.keys()]) {
      const [collection, id] = key.split('\u0000');
      if (this.store.version(collection, id) > snapshot) {
        this.drop(tx);
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', `${collection}/${id} changed since the transaction's snapshot`);
      }
    }
    for (const w of tx.writes.values()) {
      if (!this.store.hasCollection(w.collection)) continue;
      this.store.put(w.collection, w.id, w.doc);
    }
    this.drop(tx);
  }

  /** Ends `tx` without applying anything; releases its locks and wakes the writes waiting for it. */
  drop(tx: Tx): void {
    if (!this.txs.delete(tx.id)) return;
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    for (const wake of this.ended.get(tx.id) ?? []) wake();
    this.ended.delete(tx.id);
    this.retain();
  }

  /**
   * For a plain write about to change `keys`: throws LockWait naming an open transaction that has
   * written one of them (the caller waits for it, then tries again from the start).
   */
  checkUnlocked(collection: string, ids: Iterable<string>): void {
    for (const id of ids) {
      const holder = this.locks.get(docKey(collection, id));
      if (holder && this.txs.has(holder)) throw new LockWait(holder);
    }
  }

  /** Resolves when transaction `txId` ends — committed, aborted, or expired at its lifetime. */
  waitFor(txId: string): Promise<void> {
    const tx = this.txs.get(txId);
    if (!tx) return Promise.resolve();
    return new Promise((resolve) => {
      const left = Math.max(0, tx.startedAt + TX_LIFETIME_MS - Date.now());
      const timer = setTimeout(() => this.drop(tx), left);
      timer.unref();
      const waiting = this.ended.get(txId) ?? [];
      waiting.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.ended.set(txId, waiting);
    });
  }

  /** Drops transactions open longer than MongoDB's lifetime limit. */
  expireStale(): void {
    const cutoff = Date.now() - TX_LIFETIME_MS;
    for (const tx of [...this.txs.values()]) if (tx.startedAt < cutoff) this.drop(tx);
  }

  private retain(): void {
    let oldest: number | undefined;
    for (const tx of this.txs.values()) if (tx.snapshot !== undefined && (oldest === undefined || tx.snapshot < oldest)) oldest = tx.snapshot;
    this.store.retainSnapshotsFrom(oldest);
  }

  active(): number {
    return this.txs.size;
  }

  /** Forgets every transaction (reset); writes waiting on one go ahead. */
  reset(): void {
    for (const tx of [...this.txs.values()]) this.drop(tx);
    this.locks.clear();
  }
}
