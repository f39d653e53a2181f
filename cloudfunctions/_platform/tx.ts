import { AppError } from '../../shared/errors';
import type { CollectionName } from './collections';
import { isTransactionConflict } from './errors';
import { getApp, getDb } from './sdk';
import type { Fields } from './store';

/** The part of the SDK's transaction handle LinkShelf uses: documents by id (as CloudBase allows). */
export interface Transaction {
  /** The document, or undefined (inside a transaction the SDK answers one document, not a list). */
  get<T>(name: CollectionName, id: string): Promise<T | undefined>;
  update(name: CollectionName, id: string, update: Fields): Promise<void>;
  set(name: CollectionName, id: string, data: Fields): Promise<void>;
}

interface SdkTransaction {
  collection(name: string): {
    doc(id: string): { get(): Promise<unknown>; update(data: Fields): Promise<unknown>; set(data: Fields): Promise<unknown> };
  };
}

function wrap(tx: SdkTransaction): Transaction {
  return {
    async get<T>(name: CollectionName, id: string) {
      const data = ((await tx.collection(name).doc(id).get()) as { data?: unknown }).data;
      return ((Array.isArray(data) ? data[0] : data) ?? undefined) as T | undefined;
    },
    async update(name, id, update) {
      await tx.collection(name).doc(id).update(update);
    },
    async set(name, id, data) {
      await tx.collection(name).doc(id).set(data);
    },
  };
}

/**
 * One short transaction. The SDK retries the callback on DATABASE_TRANSACTION_CONFLICT, so the
 * callback must be safe to run more than once (read inside it, decide, write). A conflict that
 * survives the retries becomes CONFLICT; an AppError thrown inside rolls back and is rethrown.
 */
export async function runTransaction<T>(fn: (tx: Transaction) => Promise<T>, times = 5): Promise<T> {
  try {
    return (await getDb().runTransaction((raw: unknown) => fn(wrap(raw as SdkTransaction)), times)) as T;
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (isTransactionConflict(err)) throw new AppError('CONFLICT', 'busy, please retry');
    throw err;
  }
}

/** Calls another function server-side (no caller identity: the callee sees a 'system' call). */
export async function callFunction<T = unknown>(name: string, data: Record<string, unknown>): Promise<T> {
  const res = await getApp().callFunction({ name, data });
  return res.result as T;
}
