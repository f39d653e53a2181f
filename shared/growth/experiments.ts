import { z } from 'zod';
import { isSafeKey } from './counters';
import { isLive, opsDocumentBase, opsWindow } from '../promotions/fields';

/**
 * A/B experiments: ops documents in `experiments`; a user's bucket is a deterministic hash of
 * (openid, experiment key) over weighted variants, so the same user always sees the same variant.
 */

/**
 * What an experiment varies (its treatment): `card` — the share card's title and image, applied in
 * `share.create`'s reply; `couponAmount` — the amount off of one coupon template (`templateId`),
 * applied by `coupon.list` and in the rule `coupon.claim` snapshots; `groupSizeFirst` — which group
 * size a product page shows first, applied in the product's reply. Without `varies` an experiment
 * only buckets and counts (no treatment).
 */
export const EXPERIMENT_TREATMENTS = ['card', 'couponAmount', 'groupSizeFirst'] as const;
/** One kind of treatment, e.g. `'card'`. */
export type ExperimentTreatment = (typeof EXPERIMENT_TREATMENTS)[number];

/** The fields a variant's `value` may set, by treatment. */
const TREATMENT_FIELDS: Record<ExperimentTreatment, readonly string[]> = {
  card: ['cardTitle', 'cardImage'],
  couponAmount: ['amountOffFen'],
  groupSizeFirst: ['groupSize'],
};

/**
 * A variant's value: `cardTitle` is the card's title, where `{title}` stands for the page's own
 * title; `cardImage` an image URL (or a path under the app's origin); `amountOffFen` the amount off
 * (fen) of the experiment's coupon template for this arm; `groupSize` the group size (people) whose
 * deal this arm's product page shows first.
 */
export const variantValueSchema = z
  .object({
    cardTitle: z.string().min(1).max(60).optional(),
    cardImage: z.string().min(1).max(500).optional(),
    amountOffFen: z.number().int().positive().max(100_000_000).optional(),
    groupSize: z.number().int().min(2).max(100).optional(),
  })
  .strict();

