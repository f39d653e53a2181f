/**
 * Small typed helpers over the platform database for the commerce functions. Every helper is one
 * database round trip.
 */
import { getCommand, getDb, isDuplicateWrite } from '../_platform';

/** Collections the commerce core reads or writes (declared in database/collections.json). */
export type CommerceCollection =
  | 'users'
  | 'products'
  | 'skus'
  | 'coupon_templates'
  | 'coupons'
  | 'group_deals'
  | 'teams'
  | 'team_members'
  | 'orders'
  | 'payments'
  | 'refunds'
  | 'counters';

type Query = Record<string, unknown>;

/** The collection reference. */
export function col(name: CommerceCollection) {
  return getDb().collection(name);
}

/** `_` commands. */
export const cmd = () => getCommand();

/** One document by id, or undefined. */
export async function getById<T>(name: CommerceCollection, id: string): Promise<T | undefined> {
  const res = await col(name).doc(id).get();
  const data = (res as { data?: unknown[] }).data ?? [];
  return (data[0] as T | undefined) ?? undefined;
}

/** Documents matching `where`, up to `limit`. */
export async function find<T>(name: CommerceCollection, where: Query, limit = 100, orderBy?: [string, 'asc' | 'desc']): Promise<T[]> {
  let q = col(name).where(where);
  if (orderBy) q = q.orderBy(orderBy[0], orderBy[1]);
  const res = await q.limit(limit).get();
  return ((res as { data?: unknown[] }).data ?? []) as T[];
}

/** Documents by ids (one read). */
export async function findByIds<T>(name: CommerceCollection, ids: string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length === 1) {
    const one = await getById<T>(name, unique[0]);
    return one ? [one] : [];
  }
  return find<T>(name, { _id: cmd().in(unique) }, unique.length);
}

/**
 * The atomic guard: updates the documents matching `where` and tells whether exactly one changed.
 * @example await guardedUpdate('skus', { _id, stock: _.gte(2) }, { stock: _.inc(-2) })
 */
export async function guardedUpdate(name: CommerceCollection, where: Query, update: Query): Promise<boolean> {
  const res = await col(name).where(where).update(update);
  return Number((res as { updated?: number }).updated ?? 0) === 1;
}

/** Updates matching documents; returns how many changed. */
export async function updateMany(name: CommerceCollection, where: Query, update: Query): Promise<number> {
  const res = await col(name).where(where).update(update);
  return Number((res as { updated?: number }).updated ?? 0);
}

/** Inserts a document with its own `_id`; false when that id exists (the uniqueness guard). */
export async function insertUnique<T extends { _id: string }>(name: CommerceCollection, doc: T): Promise<boolean> {
  try {
    await col(name).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Removes one document by id. */
export async function removeById(name: CommerceCollection, id: string): Promise<void> {
  await col(name).doc(id).remove();
}
