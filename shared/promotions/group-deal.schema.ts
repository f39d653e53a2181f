import { z } from 'zod';
import { positiveFenField, skuPromotionBase } from './fields';

/** Who may join a team: anyone, only customers with no paid order yet, or customers of the leader's salesperson. */
export const JOIN_ELIGIBILITIES = ['anyone', 'new_customers', 'same_sales'] as const;
/** One of {@link JOIN_ELIGIBILITIES}. */
export type JoinEligibility = (typeof JOIN_ELIGIBILITIES)[number];

/** How many tiers a ladder deal may have. */
export const MAX_TIERS = 5;

/** One tier of a ladder deal (阶梯团): a team of at least `size` paid members pays `priceFen` each. */
export const tierSchema = z.object({ size: z.number().int().min(2).max(50), priceFen: positiveFenField }).strict();

/**
 * `group_deals/{id}`: an ops-editable 拼团 offer on one SKU. A team opened from it has `groupSize`
 * seats and lives `validHours`; each member pays `groupPriceFen` (the leader minus `leaderPerk`).
 * `listPriceFen` is the struck-through reference price; the group price must not exceed it.
 * A ladder deal (阶梯团) names `tiers` ascending by size and descending by price: `groupSize` is
 * the last tier's size (the seats) and `groupPriceFen` the first tier's price (what members pay
 * when they join); its team succeeds at expiry at the highest tier reached and each paid member
 * gets the difference back (shared/groupbuy/ladder.ts).
 */
export const groupDealSchema = z
  .object({
    ...skuPromotionBase,
    groupSize: z.number().int().min(2).max(50),
    groupPriceFen: positiveFenField,
    listPriceFen: positiveFenField,
    validHours: z.number().positive().max(24 * 14),
    /** Teams a customer may take part in for this deal (open or join). */
    perUserLimit: z.number().int().min(1).max(100).optional(),
    joinEligibility: z.enum(JOIN_ELIGIBILITIES).optional(),
    leaderPerk: z.object({ amountOffFen: positiveFenField }).strict().optional(),
    /** A coupon may be used on this deal's orders (default false). */
    allowCoupon: z.boolean().optional(),
    description: z.string().max(200).optional(),
    tiers: z.array(tierSchema).min(2).max(MAX_TIERS).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.endAt.getTime() <= d.startAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'endAt must be after startAt' });
    }
    if (d.groupPriceFen > d.listPriceFen) {
      ctx.addIssue({ code: 'custom', path: ['groupPriceFen'], message: 'group price is above the list price' });
    }
    if (d.leaderPerk && d.leaderPerk.amountOffFen >= d.groupPriceFen) {
      ctx.addIssue({ code: 'custom', path: ['leaderPerk', 'amountOffFen'], message: 'leader perk must be below the group price' });
    }
    if (d.tiers) checkTiers(d.tiers, d, (path, message) => ctx.addIssue({ code: 'custom', path: ['tiers', ...path], message }));
  });

/** A valid `group_deals` document (dates parsed). */
export type GroupDeal = z.infer<typeof groupDealSchema>;

/**
 * A ladder's tiers: sizes strictly ascending, prices strictly descending, the first tier priced at
 * `groupPriceFen` and the last sized `groupSize`.
 */
function checkTiers(tiers: ReadonlyArray<z.infer<typeof tierSchema>>, d: { groupSize: number; groupPriceFen: number }, issue: (path: Array<string | number>, message: string) => void): void {
  tiers.forEach((t, i) => {
    const before = tiers[i - 1];
    if (before && t.size <= before.size) issue([i, 'size'], 'tier sizes must ascend');
    if (before && t.priceFen >= before.priceFen) issue([i, 'priceFen'], 'tier prices must descend');
  });
  if (tiers[0] && tiers[0].priceFen !== d.groupPriceFen) issue([0, 'priceFen'], 'the first tier is priced at groupPriceFen');
  const last = tiers[tiers.length - 1];
  if (last && last.size !== d.groupSize) issue([tiers.length - 1, 'size'], 'the last tier is sized groupSize');
}
