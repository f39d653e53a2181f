/**
 * I/O of the growth loop: ops documents (validated on read), counters, shares. Every helper
 * documents its database round trips.
 */
import { getCommand, getDb, isDuplicateWrite } from '../_platform';
import {
  bindingPolicySchema,
  commissionPlanSchema,
  counterDocId,
  dayKey,
  DEFAULT_BINDING_POLICY,
  experimentSchema,
  isLive,
  nestPaths,
  parseDocs,
  referralProgramSchema,
  type BindingPolicy,
  type CommissionPlan,
  type DocProblem,
  type Experiment,
  type ReferralProgram,
  type ShareDoc,
} from '../../shared/growth';

/** Collections owned by the growth loop. */
export const C = {
  users: 'users',
  shares: 'shares',
  shareEvents: 'share_events',
  bindings: 'bindings',
  ledger: 'commission_ledger',
  counters: 'counters',
  growthOrders: 'growth_orders',
  referrals: 'referral_rewards',
  audits: 'audit_log',
  bindingPolicy: 'binding_policy',
  commissionPlans: 'commission_plans',
  referralPrograms: 'referral_programs',
  experiments: 'experiments',
  coupons: 'coupons',
  couponTemplates: 'coupon_templates',
} as const;

/** Id of the all-time totals counter document (commission owed by salesperson). */
export const TOTALS_ID = 'totals';

function reportProblems(problems: DocProblem[]): void {
  for (const p of problems) console.warn(`[growth] skipped ${p.collection}/${p.docId}: ${p.field}: ${p.message}`);
}

/** The live binding policy (1 read); the first valid active document, else permanent first touch. */
export async function loadBindingPolicy(now: Date): Promise<BindingPolicy> {
  const res = await getDb().collection(C.bindingPolicy).where({ status: 'active' }).limit(20).get();
  const { valid, problems } = parseDocs(C.bindingPolicy, bindingPolicySchema, res.data as unknown[]);
  reportProblems(problems);
  void now;
  return valid.sort((a, b) => a._id.localeCompare(b._id))[0] ?? DEFAULT_BINDING_POLICY;
}

/** The live commission plan (1 read): valid, active and inside its window; latest start wins. */
export async function loadCommissionPlan(now: Date): Promise<CommissionPlan | null> {
  const res = await getDb().collection(C.commissionPlans).where({ status: 'active' }).limit(50).get();
  const { valid, problems } = parseDocs(C.commissionPlans, commissionPlanSchema, res.data as unknown[]);
  reportProblems(problems);
  const live = valid.filter((p) => isLive(p, now));
  live.sort((a, b) => (b.startAt?.getTime() ?? 0) - (a.startAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
  return live[0] ?? null;
}

/** The live referral program (1 read), same rule as plans. */
export async function loadReferralProgram(now: Date): Promise<ReferralProgram | null> {
  const res = await getDb().collection(C.referralPrograms).where({ status: 'active' }).limit(50).get();
  const { valid, problems } = parseDocs(C.referralPrograms, referralProgramSchema, res.data as unknown[]);
  reportProblems(problems);
  const live = valid.filter((p) => isLive(p, now));
  live.sort((a, b) => (b.startAt?.getTime() ?? 0) - (a.startAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
  return live[0] ?? null;
}

/** All valid experiments with status active (1 read); liveness by window is checked by the caller. */
export async function loadExperiments(): Promise<Experiment[]> {
  const res = await getDb().collection(C.experiments).where({ status: 'active' }).limit(100).get();
  const { valid, problems } = parseDocs(C.experiments, experimentSchema, res.data as unknown[]);
  reportProblems(problems);
  return valid;
}

/**
 * Increments dotted counter paths in one counter document: 1 write; on the first event of a day
 * the document is created (≤ 3 round trips, a concurrent creator is tolerated).
 */
export async function incCounterDoc(docId: string, paths: Record<string, number>, extra: Record<string, unknown> = {}): Promise<void> {
  if (Object.keys(paths).length === 0) return;
  const db = getDb();
  const _ = getCommand();
  const update: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(paths)) update[k] = _.inc(v);
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = (await db.collection(C.counters).doc(docId).update(update)) as { updated?: number };
    if (res.updated === 1) return;
    try {
      await db.collection(C.counters).add({ _id: docId, ...extra, ...nestPaths(paths) });
      return;
    } catch (err) {
      if (!isDuplicateWrite(err)) throw err;
    }
  }
  throw new Error(`counter ${docId} could not be incremented`);
}

/** Increments the day counter of `at` (see incCounterDoc). */
export async function incDayCounters(at: Date, paths: Record<string, number>): Promise<void> {
  const day = dayKey(at);
  await incCounterDoc(counterDocId(day), paths, { day });
}

/** Reads a share by id (1 read); null when missing. */
export async function getShare(shareId: string): Promise<ShareDoc | null> {
  const res = await getDb().collection(C.shares).doc(shareId).get();
  const doc = (res.data as ShareDoc[] | undefined)?.[0];
  return doc ?? null;
}

/** Increments per-node counts on a share document (1 write). */
export async function incShare(shareId: string, counts: Partial<Record<'opens' | 'binds' | 'newCustomers' | 'children' | 'paidOrders' | 'gmvFen', number>>): Promise<void> {
  const _ = getCommand();
  const update: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(counts)) if (v) update[k] = _.inc(v);
  if (Object.keys(update).length === 0) return;
  await getDb().collection(C.shares).doc(shareId).update(update);
}

/** Inserts a document; false when a document with that `_id` already exists (idempotent writes). */
export async function insertOnce<T extends { _id: string }>(collection: string, doc: T): Promise<boolean> {
  try {
    await getDb().collection(collection).add(doc);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Reads every document matching `where` in pages of 1000 (server max); use only where bounded. */
export async function readAll<T>(collection: string, where: Record<string, unknown>, orderBy?: [string, 'asc' | 'desc']): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += 1000) {
    let q = getDb().collection(collection).where(where);
    if (orderBy) q = q.orderBy(orderBy[0], orderBy[1]);
    const res = await q.skip(skip).limit(1000).get();
    const page = res.data as T[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}
