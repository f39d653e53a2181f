/**
 * Missing-index reports, the way Firestore's emulator reports missing composite indexes. At
 * CloudBase scale an unindexed query is a full scan billed per document read, so every query a
 * function makes must be served by an index the environment has. The local cloud builds its checker
 * from the deploy plan (scripts/deploy/plan.ts, from database/indexes.json): exactly the indexes
 * `npm run deploy` creates, and no other.
 *
 * Coverage rule (deliberately simple and strict): a query with filter fields F and sort fields S
 * is covered when a declared index K has F as the set of its first |F| keys and the sort fields
 * not already in F, in order and direction-insensitive, as the keys right after them (a sort on a
 * filtered field is served by the same index). Queries that pin `_id` are always covered (the
 * primary key). `$or` branches are checked one by one. Only queries made inside function calls are
 * judged (tests may query freely to assert). Collections listed in `scanOk` — small ops-document
 * collections that ops edit by hand — may be read whole.
 */
import type { PlannedIndex } from '../scripts/deploy/plan';

export interface IndexSpec {
  name: string;
  keys: string[];
}

export interface UnindexedQuery {
  collection: string;
  filter: string[];
  sort: string[];
  caller: string;
  count: number;
}

const OPERATOR = /^\$/;

/** Field names a filter constrains (top level, through $and; $or handled by the caller). */
function filterFields(filter: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  for (const [k, v] of Object.entries(filter)) {
    if (k === '$and' && Array.isArray(v)) for (const sub of v) for (const f of filterFields(sub as Record<string, unknown>)) fields.add(f);
    else if (!OPERATOR.test(k)) fields.add(k);
  }
  return [...fields];
}

/** Splits a filter on a top-level $or into one filter per branch. */
function branches(filter: Record<string, unknown>): Array<Record<string, unknown>> {
  const { $or, ...rest } = filter;
  if (!Array.isArray($or)) return [filter];
  return $or.map((b) => ({ ...rest, ...(b as Record<string, unknown>) }));
}

/** A paged query (skip > 0) whose sort does not end on `_id`: ties can repeat or drop rows between pages. */
export interface UnstablePaging {
  collection: string;
  sort: string[];
  caller: string;
  count: number;
}

/** An aggregate a function ran without a top-level `$limit`: CloudBase answers it with 20 documents at most. */
export interface UnlimitedAggregate {
  collection: string;
  caller: string;
  count: number;
}

export class IndexChecker {
  private indexes = new Map<string, IndexSpec[]>();
  private scanOk = new Set<string>();
  private reports = new Map<string, UnindexedQuery>();
  private paging = new Map<string, UnstablePaging>();
  private unlimited = new Map<string, UnlimitedAggregate>();

  /** `indexes`: the provisioned indexes; `scanOk`: collections that may be read whole. */
  constructor(indexes: PlannedIndex[], scanOk: Iterable<string> = []) {
    for (const i of indexes) this.indexes.set(i.collection, [...(this.indexes.get(i.collection) ?? []), { name: i.name, keys: i.keys }]);
    for (const c of scanOk) this.scanOk.add(c);
  }

  private covered(collection: string, filter: string[], allSort: string[]): boolean {
    if (filter.includes('_id') || this.scanOk.has(collection)) return true;
    const sort = allSort.filter((s) => !filter.includes(s));
    if (filter.length === 0 && sort.length === 0) return false;
    for (const spec of this.indexes.get(collection) ?? []) {
      const head = spec.keys.slice(0, filter.length);
      if (head.length !== filter.length || !filter.every((f) => head.includes(f))) continue;
      const next = spec.keys.slice(filter.length, filter.length + sort.length);
      if (next.length === sort.length && sort.every((s, i) => next[i] === s)) return true;
    }
    return false;
  }

  /** Judges one query; `caller` is "fn.action" of the function call that made it. */
  check(collection: string, filter: Record<string, unknown>, sort: string[], caller: string | undefined): void {
    if (!caller) return;
    for (const branch of branches(filter)) {
      const fields = filterFields(branch).sort();
      if (this.covered(collection, fields, sort)) continue;
      const key = `${collection}|${fields.join(',')}|${sort.join(',')}|${caller}`;
      const seen = this.reports.get(key);
      if (seen) seen.count++;
      else this.reports.set(key, { collection, filter: fields, sort, caller, count: 1 });
    }
  }

  /**
   * Notes a function's aggregate that names no top-level `$limit`: it would get at most 20 rows in
   * CloudBase however many match (docs/architecture.md, "Data rules the local cloud enforces").
   */
  checkAggregateLimit(collection: string, pipeline: Array<Record<string, unknown>>, caller: string | undefined): void {
    if (!caller || pipeline.some((stage) => '$limit' in stage)) return;
    const key = `${collection}|${caller}`;
    const seen = this.unlimited.get(key);
    if (seen) seen.count++;
    else this.unlimited.set(key, { collection, caller, count: 1 });
  }

  /** Aggregates functions ran without a limit (see {@link checkAggregateLimit}). */
  unlimitedAggregates(): UnlimitedAggregate[] {
    return [...this.unlimited.values()];
  }

  /** Checks the index-using stages of an aggregate: the leading $match/$sort and $lookup joins. */
  checkPipeline(collection: string, pipeline: Array<Record<string, unknown>>, caller: string | undefined): void {
    if (!caller) return;
    const first = pipeline[0];
    if (first?.$match) {
      const sortStage = pipeline[1]?.$sort as Record<string, unknown> | undefined;
      const match = first.$match as Record<string, unknown>;
      if (filterFields(match).length > 0) this.check(collection, match, sortStage ? Object.keys(sortStage) : [], caller);
    }
    for (const stage of pipeline) {
      const lookup = stage.$lookup as { from?: string; foreignField?: string; pipeline?: Array<Record<string, unknown>> } | undefined;
      if (!lookup?.from) continue;
      if (lookup.foreignField) this.check(lookup.from, { [lookup.foreignField]: 1 }, [], caller);
      if (lookup.pipeline) this.checkPipeline(lookup.from, lookup.pipeline, caller);
    }
  }

  /**
   * Judges a page after the first (`skip > 0`): the service returns equal sort keys in no fixed
   * order, so skip-paging is stable only when the sort ends on the unique `_id`.
   */
  checkPaging(collection: string, sort: string[], caller: string | undefined): void {
    if (!caller || sort[sort.length - 1] === '_id') return;
    const key = `${collection}|${sort.join(',')}|${caller}`;
    const seen = this.paging.get(key);
    if (seen) seen.count++;
    else this.paging.set(key, { collection, sort, caller, count: 1 });
  }

  report(): UnindexedQuery[] {
    return [...this.reports.values()].sort((a, b) => a.collection.localeCompare(b.collection));
  }

  /** Paged queries whose order is not total (see {@link checkPaging}). */
  unstablePaging(): UnstablePaging[] {
    return [...this.paging.values()];
  }

  reset(): void {
    this.reports.clear();
    this.paging.clear();
    this.unlimited.clear();
  }
}
