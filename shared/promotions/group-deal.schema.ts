import { z } from 'zod';
import { positiveFenField, promotionBase } from './fields';

/** Who may join a team: anyone, only customers with no paid order yet, or customers of the leader's salesperson. */
export const JOIN_ELIGIBILITIES = ['anyone', 'new_customers', 'same_sales'] as const;
/** One of {@link JOIN_ELIGIBILITIES}. */
export type JoinEligibility = (typeof JOIN_ELIGIBILITIES)[number];

/**
 * `group_deals/{id}`: an ops-editable 拼团 offer on one SKU. A team opened from it has `groupSize`
 * seats and lives `validHours`; each member pays `groupPriceFen` (the leader minus `leaderPerk`).
 * `listPriceFen` is the struck-through reference price; the group price must not exceed it.
 */
export const groupDealSchema = z
  .object({
    ...promotionBase,
    productId: z.string().min(1),
    skuId: z.string().min(1),
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
  });

/** A valid `group_deals` document (dates parsed). */
export type GroupDeal = z.infer<typeof groupDealSchema>;
