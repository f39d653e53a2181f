/**
 * Every ops-editable collection and the one function that validates its documents — the same
 * zod schemas the functions apply on read. Used by the ops console (local cloud) to show
 * validation errors before and after an edit, and by promotion health reports.
 */
import { z } from 'zod';
import { bindingPolicySchema, commissionPlanSchema, experimentSchema, referralProgramSchema } from './growth';
import { checkPromotion } from './promotions';
import { readFulfilmentSettings } from './settings/fulfilment';
import { describeIssues } from './zod-issues';

/** Collections whose documents ops edit by hand (CloudBase console, or the local ops console). */
export const OPS_COLLECTIONS = ['coupon_templates', 'group_deals', 'commission_plans', 'referral_programs', 'experiments', 'binding_policy'] as const;
/** One of {@link OPS_COLLECTIONS}. */
export type OpsCollection = (typeof OPS_COLLECTIONS)[number];

/** True when `name` is an ops-editable collection. */
export function isOpsCollection(name: string): name is OpsCollection {
  return (OPS_COLLECTIONS as readonly string[]).includes(name);
}

const growthSchemas: Record<Exclude<OpsCollection, 'coupon_templates' | 'group_deals'>, z.ZodType> = {
  commission_plans: commissionPlanSchema,
  referral_programs: referralProgramSchema,
  experiments: experimentSchema,
  binding_policy: bindingPolicySchema,
};

/**
 * Problems of one ops document as `"field.path: what is wrong"` lines; empty when valid.
 * @example checkOpsDocument('group_deals', { _id: 'g', groupSize: 1 }) // ['groupSize: ...', ...]
 */
export function checkOpsDocument(collection: OpsCollection, doc: unknown): string[] {
  if (collection === 'coupon_templates' || collection === 'group_deals') {
    const r = checkPromotion(collection, doc);
    return r.ok ? [] : r.problems;
  }
  const r = growthSchemas[collection].safeParse(doc);
  return r.success ? [] : describeIssues(r.error.issues, '(document)');
}

/**
 * Problems of a `settings` document that ops edit (`settings/fulfilment`); empty for a valid one
 * and for the documents of `settings` that are not ops-edited (e.g. `brand`).
 * @example checkSettingsDocument({ _id: 'fulfilment', autoConfirmDays: 0 }) // ['autoConfirmDays: ...', ...]
 */
export function checkSettingsDocument(doc: unknown): string[] {
  const id = doc && typeof doc === 'object' ? (doc as { _id?: unknown })._id : undefined;
  return id === 'fulfilment' ? readFulfilmentSettings(doc).problems : [];
}
