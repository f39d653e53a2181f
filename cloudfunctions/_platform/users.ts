import type { Role } from '../../shared/roles';
import { command, find, getById, insertOnce } from './store';

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
  const found = new Map<string, UserDoc>();
  if (ids.length > 0) {
    const docs = await find<UserDoc>('users', { _id: ids.length === 1 ? ids[0] : command().in(ids) }, { limit: ids.length });
    for (const d of docs) found.set(d._id, d);
  }
  if (callerOpenid && !found.has(callerOpenid)) {
    const doc = newCustomerDoc(callerOpenid, now);
    if (await insertOnce('users', doc)) found.set(callerOpenid, doc);
    else found.set(callerOpenid, (await getById<UserDoc>('users', callerOpenid)) as UserDoc);
  }
  return found;
}
