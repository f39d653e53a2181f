/**
 * The one data-access layer of the functions: every read and write of a collection goes through
 * these helpers (no other folder touches the SDK's database). Each helper is one database round
 * trip unless its comment says otherwise; collection names are typed from
 * `database/collections.json` (see `collections.ts`).
 */
import { AppError } from '../../shared/errors';
import type { CollectionName } from './collections';
import { getDb } from './sdk';
import { isDuplicateWrite } from './errors';

/** A query (`where`) or an update, with `_` commands as values. */
export type Fields = Record<string, unknown>;

/** A sort key: field and direction. */
export type SortKey = [field: string, direction: 'asc' | 'desc'];

/** Database commands (`_.inc`, `_.in`, `_.gte`, ...; `_.aggregate` for pipelines). */
export function command() {
  return getDb().command;
}

function collection(name: CollectionName) {
  return getDb().collection(name);
}

function rows<T>(res: unknown): T[] {
  const data = (res as { data?: unknown }).data;
  return (Array.isArray(data) ? data : []) as T[];
}

/** One document by id (with `fields`: only those, or all but those), or undefined. */
export async function getById<T>(name: CollectionName, id: string, fields?: Record<string, boolean>): Promise<T | undefined> {
  const ref = collection(name).doc(id);
  return rows<T>(await (fields ? ref.field(fields) : ref).get())[0];
}

/** Options of {@link find}. */
export interface FindOptions {
  limit: number;
  /** Sort keys; `_id` is always added last, so ties come back in one order and paging is stable. */
  orderBy?: SortKey[];
  skip?: number;
  /** Projection, e.g. `{ _id: true }`. */
  fields?: Record<string, boolean>;
}

/**
 * Documents matching `where`, up to `limit`. With `orderBy` the sort always ends on `_id` (in the
 * direction of the last key): the service returns ties in no fixed order otherwise. A `skip`
 * without `orderBy` sorts on `_id`: pages of an unsorted query are not a partition either.
 */
export async function find<T>(name: CollectionName, where: Fields, options: FindOptions): Promise<T[]> {
  let query = collection(name).where(where);
  const keys = options.orderBy ?? [];
  for (const [field, direction] of keys) query = query.orderBy(field, direction);
  const last = keys[keys.length - 1];
  if (last?.[0] !== '_id' && (last || options.skip !== undefined)) query = query.orderBy('_id', last?.[1] ?? 'asc');
  if (options.fields) query = query.field(options.fields);
  if (options.skip) query = query.skip(options.skip);
  return rows<T>(await query.limit(options.limit).get());
}

const PAGE = 1000; // the service's largest page

/** Every document matching `where`, in pages of 1000: one round trip per 1000. Use only where bounded. */
export async function findAll<T>(name: CollectionName, where: Fields, orderBy?: SortKey[]): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const page = await find<T>(name, where, { limit: PAGE, orderBy, skip });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

/** One page of a paged list, and the cursor of the next one (null: this was the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type CursorValue = string | number | boolean | null | { date: string };

function encodeCursor(value: unknown, id: string): string {
  const v: CursorValue = value instanceof Date ? { date: value.toISOString() } : (value as CursorValue) ?? null;
  return Buffer.from(JSON.stringify([v, id])).toString('base64url');
}

function decodeCursor(cursor: string): [unknown, string] {
  try {
    const [v, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [CursorValue, unknown];
    if (typeof id !== 'string') throw new Error('no id');
    if (v && typeof v === 'object') {
      const d = new Date(v.date);
      if (Number.isNaN(d.getTime())) throw new Error('bad date');
      return [d, id];
    }
    return [v, id];
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'cursor: not a cursor this list gave');
  }
}

/** A page of a list: sorted on one key then `_id` (one direction), after `cursor`. */
export interface PageSpec {
  orderBy: SortKey;
  /** Rows per page. */
  limit: number;
  /** The `nextCursor` of the page before (opaque: its last row's sort value and id). */
  cursor?: string | null;
}

/**
 * The query of one page: `where`, and after the first page the rows strictly after the cursor's
 * (key, `_id`). Read `limit + 1` rows sorted by {@link pageSort} with it (a find, or an
 * aggregate's match when the page joins other collections), then {@link pageOf}.
 */
export function pageQuery(where: Fields, page: PageSpec): Fields {
  if (!page.cursor) return where;
  const [value, id] = decodeCursor(page.cursor);
  const [field, direction] = page.orderBy;
  const _ = command();
  const after = direction === 'asc' ? _.gt : _.lt;
  const next = _.or([{ [field]: after.call(_, value) }, { [field]: value, _id: after.call(_, id) }]);
  // A logic command is what `where` takes for `$and`/`$or` at the top level.
  return (Object.keys(where).length === 0 ? next : _.and([where, next])) as unknown as Fields;
}

/** The sort of a page in an aggregate: its key, then `_id` in the same direction. */
export function pageSort(page: PageSpec): Record<string, 1 | -1> {
  const d = page.orderBy[1] === 'asc' ? 1 : -1;
  return { [page.orderBy[0]]: d, _id: d };
}

/**
 * The first `limit` of `rows` (read sorted on `field` then `_id`: a page's `limit + 1` rows, or a
 * list read whole for another reason, e.g. totals) with the cursor of the page after them (null
 * on the last): the next pages come from {@link findPage} or {@link pageQuery}.
 */
