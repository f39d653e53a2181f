import type { z } from 'zod';
import { bindingPolicySchema } from './binding';
import { commissionPlanSchema } from './commission';
import { experimentSchema } from './experiments';
import { parseDocs } from './ops-docs';
import { referralProgramSchema } from './referral';

/** Collections of ops-editable growth documents. */
export const GROWTH_DOC_COLLECTIONS = ['binding_policy', 'commission_plans', 'referral_programs', 'experiments'] as const;
/** One of {@link GROWTH_DOC_COLLECTIONS}. */
export type GrowthDocCollection = (typeof GROWTH_DOC_COLLECTIONS)[number];

const SCHEMAS: Record<GrowthDocCollection, z.ZodType> = {
  binding_policy: bindingPolicySchema,
  commission_plans: commissionPlanSchema,
  referral_programs: referralProgramSchema,
  experiments: experimentSchema,
};

/**
 * Validates one stored growth document for the console / `admin.promotionHealth`: problems read
 * `"field.path: what is wrong"`. Never throws.
 * @example checkGrowthDoc('experiments', { _id: 'e1', key: 'k', status: 'active', variants: [] }) // { ok:false, problems:['variants: ...'] }
 */
export function checkGrowthDoc(collection: GrowthDocCollection, doc: unknown): { ok: true } | { ok: false; problems: string[] } {
  const { problems } = parseDocs(collection, SCHEMAS[collection], [doc]);
  return problems.length === 0 ? { ok: true } : { ok: false, problems: problems.map((p) => `${p.field}: ${p.message}`) };
}
