import { AppError } from '../../shared/errors';
import { getApp, getDb } from './sdk';
import { isTransactionConflict } from './users';

type Db = ReturnType<typeof getDb>;
/** A transaction handle: `tx.collection(name).doc(id)` get/set/update/remove, `tx.collection(name).add`. */
export type Transaction = Awaited<ReturnType<Db['startTransaction']>>;

/**
 * One short transaction. The SDK retries the callback on DATABASE_TRANSACTION_CONFLICT, so the
 * callback must be safe to run more than once (read inside it, decide, write). A conflict that
 * survives the retries becomes CONFLICT; an AppError thrown inside rolls back and is rethrown.
 */
export async function runTransaction<T>(fn: (tx: Transaction) => Promise<T>, times = 5): Promise<T> {
  try {
    return (await getDb().runTransaction(fn, times)) as T;
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
