/**
 * The growth loop's ops documents, validated on every read: an invalid document is reported (id
 * and field) and skipped, never breaks the caller. One read each.
 */
import type { z } from 'zod';
import { store, type CollectionName } from '../_platform';
import {
  bindingPolicySchema,
  DEFAULT_BINDING_POLICY,
  experimentSchema,
  parseDocs,
  referralProgramSchema,
  type BindingPolicy,
  type DocProblem,
  type Experiment,
  type ReferralProgram,
} from '../../shared/growth';
import { isLive } from '../../shared/promotions';

function reportProblems(problems: DocProblem[]): void {
  for (const p of problems) console.warn(`[growth] skipped ${p.collection}/${p.docId}: ${p.field}: ${p.message}`);
}

/** The valid documents among `raw` (read from `collection`), problems logged. */
function validOnly<T>(collection: CollectionName, schema: z.ZodType<T>, raw: unknown[]): T[] {
  const { valid, problems } = parseDocs(collection, schema, raw);
  reportProblems(problems);
  return valid;
}

/** The valid documents with status active (up to `limit`), problems logged. */
async function loadActive<T>(collection: CollectionName, schema: z.ZodType<T>, limit: number): Promise<T[]> {
  return validOnly(collection, schema, await store.find<unknown>(collection, { status: 'active' }, { limit }));
}

/** The live document of a plan-like collection at `now`: valid, active, inside its window; latest start wins. */
async function loadLatestLive<T extends { _id: string; status: string; startAt?: Date; endAt?: Date }>(
  collection: CollectionName,
  schema: z.ZodType<T>,
  now: Date,
): Promise<T | null> {
  const live = (await loadActive(collection, schema, 50)).filter((p) => isLive(p, now));
  live.sort((a, b) => (b.startAt?.getTime() ?? 0) - (a.startAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
  return live[0] ?? null;
}

/** The binding policy: the first valid active document, else permanent first touch. */
export async function loadBindingPolicy(): Promise<BindingPolicy> {
  const valid = await loadActive('binding_policy', bindingPolicySchema, 20);
  return valid.sort((a, b) => a._id.localeCompare(b._id))[0] ?? DEFAULT_BINDING_POLICY;
}

/**
 * The active `commission_plans` documents as stored, valid or not (1 read): `choosePlan` decides
 * per salesperson, and an invalid one that could apply makes the commission wait, never zero.
 */
export async function loadCommissionPlanDocs(): Promise<unknown[]> {
  return store.find<unknown>('commission_plans', { status: 'active' }, { limit: 100 });
}

/** The live referral program at `now`, or null. */
export function loadReferralProgram(now: Date): Promise<ReferralProgram | null> {
  return loadLatestLive('referral_programs', referralProgramSchema, now);
}

/**
 * The valid active experiments among raw documents joined to another read (a `$lookup` on
 * `experiments`), problems logged: the same as {@link loadExperiments} without its round trip.
 */
export function validExperiments(raw: readonly unknown[]): Experiment[] {
  return validOnly('experiments', experimentSchema, raw.filter((e) => (e as { status?: unknown } | null)?.status === 'active'));
}

/** Every valid experiment with status active; liveness by window is checked by the caller. */
export function loadExperiments(): Promise<Experiment[]> {
  return loadActive('experiments', experimentSchema, 100);
}