export function pageOf<T extends { _id: string }>(rows: T[], field: string, limit: number): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1] as (T & Record<string, unknown>) | undefined;
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last[field], last._id) : null };
}

/**
 * One page of `where` sorted on `field` then `_id` (one direction), after `cursor` (the
 * `nextCursor` of the page before; opaque: the last row's sort value and id). One round trip;
 * stable under inserts and ties, since the sort ends on `_id`.
 * @example await findPage('payouts', { status: 'requested' }, { orderBy: ['requestedAt', 'asc'], limit: 20, cursor })
 */
export async function findPage<T extends { _id: string }>(name: CollectionName, where: Fields, options: PageSpec): Promise<Page<T>> {
  const [field, direction] = options.orderBy;
  // `_id` breaks ties: the service promises no order among equal sort values.
  const rows = await find<T>(name, pageQuery(where, options), { orderBy: [[field, direction], ['_id', direction]], limit: options.limit + 1 });
  return pageOf(rows, field, options.limit);
}

/** How many documents match `where`. */
export async function count(name: CollectionName, where: Fields): Promise<number> {
  const res = await collection(name).where(where).count();
  return Number((res as { total?: number }).total ?? 0);
}

function updatedOf(res: unknown): number {
  return Number((res as { updated?: number }).updated ?? 0);
}

/**
 * The atomic guard: updates the document matching `where` and tells whether exactly one changed.
 * @example await guardedUpdate('skus', { _id, stock: _.gte(2) }, { stock: _.inc(-2) })
 */
export async function guardedUpdate(name: CollectionName, where: Fields, update: Fields): Promise<boolean> {
  return updatedOf(await collection(name).where(where).update(update)) === 1;
}

/** Updates every document matching `where`; returns how many changed. */
export async function updateMany(name: CollectionName, where: Fields, update: Fields): Promise<number> {
  return updatedOf(await collection(name).where(where).update(update));
}

/** The guarded update that returns the document as written, or undefined when `where` matched nothing. */
export async function updateAndReturn<T>(name: CollectionName, where: Fields, update: Fields): Promise<T | undefined> {
  const res = (await collection(name).where(where).updateAndReturn(update)) as { updated?: number; doc?: T | null };
  return updatedOf(res) === 1 ? res.doc ?? undefined : undefined;
}

/** Updates one document by id (no guard); false when there is no such document. */
export async function updateById(name: CollectionName, id: string, update: Fields): Promise<boolean> {
  return updatedOf(await collection(name).doc(id).update(update)) === 1;
}

/** Writes a whole document by id (creates or replaces it). */
export async function setById(name: CollectionName, id: string, data: Fields): Promise<void> {
  await collection(name).doc(id).set(data);
}

/** Inserts one document, or several in one request; a duplicate `_id` throws. */
export async function insert(name: CollectionName, docs: object | object[]): Promise<void> {
  await collection(name).add(docs);
}

/** Inserts a document with its own `_id`; false when that id exists (the uniqueness guard). */
export async function insertOnce<T extends { _id: string }>(name: CollectionName, doc: T): Promise<boolean> {
  try {
    await collection(name).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/**
 * Inserts documents with deterministic ids, skipping those that exist: one batch insert, or —
 * when the batch meets a duplicate (a repeated request) — one `insertOnce` per document.
 * Returns how many were inserted by this call when the batch went through whole, else those the
 * fallback inserted.
 */
export async function insertManyOnce<T extends { _id: string }>(name: CollectionName, docs: T[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    await collection(name).add(docs);
    return docs.length;
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
    let inserted = 0;
    for (const doc of docs) if (await insertOnce(name, doc)) inserted++;
    return inserted;
  }
}

/** Removes one document by id. */
export async function removeById(name: CollectionName, id: string): Promise<void> {
  await collection(name).doc(id).remove();
}

/** Removes the documents matching `where` (a guard like {@link guardedUpdate}); returns how many went. */
export async function removeWhere(name: CollectionName, where: Fields): Promise<number> {
  const res = await collection(name).where(where).remove();
  return Number((res as { deleted?: number }).deleted ?? 0);
}

/**
 * Increments counter fields (dotted paths) of one `counters` document: one write, or, when the
 * document does not exist yet, its insert with `initial` (≤ 3 round trips; a concurrent creator is
 * tolerated and the increment is retried).
 */
export async function incrementCounter(docId: string, paths: Record<string, number>, initial: () => Fields): Promise<void> {
  if (Object.keys(paths).length === 0) return;
  const _ = command();
  const update: Fields = {};
  for (const [path, n] of Object.entries(paths)) update[path] = _.inc(n);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await updateById('counters', docId, update)) return;
    if (await insertOnce('counters', { _id: docId, ...initial() })) return;
  }
  throw new Error(`counter ${docId} could not be incremented`);
}

/** An aggregation on a collection (the SDK's builder; finish with `.end()` and read it with {@link aggregateRows}). */
export function aggregate(name: CollectionName) {
  return collection(name).aggregate();
}

/** The documents an aggregation's `.end()` returned. */
export function aggregateRows<T>(res: unknown): T[] {
  return rows<T>(res);
}
