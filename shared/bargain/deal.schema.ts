import { z } from 'zod';
import { positiveFenField, promotionBase } from '../promotions/fields';

/**
 * `bargain_deals/{id}`: an ops-editable 砍价 offer on one SKU. A customer starts a bargain at the
 * SKU's price; exactly `helpersNeeded` friends bring it down to `floorPriceFen` (WeChat's rule:
 * the activity states how many helpers are needed); the starter buys at the reached price within
 * `validHours`. `perUserLimit` bargains per customer per deal (default 1).
 */
export const bargainDealSchema = z
  .object({
    ...promotionBase,
    productId: z.string().min(1),
    skuId: z.string().min(1),
    floorPriceFen: positiveFenField,
    helpersNeeded: z.number().int().min(1).max(500),
    validHours: z.number().positive().max(24 * 7),
    perUserLimit: z.number().int().min(1).max(20).optional(),
    description: z.string().max(200).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.endAt.getTime() <= d.startAt.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'endAt must be after startAt' });
    }
  });

/** A valid `bargain_deals` document (dates parsed). */
export type BargainDeal = z.infer<typeof bargainDealSchema>;
