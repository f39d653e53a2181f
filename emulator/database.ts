/**
 * The SDK's database actions (`database.*` on the /admin endpoint), with Mongo semantics from
 * mingo (query, projection, sort, update operators, aggregation). Shapes follow the real
 * service's replies (see ../shared/reference and @cloudbase/database/src).
 *
 * Where the real service is less kind than a plain in-memory store, the local cloud is too
 * (docs/architecture.md, "Data rules the local cloud enforces"):
 * - an aggregate without a `$limit` stage returns at most 20 documents;
 * - documents with equal sort keys come back in no fixed order (shuffled, seeded);
 * - transactions read a snapshot, and a plain write waits for a transaction holding its document
 *   (transactions.ts);
 * - with the fault `replyLostRate`, a write is applied and its reply lost (faults.ts).
 */
import { Aggregator, find, update as applyUpdate } from 'mingo';
import { clone, parseWire, toWire, WireError, type Doc } from './ejson';
import { ReplyLost, type Faults } from './faults';
import type { IndexChecker } from './indexes';
import { seededRandom, shuffled } from './seeded-random';
import { DbError, type Store } from './store';
import { LockWait, Transactions, type Tx } from './transactions';

type Body = Record<string, unknown>;
export type Reply = Record<string, unknown>;

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
/** What an aggregate without a `$limit` stage returns at most (reported of CloudBase; platform.md). */
export const AGGREGATE_DEFAULT_LIMIT = 20;
/** The seed ties are shuffled with after a start or a reset (`setTieSeed` changes it). */
export const DEFAULT_TIE_SEED = 20260601;

/** Whether an aggregation pipeline (or one of its `$lookup` sub-pipelines) sorts. */
function sorts(pipeline: unknown): boolean {
  if (!Array.isArray(pipeline)) return false;
  return pipeline.some((stage) => {
    if (!stage || typeof stage !== 'object') return false;
    const s = stage as { $sort?: unknown; $lookup?: { pipeline?: unknown } };
    return s.$sort !== undefined || sorts(s.$lookup?.pipeline);
  });
}

/** Whether an `_id` condition names documents (a value, `$eq` or `$in` of values) rather than a range or pattern. */
function pinsId(id: unknown): boolean {
  if (typeof id === 'string' || typeof id === 'number') return true;
  if (!id || typeof id !== 'object' || Array.isArray(id) || id instanceof RegExp) return false;
  const ops = Object.keys(id);
  const { $in, $eq } = id as { $in?: unknown; $eq?: unknown };
  return ops.length === 1 && (Array.isArray($in) || typeof $eq === 'string' || typeof $eq === 'number');
}

export class Database {
  private readonly txs: Transactions;
  private tieSeed = DEFAULT_TIE_SEED;
  private ties = seededRandom(DEFAULT_TIE_SEED);

  constructor(
    private store: Store,
    private now: () => number,
    private faults?: Faults,
    private indexes?: IndexChecker,
  ) {
    this.txs = new Transactions(store);
  }

  /** Reseeds the order in which equal sort keys come back (a run replays with the same seed). */
  setTieSeed(seed: number): void {
    this.tieSeed = seed;
    this.ties = seededRandom(seed);
  }

  /** Candidates in shuffled order: a stable sort then returns equal keys in no fixed order, as MongoDB does. */
  private shuffledForSort(docs: Doc[]): Doc[] {
    return shuffled(docs, this.ties);
  }

  /** "fn.action" of the function call making the current request (for index reports). */
  private caller: string | undefined;

  private mingo(): NonNullable<Parameters<typeof find>[3]> {
    return { idKey: '_id', collectionResolver: (name: string) => this.store.docs(name) };
  }

  /**
   * The documents a query can match: when it pins `_id` (a value or `$in`), only those — the
   * primary-key lookup the real service does — so hot conditional updates don't scan; otherwise
   * the whole collection. mingo still applies the full query to the candidates.
   */
  private candidates(collection: string, query: Record<string, unknown>): Doc[] {
    const id = query._id;
    const pick = (ids: unknown[]) => ids.flatMap((x) => {
      const d = typeof x === 'string' || typeof x === 'number' ? this.store.get(collection, String(x)) : undefined;
      return d ? [d] : [];
    });
    if (typeof id === 'string' || typeof id === 'number') return pick([id]);
    if (id && typeof id === 'object' && !Array.isArray(id) && !(id instanceof RegExp)) {
      const ops = Object.keys(id);
      const $in = (id as { $in?: unknown }).$in;
      if (ops.length === 1 && Array.isArray($in)) return pick([...new Set($in)]);
      const $eq = (id as { $eq?: unknown }).$eq;
      if (ops.length === 1 && (typeof $eq === 'string' || typeof $eq === 'number')) return pick([$eq]);
    }
    return this.store.docs(collection);
  }