/** Schema of an `experiments` document (validated on every read; bad ones are skipped). */
export const experimentSchema = z
  .object({
    ...opsDocumentBase,
    ...opsWindow,
    key: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/).refine(isSafeKey, { message: 'reserved name' }),
    varies: z.enum(EXPERIMENT_TREATMENTS).optional(),
    /** The coupon template a `couponAmount` experiment varies (only there). */
    templateId: z.string().min(1).max(64).optional(),
    variants: z
      .array(
        z
          .object({
            name: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/).refine(isSafeKey, { message: 'reserved name' }),
            weight: z.number().int().nonnegative(),
            value: variantValueSchema.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((e) => e.variants.some((v) => v.weight > 0), { message: 'at least one variant needs weight > 0', path: ['variants'] })
  .superRefine((e, issues) => {
    if (e.varies === 'couponAmount' && !e.templateId) issues.addIssue({ code: 'custom', path: ['templateId'], message: 'a couponAmount experiment names its coupon template' });
    if (e.varies !== 'couponAmount' && e.templateId !== undefined) issues.addIssue({ code: 'custom', path: ['templateId'], message: 'only a couponAmount experiment names a coupon template' });
    e.variants.forEach((v, i) => {
      const allowed = e.varies ? TREATMENT_FIELDS[e.varies] : [];
      for (const field of Object.keys(v.value ?? {})) {
        if (!allowed.includes(field)) {
          issues.addIssue({ code: 'custom', path: ['variants', i, 'value', field], message: e.varies ? `a ${e.varies} experiment does not vary ${field}` : 'set varies to give variants a value' });
        }
      }
    });
  });

/** A validated experiment document. */
export type Experiment = z.infer<typeof experimentSchema>;

/**
 * FNV-1a 32-bit hash of a string (pure, same on every platform).
 * @example fnv1a('abc') // 440920331
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // final avalanche (murmur3 fmix32) so near-identical inputs spread over the range
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The variant of `openid` in experiment `key`: hash(openid, key) mod total weight, walked over
 * the variants in their listed order. Deterministic; weights are relative.
 * @example bucketVariant('o_cust_1', 'cardCopy', [{name:'a',weight:1},{name:'b',weight:1}]) // 'a' or 'b', always the same
 */
export function bucketVariant(openid: string, key: string, variants: ReadonlyArray<{ name: string; weight: number }>): string {
  const total = variants.reduce((s, v) => s + Math.max(0, v.weight), 0);
  if (total <= 0) throw new Error(`experiment ${key}: no variant has weight`);
  let point = fnv1a(`${key}\u0000${openid}`) % total;
  for (const v of variants) {
    if (v.weight <= 0) continue;
    if (point < v.weight) return v.name;
    point -= v.weight;
  }
  return variants[variants.length - 1].name; // unreachable: point < total
}

/**
 * The exposures of `openid` to all live experiments, `{key: variant}`.
 * @example assignVariants('o_cust_1', experiments, now) // { cardCopy: 'b' }
 */
export function assignVariants(openid: string, experiments: readonly Experiment[], now: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of experiments) {
    if (isLive(e, now)) out[e.key] = bucketVariant(openid, e.key, e.variants);
  }
  return out;
}

/** A variant's value (see {@link variantValueSchema}). */
export type VariantValue = z.infer<typeof variantValueSchema>;

/**
 * The caller's arm of the first live experiment (by `_id`) that varies `varies` and that `applies`
 * accepts, with that arm's value; null when none runs. One experiment decides, so a customer is
 * never in two arms of one treatment.
 * @example runningArm(experiments, 'groupSizeFirst', 'o_cust_1', now)?.value?.groupSize // 3 for the trio arm
 */
export function runningArm(
  experiments: readonly Experiment[],
  varies: ExperimentTreatment,
  openid: string,
  now: Date,
  applies: (e: Experiment) => boolean = () => true,
): { experimentKey: string; variant: string; value: VariantValue | undefined } | null {
  const running = experiments
    .filter((e) => e.varies === varies && applies(e) && isLive(e, now))
    .sort((a, b) => a._id.localeCompare(b._id))[0];
  if (!running) return null;
  const variant = bucketVariant(openid, running.key, running.variants);
  return { experimentKey: running.key, variant, value: running.variants.find((v) => v.name === variant)?.value };
}

/** The share card a caller's variant gives: title template and image, each null when not varied. */
export interface CardTreatment {
  experimentKey: string;
  variant: string;
  title: string | null;
  imageUrl: string | null;
}

/**
 * The card treatment of the caller's variants: the first live `card` experiment (by `_id`) whose
 * variant for the caller sets a title or an image; null when none applies.
 * @example cardTreatment(experiments, { cardCopy: 'discount' }) // { experimentKey:'cardCopy', variant:'discount', title:'限时优惠 {title}', imageUrl:null }
 */
export function cardTreatment(experiments: readonly Experiment[], variants: Record<string, string>): CardTreatment | null {
  const cards = experiments.filter((e) => e.varies === 'card' && variants[e.key]).sort((a, b) => a._id.localeCompare(b._id));
  for (const e of cards) {
    const value = e.variants.find((v) => v.name === variants[e.key])?.value;
    if (value && (value.cardTitle || value.cardImage)) {
      return { experimentKey: e.key, variant: variants[e.key], title: value.cardTitle ?? null, imageUrl: value.cardImage ?? null };
    }
  }
  return null;
}

/**
 * The card title a treatment gives a page: its template with `{title}` replaced by the page's own
 * title, or the page's title when there is no template.
 * @example applyCardTitle('限时优惠 {title}', '青瓷茶具') // '限时优惠 青瓷茶具'
 */
export function applyCardTitle(template: string | null | undefined, pageTitle: string): string {
  return template ? template.split('{title}').join(pageTitle) : pageTitle;
}
