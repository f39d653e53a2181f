/**
 * Every ops-editable collection and the one function that validates its documents — the same
 * zod schemas the functions apply on read. Used by the ops console (local cloud) to show
 * validation errors before and after an edit, and by promotion health reports.
 */
import { z } from 'zod';
import { bindingPolicySchema, commissionPlanSchema, experimentSchema, referralProgramSchema } from './growth';
import { checkPromotion } from './promotions';
import { readShippingRules, SHIPPING_RULES_ID } from './shipping/rules';
import { describeIssues } from './zod-issues';

/** Collections whose documents ops edit by hand (CloudBase console, or the local ops console). */
export const OPS_COLLECTIONS = ['coupon_templates', 'group_deals', 'commission_plans', 'referral_programs', 'experiments', 'binding_policy', 'settings'] as const;
/** One of {@link OPS_COLLECTIONS}. */
export type OpsCollection = (typeof OPS_COLLECTIONS)[number];

/** True when `name` is an ops-editable collection. */
export function isOpsCollection(name: string): name is OpsCollection {
  return (OPS_COLLECTIONS as readonly string[]).includes(name);
}

const growthSchemas: Record<Exclude<OpsCollection, 'coupon_templates' | 'group_deals' | 'settings'>, z.ZodType> = {
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
  if (collection === 'settings') return checkSettingsDocument(doc);
  if (collection === 'coupon_templates' || collection === 'group_deals') {
    const r = checkPromotion(collection, doc);
    return r.ok ? [] : r.problems;
  }
  const r = growthSchemas[collection].safeParse(doc);
  return r.success ? [] : describeIssues(r.error.issues, '(document)');
}

/**
 * Brand settings have a schema per document id: `shipping` (shared/shipping); the others (the
 * brand's name and logo) none yet.
 */
function checkSettingsDocument(doc: unknown): string[] {
  const id = doc && typeof doc === 'object' ? (doc as { _id?: unknown })._id : undefined;
  if (id !== SHIPPING_RULES_ID) return [];
  const read = readShippingRules(doc);
  return read.state === 'invalid' ? read.problems : [];
}
