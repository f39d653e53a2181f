import type { Role } from '../../shared/roles';
import { getCommand, getDb } from './sdk';

/** A stored user: `users/{openid}`. */
export interface UserDoc {
  _id: string;
  role: Role;
  name?: string;
  createdAt?: Date;
  [k: string]: unknown;
}

/** The document an unknown caller is registered with: a customer, first seen `now`. */
export function newCustomerDoc(openid: string, now: Date): UserDoc {
  return { _id: openid, role: 'customer', createdAt: now };
}

/**
 * Loads the caller (and any extra users an action names) in ONE read, and registers an unknown
 * caller as a customer (one more write, first call only). Duplicate-write on a race is fine:
 * the other call registered the same user.
 */
export async function loadUsers(callerOpenid: string, extra: string[], now: Date): Promise<Map<string, UserDoc>> {
  const ids = [...new Set([callerOpenid, ...extra].filter(Boolean))];
  const _ = getCommand();
  const users = getDb().collection('users');
  const found = new Map<string, UserDoc>();
  if (ids.length > 0) {
    const res = await users.where({ _id: ids.length === 1 ? ids[0] : _.in(ids) }).limit(ids.length).get();
    for (const d of res.data as UserDoc[]) found.set(d._id, d);
  }
  if (callerOpenid && !found.has(callerOpenid)) {
    const doc = newCustomerDoc(callerOpenid, now);
    try {
      await users.add(doc);
      found.set(callerOpenid, doc);
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
      const again = await users.doc(callerOpenid).get();
      found.set(callerOpenid, (again.data as UserDoc[])[0]);
    }
  }
  return found;
}

export function isDuplicateWrite(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_DUPLICATE_WRITE';
}

export function isTransactionConflict(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_TRANSACTION_CONFLICT';
}

/** The SDK throws errors carrying the service's `code`; read it without trusting the shape. */
export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
