/**
 * Every ops-editable collection and the one function that validates its documents — the same
 * zod schemas the functions apply on read. Used by the ops console (local cloud) to show
 * validation errors before and after an edit, and by promotion health reports.
 */
import { z } from 'zod';
import { bargainDealSchema } from './bargain/deal.schema';
import { bindingPolicySchema, commissionPlanSchema, experimentSchema, referralProgramSchema } from './growth';
import { alertSettingsSchema } from './alerts/alerts';
import { parseMaterial } from './materials/material';
import { payoutSettingsSchema } from './payouts/settings';
import { checkPromotion } from './promotions';
import { fulfilmentSettingsSchema } from './settings/fulfilment';
import { SHIPPING_RULES_ID, shippingRulesSchema } from './shipping/rules';
import { courseSchema } from './training/course.schema';
import { describeIssues } from './zod-issues';

/** Collections whose documents ops edit by hand (CloudBase console, or the local ops console). */
export const OPS_COLLECTIONS = ['coupon_templates', 'group_deals', 'commission_plans', 'referral_programs', 'experiments', 'binding_policy', 'courses', 'materials', 'bargain_deals'] as const;
/** One of {@link OPS_COLLECTIONS}. */
export type OpsCollection = (typeof OPS_COLLECTIONS)[number];

/** True when `name` is an ops-editable collection. */
export function isOpsCollection(name: string): name is OpsCollection {
  return (OPS_COLLECTIONS as readonly string[]).includes(name);
}

const otherSchemas: Record<Exclude<OpsCollection, 'coupon_templates' | 'group_deals' | 'materials'>, z.ZodType> = {
  commission_plans: commissionPlanSchema,
  referral_programs: referralProgramSchema,
  experiments: experimentSchema,
  binding_policy: bindingPolicySchema,
  courses: courseSchema,
  bargain_deals: bargainDealSchema,
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
  if (collection === 'materials') {
    const r = parseMaterial(doc);
    return r.ok ? [] : r.problems;
  }
  const r = otherSchemas[collection].safeParse(doc);
  return r.success ? [] : describeIssues(r.error.issues, '(document)');
}

/**
 * Documents of `settings` that ops edit by hand, by id, with their schema (the functions apply
 * the same one on read, falling back to a default while one is invalid).
 */
export const OPS_SETTINGS: Readonly<Record<string, z.ZodType>> = { payouts: payoutSettingsSchema, alerts: alertSettingsSchema, fulfilment: fulfilmentSettingsSchema, [SHIPPING_RULES_ID]: shippingRulesSchema };

/** What `admin.promotionHealth` checks: every ops collection, and the ops documents of `settings`. */
export const HEALTH_COLLECTIONS = [...OPS_COLLECTIONS, 'settings'] as const;
/** One of {@link HEALTH_COLLECTIONS}. */
export type HealthCollection = (typeof HEALTH_COLLECTIONS)[number];

/**
 * Problems of one ops settings document (`settings/<id>`); empty when valid or not an ops setting.
 * @example checkOpsSetting({ _id: 'payouts', minAmountFen: 5 }) // ['minAmountFen: Too small: ...']
 */
export function checkOpsSetting(doc: { _id?: unknown }): string[] {
  const schema = typeof doc._id === 'string' && Object.prototype.hasOwnProperty.call(OPS_SETTINGS, doc._id) ? OPS_SETTINGS[doc._id] : undefined;
  if (!schema) return [];
  const r = schema.safeParse(doc);
  return r.success ? [] : describeIssues(r.error.issues, '(document)');
}
