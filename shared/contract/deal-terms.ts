/** The terms of a group deal as orders and teams keep them (a snapshot: later edits never change it). */
import { z } from 'zod';
import { JOIN_ELIGIBILITIES } from '../promotions/group-deal.schema';
import { count, fen } from './fields';

/** `DealTerms` of shared/orders in a reply. */
export const dealTermsSchema = z.strictObject({
  _id: z.string(),
  title: z.string(),
  productId: z.string(),
  skuId: z.string(),
  groupSize: count,
  groupPriceFen: fen,
  listPriceFen: fen,
  validHours: z.number().positive(),
  joinEligibility: z.enum(JOIN_ELIGIBILITIES).optional(),
  leaderPerk: z.strictObject({ amountOffFen: fen }).optional(),
  allowCoupon: z.boolean().optional(),
  perUserLimit: count.optional(),
  tiers: z.array(z.strictObject({ size: count, priceFen: fen })).optional(),
});