  private parse(text: unknown, what: string): unknown {
    return parseWire(text, this.now, what);
  }

  private parseQuery(body: Body): Record<string, unknown> {
    if (body.query === undefined || body.query === '') return {};
    const q = this.parse(body.query, 'query');
    if (!q || typeof q !== 'object' || Array.isArray(q)) throw new WireError('query must be an object');
    return q as Record<string, unknown>;
  }

  private docId(body: Body): string {
    const q = this.parseQuery(body);
    if (q._id === undefined || q._id === null || typeof q._id === 'object') throw new WireError('a DOC query needs an _id');
    return String(q._id);
  }

  /** The database actions of the SDK's wire protocol and the method serving each. */
  private readonly actions: Record<string, (body: Body) => Reply> = {
    'database.addCollection': (b) => this.addCollection(b),
    'database.insertDocument': (b) => this.insert(b),
    'database.getDocument': (b) => this.get(b),
    'database.modifyDocument': (b) => this.modify(b),
    'database.modifyAndReturnDoc': (b) => this.modifyAndReturn(b),
    'database.removeDocument': (b) => this.remove(b),
    'database.calculateDocument': (b) => this.count(b),
    'database.aggregateDocuments': (b) => this.aggregate(b),
    'database.startTransaction': () => this.startTx(),
    'database.commitTransaction': (b) => this.commitTx(b),
    'database.abortTransaction': (b) => this.abortTx(b),
  };

  /**
   * Dispatches one database action. Throws DbError / WireError for error replies, ReplyLost for a
   * write applied whose reply is to be lost. A plain write to a document an open transaction holds
   * waits until that transaction ends, then runs from the start.
   */
  async handle(action: string, body: Body, caller?: string): Promise<Reply> {
    const serve = Object.prototype.hasOwnProperty.call(this.actions, action) ? this.actions[action] : undefined;
    if (!serve) throw new DbError('INVALID_ACTION', `unsupported action ${JSON.stringify(action)}`);
    for (;;) {
      this.txs.expireStale();
      this.caller = caller;
      try {
        return serve(body);
      } catch (err) {
        if (!(err instanceof LockWait)) throw err;
        await this.txs.waitFor(err.txId);
      }
    }
  }

  /** After a write was applied: lose its reply when the fault mode says so. */
  private applied(): void {
    if (this.faults?.loseReply()) throw new ReplyLost();
  }

  /** Writes (null: removes) one document, inside the transaction when there is one, else now. */
  private putOne(tx: Tx | undefined, collection: string, id: string, next: Doc | null): void {
    if (tx) return this.txs.write(tx, collection, id, next);
    this.txs.checkUnlocked(collection, [id]);
    this.maybeFailWrite();
    this.store.put(collection, id, next);
    this.applied();
  }

  // ---- collections -------------------------------------------------------------------------

