/**
 * Shipping fee rules: an ops document in brand settings (`settings/shipping`), validated on every
 * read. A flat fee per order, free at or above an amount of goods — the amount the customer pays
 * for the goods after every discount (activity and coupon), before shipping — and provinces not
 * served. No document means no fee anywhere; an invalid one stops checkout of goods that ship
 * (FAILED_PRECONDITION) rather than charge a fee nobody set, and is reported by
 * `admin.promotionHealth`.
 */
import { z } from 'zod';
import { PROVINCE_NAMES } from '../address/provinces';
import { AppError } from '../errors';
import { describeIssues } from '../zod-issues';
import { coercedDateField, fenField } from '../promotions/fields';
import { FREE_SHIPPING, type ShippingTerms } from './fee';

/** The id of the rules document in `settings`. */
export const SHIPPING_RULES_ID = 'shipping';

const provinceName = z.string().refine((v) => PROVINCE_NAMES.includes(v), { message: 'not one of the 34 provincial-level divisions (full name, e.g. 西藏自治区)' });

/**
 * `settings/shipping`. Money in fen.
 * @example { _id: 'shipping', name: '全场10元，满99包邮', flatFeeFen: 1000, freeOverFen: 9900, notServed: ['西藏自治区'] }
 */
export const shippingRulesSchema = z.strictObject({
  _id: z.literal(SHIPPING_RULES_ID),
  name: z.string().max(60).optional(),
  /** The fee of an order whose goods are below `freeOverFen`. */
  flatFeeFen: fenField.max(100_000),
  /** Goods paid at or above this (after discounts) ship free; null or absent: never free. */
  freeOverFen: fenField.nullable().optional(),
  /** Provinces (full names) the brand does not deliver to. */
  notServed: z
    .array(provinceName)
    .max(PROVINCE_NAMES.length)
    .refine((list) => new Set(list).size === list.length, 'a province is listed twice'),
  updatedAt: coercedDateField.optional(),
});

/** Valid shipping rules. */
export type ShippingRules = z.output<typeof shippingRulesSchema>;

/** The rules as read: absent (no fee), valid, or invalid with its problems (`"field: what is wrong"`). */
export type ShippingRulesRead = { state: 'absent' } | { state: 'valid'; rules: ShippingRules } | { state: 'invalid'; problems: string[] };

/**
 * Validates the stored rules document (undefined when there is none). Never throws.
 * @example readShippingRules({ _id: 'shipping', flatFeeFen: -1, notServed: [] }) // { state: 'invalid', problems: ['flatFeeFen: …'] }
 */
export function readShippingRules(doc: unknown): ShippingRulesRead {
  if (doc === undefined || doc === null) return { state: 'absent' };
  const parsed = shippingRulesSchema.safeParse(doc);
  return parsed.success ? { state: 'valid', rules: parsed.data } : { state: 'invalid', problems: describeIssues(parsed.error.issues, '(document)') };
}

/**
 * The terms for a destination: refuses a province the rules do not serve (NOT_ELIGIBLE) and
 * invalid rules (FAILED_PRECONDITION). `province` null (not chosen yet, a quote) checks nothing.
 * @example shippingTermsFor({ state: 'absent' }, '广东省') // FREE_SHIPPING
 */
export function shippingTermsFor(read: ShippingRulesRead, province: string | null): ShippingTerms {
  if (read.state === 'absent') return FREE_SHIPPING;
  if (read.state === 'invalid') {
    throw new AppError('FAILED_PRECONDITION', `checkout is paused: the shipping rules (settings/${SHIPPING_RULES_ID}) are invalid (${read.problems.join('; ')})`);
  }
  const { rules } = read;
  if (province !== null && rules.notServed.includes(province)) throw new AppError('NOT_ELIGIBLE', `address: we do not deliver to ${province}`);
  return { flatFeeFen: rules.flatFeeFen, freeOverFen: rules.freeOverFen ?? null };
}
