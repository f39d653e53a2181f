import { isLive } from '../promotions/fields';
import { commissionPlanSchema, type CommissionPlan } from './commission';
import { parseDocs, type DocProblem } from './ops-docs';

/**
 * Which commission plan pays a salesperson's order, from the stored `commission_plans` documents
 * (raw: valid and invalid). Never a silent zero: when a document that fails its schema could be
 * the plan of this salesperson, the commission waits until ops fix it.
 */
export type PlanChoice =
  /** This plan applies. */
  | { kind: 'plan'; plan: CommissionPlan }
  /** An invalid document could be the plan: the commission waits (its problems say why). */
  | { kind: 'waiting'; problems: DocProblem[] }
  /** No plan applies (none live, or none for this salesperson): no commission. */
  | { kind: 'none' };

type Level = 'own' | 'default';

/** The level a valid plan applies at for `salesId`, or null when it is someone else's plan. */
function levelOf(plan: CommissionPlan, salesId: string): Level | null {
  if (!plan.salesIds) return 'default';
  return plan.salesIds.includes(salesId) ? 'own' : null;
}

/** Where an invalid document could apply: by its raw `salesIds` (unreadable → it could be anyone's own plan). */
function rawLevelOf(raw: Record<string, unknown>, salesId: string): Level | null {
  if (raw.salesIds === undefined) return 'default';
  if (Array.isArray(raw.salesIds) && raw.salesIds.every((x) => typeof x === 'string')) return raw.salesIds.includes(salesId) ? 'own' : null;
  return 'own';
}

/** True when a raw window, read leniently, excludes `at` (an unreadable bound excludes nothing). */
function rawWindowExcludes(raw: Record<string, unknown>, at: Date): boolean {
  const bound = (v: unknown) => {
    if (v === undefined || v === null) return null;
    const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
    return d && !Number.isNaN(d.getTime()) ? d.getTime() : null;
  };
  const start = bound(raw.startAt);
  const end = bound(raw.endAt);
  return (start !== null && at.getTime() < start) || (end !== null && at.getTime() >= end);
}

/**
 * Chooses the plan for `salesId` at `at` from raw documents. A plan naming the salesperson
 * (`salesIds`) wins over a default plan (no `salesIds`); within a level the latest `startAt`
 * wins, then the smaller id. An invalid document whose raw `status` is `active` and that could
 * apply at a level (its raw `salesIds` names the salesperson, is absent for the default level, or
 * is unreadable) makes that level wait instead of falling through to a lower one.
 * @example choosePlan([{ _id:'cp', status:'active', defaultRule:{type:'percent', rateBp:'ten'} }], 'o_sales_li', now)
 *   // { kind:'waiting', problems:[{ docId:'cp', field:'defaultRule', ... }] }
 */
export function choosePlan(rawDocs: readonly unknown[], salesId: string, at: Date): PlanChoice {
  const docs = rawDocs.filter((d): d is Record<string, unknown> => !!d && typeof d === 'object' && !Array.isArray(d));
  for (const level of ['own', 'default'] as const) {
    const problems: DocProblem[] = [];
    const plans: CommissionPlan[] = [];
    for (const raw of docs) {
      const { valid, problems: docProblems } = parseDocs('commission_plans', commissionPlanSchema, [raw]);
      const plan = valid[0];
      if (plan) {
        if (levelOf(plan, salesId) === level && isLive(plan, at)) plans.push(plan);
      } else if (raw.status === 'active' && rawLevelOf(raw, salesId) === level && !rawWindowExcludes(raw, at)) {
        problems.push(...docProblems);
      }
    }
    if (problems.length > 0) return { kind: 'waiting', problems };
    plans.sort((a, b) => (b.startAt?.getTime() ?? 0) - (a.startAt?.getTime() ?? 0) || a._id.localeCompare(b._id));
    if (plans[0]) return { kind: 'plan', plan: plans[0] };
  }
  return { kind: 'none' };
}