  private addCollection(body: Body): Reply {
    const name = body.collectionName;
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/.test(name)) {
      throw new DbError('INVALID_PARAM', 'collectionName must be a valid collection name');
    }
    if (!this.store.createCollection(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `collection "${name}" already exists`);
    }
    return { data: {} };
  }

  // ---- single operations ---------------------------------------------------------------------

  private insert(body: Body): Reply {
    const collection = String(body.collectionName ?? '');
    this.store.require(collection);
    if (!Array.isArray(body.data) || body.data.length === 0) throw new WireError('data must be a non-empty array');
    const docs = body.data.map((d, i) => {
      const doc = this.parse(d, `data[${i}]`);
      if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new WireError(`data[${i}] must be an object`);
      return doc as Doc;
    });
    const tx = this.txFor(body);
    const ids = docs.map((doc) => {
      if (doc._id === undefined) doc._id = this.store.newId();
      if (typeof doc._id === 'object' && doc._id !== null) throw new WireError('_id must be a string or number');
      return String(doc._id);
    });
    if (tx) {
      if (new Set(ids).size !== ids.length) throw new DbError('DATABASE_DUPLICATE_WRITE', 'duplicate _id in one insert');
      for (let i = 0; i < docs.length; i++) {
        if (this.txs.view(tx, collection, ids[i])) throw new DbError('DATABASE_DUPLICATE_WRITE', `duplicate _id "${ids[i]}"`);
        this.txs.write(tx, collection, ids[i], docs[i]);
      }
    } else {
      this.txs.checkUnlocked(collection, ids);
      this.maybeFailWrite();
      // A batch insert stops at the first duplicate: the documents before it stay inserted
      // (MongoDB's ordered insertMany), and the reply is the duplicate error.
      for (let i = 0; i < docs.length; i++) {
        if (this.store.get(collection, ids[i])) {
          throw new DbError('DATABASE_DUPLICATE_WRITE', `duplicate _id "${ids[i]}" in ${collection}`);
        }
        this.store.put(collection, ids[i], docs[i]);
      }
      this.applied();
    }
    return { data: { insertedIds: ids } };
  }

  private get(body: Body): Reply {
    const { collection, tx } = this.target(body);
    const one = this.oneDoc(body, collection, tx);
    if (one) {
      const list = one.current ? [toWire(this.project(one.current, body))] : [];
      return { data: { list }, total: list.length, limit: DEFAULT_LIMIT, offset: 0 };
    }
    const query = this.parseQuery(body);
    const offset = Number(body.offset ?? 0);
    const limit = Math.min(Number(body.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) {
      throw new WireError('offset and limit must be non-negative integers');
    }
    const order = body.order ? (this.parse(body.order, 'order') as Record<string, 1 | -1>) : undefined;
    const sortKeys = Object.keys(order ?? {});
    this.indexes?.check(collection, query, sortKeys, this.caller);
    if (offset > 0) this.indexes?.checkPaging(collection, sortKeys, this.caller);
    const candidates = this.candidates(collection, query);
    let cursor = find(sortKeys.length > 0 ? this.shuffledForSort(candidates) : candidates, query, undefined, this.mingo());
    if (order && sortKeys.length > 0) cursor = cursor.sort(order);
    const page = cursor.skip(offset).limit(limit).all() as Doc[];
    const list = page.map((d) => toWire(this.project(d, body)));
    return { data: { list }, limit, offset };
  }

  private project(doc: Doc, body: Body): Doc {
    if (!body.projection) return doc;
    const projection = this.parse(body.projection, 'projection') as Record<string, unknown>;
    if (!projection || Object.keys(projection).length === 0) return doc;
    return (find([doc], {}, projection, this.mingo()).all()[0] ?? doc) as Doc;
  }

  private modifierOf(data: Record<string, unknown>): Record<string, unknown> {
    const keys = Object.keys(data);
    const ops = keys.filter((x) => x.startsWith('$'));
    if (ops.length > 0 && ops.length !== keys.length) throw new WireError('data mixes update operators and fields');
    if (ops.length === 0) return { $set: data };
    for (const op of ops) {
      const fields = data[op];
      if (fields && typeof fields === 'object' && '_id' in (fields as object)) throw new WireError('_id cannot be updated');
    }
    return data;
  }

  /** Applies a modifier to a copy; returns the copy and whether anything changed. */
  private applyModifier(doc: Doc, modifier: Record<string, unknown>): { next: Doc; changed: boolean } {
    const next = clone(doc);
    let changedPaths: string[];
    try {
      changedPaths = applyUpdate(next, modifier as never, undefined, undefined, { cloneMode: 'deep' });
    } catch (err) {
      throw new WireError(`invalid update: ${(err as Error).message}`);
    }
    return { next, changed: changedPaths.length > 0 };
  }

  private modify(body: Body): Reply {
    const { collection, tx } = this.target(body);
    const data = this.parse(body.data, 'data');
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new WireError('data must be an object');
    const merge = body.merge !== false;
    const upsert = body.upsert === true;

    const one = this.oneDoc(body, collection, tx);
    if (one) {
      const { id, current } = one;
      let next: Doc | undefined;
      let updated = 0;
      let upsertId: string | null = null;
      if (!merge) {
        // doc().set(): replace the whole document, creating it when missing.
        const { _id: _ignored, ...fields } = data as Doc;
        next = { ...fields, _id: current?._id ?? id };
        if (current) updated = 1;
        else if (upsert) upsertId = id;
        else return { data: { updated: 0, upsert_id: null } };
      } else {
        const modifier = this.modifierOf(data as Record<string, unknown>);
        if (!current && !upsert) return { data: { updated: 0, upsert_id: null } };
        const r = this.applyModifier(current ?? { _id: id }, modifier);
        if (current && !r.changed) return { data: { updated: 0, upsert_id: null } };
        next = r.next;
        if (current) updated = 1;
        else upsertId = id;
      }
      this.putOne(tx, collection, id, next);
      return { data: { updated, upsert_id: upsertId } };
    }

    const query = this.parseQuery(body);
    this.indexes?.check(collection, query, [], this.caller);
    const modifier = merge ? this.modifierOf(data as Record<string, unknown>) : { $set: data };
    const matched = find(this.candidates(collection, query), query, undefined, this.mingo()).all() as Doc[];
    const targets = body.multi === false ? matched.slice(0, 1) : matched;
    this.txs.checkUnlocked(collection, targets.map((d) => String(d._id)));
    this.maybeFailWrite();
    let updated = 0;
    const writes: Array<[string, Doc]> = [];
    for (const doc of targets) {
      const r = this.applyModifier(doc, modifier);
      if (r.changed) writes.push([String(doc._id), r.next]);
    }
    for (const [id, next] of writes) {
      this.store.put(collection, id, next);
      updated++;
    }
    let upsertId: string | null = null;
    if (targets.length === 0 && upsert) {
      const seed: Doc = { _id: this.store.newId() };
      for (const [f, v] of Object.entries(query)) if (!f.startsWith('$') && (v === null || typeof v !== 'object')) seed[f] = v;
      const r = this.applyModifier(seed, modifier);
      upsertId = String(r.next._id);
      this.store.put(collection, upsertId, r.next);
    }
    if (updated > 0 || upsertId !== null) this.applied();
    return { data: { updated, upsert_id: upsertId } };
  }

  private modifyAndReturn(body: Body): Reply {
    const collection = String(body.collectionName ?? '');
    this.store.require(collection);
    if (this.txFor(body)) throw new WireError('updateAndReturn is not supported inside a transaction');
    const data = this.parse(body.data, 'data');
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new WireError('data must be an object');
    const modifier = this.modifierOf(data as Record<string, unknown>);
    const query = this.parseQuery(body);
    this.indexes?.check(collection, query, [], this.caller);
    const doc = find(this.candidates(collection, query), query, undefined, this.mingo()).limit(1).all()[0] as Doc | undefined;
    if (!doc) return { data: { updated: 0, doc: null } };
    this.txs.checkUnlocked(collection, [String(doc._id)]);
    this.maybeFailWrite();
    const r = this.applyModifier(doc, modifier);
    if (r.changed) {
      this.store.put(collection, String(doc._id), r.next);
      this.applied();
    }
    return { data: { updated: r.changed ? 1 : 0, doc: toWire(r.next) } };
  }

  private remove(body: Body): Reply {
    const { collection, tx } = this.target(body);
    const one = this.oneDoc(body, collection, tx);
    if (one) {
      const { id, current } = one;
      if (!current) return { data: { deleted: 0 } };
      this.putOne(tx, collection, id, null);
      return { data: { deleted: 1 } };
    }
    const query = this.parseQuery(body);
    this.indexes?.check(collection, query, [], this.caller);
    const matched = find(this.candidates(collection, query), query, undefined, this.mingo()).all() as Doc[];
    const targets = body.multi === false ? matched.slice(0, 1) : matched;
    this.txs.checkUnlocked(collection, targets.map((d) => String(d._id)));
    this.maybeFailWrite();
    for (const d of targets) this.store.put(collection, String(d._id), null);
    if (targets.length > 0) this.applied();
    return { data: { deleted: targets.length } };
  }

  private count(body: Body): Reply {
    const collection = String(body.collectionName ?? '');
    this.store.require(collection);
    const query = this.parseQuery(body);
    this.indexes?.check(collection, query, [], this.caller);
    const total = find(this.candidates(collection, query), query, undefined, this.mingo()).all().length;
    return { data: { total } };
  }

  private aggregate(body: Body): Reply {
    const collection = String(body.collectionName ?? '');
    this.store.require(collection);
    if (!Array.isArray(body.stages)) throw new WireError('stages must be an array');
    const pipeline = body.stages.map((s, i) => {
      const stage = s as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stage?.stageKey !== 'string' || !stage.stageKey.startsWith('$')) throw new WireError(`stages[${i}].stageKey is invalid`);
      return { [stage.stageKey]: this.parse(stage.stageValue, `stages[${i}].stageValue`) };
    });
    for (const stage of pipeline) {
      const lookup = (stage as { $lookup?: { from?: unknown } }).$lookup;
      if (lookup) this.store.require(lookup.from);
    }
    this.indexes?.checkPipeline(collection, pipeline as Array<Record<string, unknown>>, this.caller);
    this.indexes?.checkAggregateLimit(collection, pipeline as Array<Record<string, unknown>>, this.caller);
    const { stages, narrowed } = this.narrowLookups(pipeline as Array<Record<string, unknown>>);
    // A pipeline that sorts sees its inputs in shuffled order: equal keys come back in no fixed order.
    const order = sorts(pipeline) ? (docs: Doc[]) => this.shuffledForSort(docs) : (docs: Doc[]) => docs;
    const options = { ...this.mingo(), collectionResolver: (name: string) => order(narrowed.get(name) ?? this.store.docs(name)) };
    const first = (stages[0] as { $match?: Record<string, unknown> }).$match;
    let list: Doc[];
    try {
      list = new Aggregator(stages, options).run(order(first ? this.candidates(collection, first) : this.store.docs(collection))) as Doc[];
    } catch (err) {
      throw new WireError(`invalid aggregate pipeline: ${(err as Error).message}`);
    }
    // CloudBase answers an aggregate that names no limit with its first 20 documents.
    if (!pipeline.some((stage) => '$limit' in stage)) list = list.slice(0, AGGREGATE_DEFAULT_LIMIT);
    return { data: { list: list.map((d) => toWire(d)) } };
  }

  /**
   * The primary-key lookup the real service does inside an aggregation: a `$lookup` whose
   * sub-pipeline starts by matching `_id` (uncorrelated, e.g. "this user") reads only those
   * documents instead of the whole collection. Such stages get a private `from` name that resolves
   * to the candidates; mingo still runs the full sub-pipeline on them, so results are unchanged.
   */
  private narrowLookups(pipeline: Array<Record<string, unknown>>): { stages: Array<Record<string, unknown>>; narrowed: Map<string, Doc[]> } {
    const narrowed = new Map<string, Doc[]>();
    const stages = pipeline.map((stage, i) => {
      const lookup = stage.$lookup as { from?: unknown; pipeline?: Array<Record<string, unknown>> } | undefined;
      const match = lookup?.pipeline?.[0]?.$match as Record<string, unknown> | undefined;
      if (typeof lookup?.from !== 'string' || !match || !pinsId(match._id)) return stage;
      const name = `\u0000lookup${i}`;
      narrowed.set(name, this.candidates(lookup.from, match));
      return { $lookup: { ...lookup, from: name } };
    });
    return { stages, narrowed };
  }

  // ---- transactions (transactions.ts) ---------------------------------------------------------

  private startTx(): Reply {
    return { transactionId: this.txs.start() };
  }

  private txFor(body: Body): Tx | undefined {
    if (body.transactionId === undefined) return undefined;
    return this.txs.get(String(body.transactionId));
  }

  /** The real service allows only doc(id) operations inside a transaction. */
  private requireDocQuery(body: Body, tx: Tx | undefined): void {
    if (tx && body.queryType !== 'DOC') throw new WireError('only doc(id) operations are allowed in a transaction');
  }

  /** The collection a request names (it must exist) and the request's transaction, if any. */
  private target(body: Body): { collection: string; tx: Tx | undefined } {
    const collection = String(body.collectionName ?? '');
    this.store.require(collection);
    return { collection, tx: this.txFor(body) };
  }

  /**
   * A request on one document by id (a DOC query, or any request inside a transaction): its id
   * and the document as this request sees it; null for a where-query.
   */
  private oneDoc(body: Body, collection: string, tx: Tx | undefined): { id: string; current: Doc | undefined } | null {
    if (body.queryType !== 'DOC' && !tx) return null;
    this.requireDocQuery(body, tx);
    const id = this.docId(body);
    return { id, current: tx ? this.txs.view(tx, collection, id) : this.store.get(collection, id) };
  }

  private commitTx(body: Body): Reply {
    const tx = this.txFor(body);
    if (!tx) throw new WireError('transactionId is required');
    const fault = this.faults?.onCommit(this.caller) ?? 'ok';
    if (fault !== 'ok') {
      this.txs.drop(tx);
      if (fault === 'conflict') throw new DbError('DATABASE_TRANSACTION_CONFLICT', 'injected commit conflict');
      throw new DbError('DATABASE_TRANSACTION_FAIL', 'injected commit failure');
    }
    this.txs.commit(tx);
    this.applied();
    return {};
  }

  private abortTx(body: Body): Reply {
    const tx = this.txFor(body);
    if (tx) this.txs.drop(tx);
    return {};
  }

  private maybeFailWrite(): void {
    if (this.faults?.onWrite(this.caller)) throw new DbError('DATABASE_REQUEST_FAILED', 'injected write failure');
  }

  /** Active transactions (for stats and tests). */
  activeTransactions(): number {
    return this.txs.active();
  }

  /** Forgets every transaction and replays ties from the seed again (reset). */
  resetTransactions(): void {
    this.txs.reset();
    this.setTieSeed(this.tieSeed);
  }
}
