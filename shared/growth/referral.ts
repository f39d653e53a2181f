import { z } from 'zod';
import { opsDocumentBase, opsWindow } from '../promotions/fields';

/**
 * Referral rewards (老带新): the referrer of a new customer earns a reward coupon once that
 * customer's first paid order clears its refund window. Pure eligibility and review flags.
 */

/** Schema of a `referral_programs` document. */
export const referralProgramSchema = z
  .object({
    ...opsDocumentBase,
    ...opsWindow,
    /** The new customer's first paid order must be at least this much, fen. */
    minOrderFen: z.number().int().nonnegative(),
    /** Days after payment before the reward is issued (the refund window). */
    refundWindowDays: z.number().int().nonnegative(),
    /** `coupon_templates` id of the referrer's reward. */
    referrerRewardTemplateId: z.string().min(1),
    /** Optional `coupon_templates` id of the new customer's own reward. */
    newCustomerRewardTemplateId: z.string().min(1).optional(),
    /** At most this many rewards per referrer per qualifying day (Asia/Shanghai). */
    dailyCapPerReferrer: z.number().int().positive(),
    /** Review thresholds: a referral matching any is held for review, never paid automatically. */
    review: z
      .object({
        /** More than this many referrals qualifying for one referrer on one day → review. */
        maxPerReferrerPerDay: z.number().int().positive().optional(),
        /** Paid less than this many minutes after binding → review. */
        minMinutesBindToPay: z.number().int().nonnegative().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

/** A validated referral program. */
export type ReferralProgram = z.infer<typeof referralProgramSchema>;

/** What is known when a referred customer's first order is paid. */
export interface ReferralFacts {
  buyerOpenid: string;
  referrerOpenid: string | null;
  /** The referrer's role (staff never earn referral rewards). */
  referrerRole: string | null;
  /** Who referred the referrer (for mutual-referral detection). */
  referrerReferrerOpenid: string | null;
  /** True when the buyer was a new customer when bound through the referrer's share. */
  buyerWasNew: boolean;
  /** True when this order is the buyer's first paid order. */
  isFirstPaidOrder: boolean;
  orderPaidFen: number;
  boundAt: Date | null;
  paidAt: Date;
  /** Referrals already recorded for this referrer on the qualifying day (before this one). */
  referrerQualifiedToday: number;
}

/** Why a referral is not rewarded or is held. */
export type ReferralReason =
  | 'no_referrer'
  | 'self_referral'
  | 'staff_referrer'
  | 'existing_customer'
  | 'not_first_order'
  | 'below_minimum'
  | 'mutual_referral'
  | 'velocity'
  | 'fast_conversion';

/** Outcome of {@link assessReferral}. */
export interface ReferralAssessment {
  /** waiting: will be rewarded after the window; review: held for a person; rejected: never. */
  status: 'waiting' | 'review' | 'rejected';
  reasons: ReferralReason[];
}

/**
 * Decides what a referred customer's first paid order is worth. Rejections (self-referral,
 * staff referrer, existing customer, not the first order, below the minimum) win over review
 * flags (mutual referral, too many today, paid suspiciously fast after binding).
 * @example assessReferral(program, {buyerOpenid:'o_b', referrerOpenid:'o_a', buyerWasNew:true, isFirstPaidOrder:true, orderPaidFen:9900, ...})
 *   // { status:'waiting', reasons:[] }
 */
export function assessReferral(program: ReferralProgram, f: ReferralFacts): ReferralAssessment {
  const rejected: ReferralReason[] = [];
  if (!f.referrerOpenid) rejected.push('no_referrer');
  else if (f.referrerOpenid === f.buyerOpenid) rejected.push('self_referral');
  if (f.referrerRole && f.referrerRole !== 'customer') rejected.push('staff_referrer');
  if (!f.buyerWasNew) rejected.push('existing_customer');
  if (!f.isFirstPaidOrder) rejected.push('not_first_order');
  if (f.orderPaidFen < program.minOrderFen) rejected.push('below_minimum');
  if (rejected.length > 0) return { status: 'rejected', reasons: rejected };

  const flags: ReferralReason[] = [];
  if (f.referrerReferrerOpenid && f.referrerReferrerOpenid === f.buyerOpenid) flags.push('mutual_referral');
  const maxPerDay = program.review.maxPerReferrerPerDay;
  if (maxPerDay !== undefined && f.referrerQualifiedToday + 1 > maxPerDay) flags.push('velocity');
  const minMinutes = program.review.minMinutesBindToPay;
  if (minMinutes !== undefined && f.boundAt && f.paidAt.getTime() - f.boundAt.getTime() < minMinutes * 60_000) {
    flags.push('fast_conversion');
  }
  return flags.length > 0 ? { status: 'review', reasons: flags } : { status: 'waiting', reasons: [] };
}

/** When a referral paid at `paidAt` may be rewarded under `program`. */
export function rewardDueAt(program: ReferralProgram, paidAt: Date): Date {
  return new Date(paidAt.getTime() + program.refundWindowDays * 86_400_000);
}

/**
 * True when the order still qualifies after refunds: what remains paid is at least the minimum
 * (a full refund, or one dropping below the minimum, voids the referral).
 * @example stillQualifies(program, 9900, 5000) // false when minOrderFen = 5000
 */
export function stillQualifies(program: Pick<ReferralProgram, 'minOrderFen'>, paidFen: number, refundedFen: number): boolean {
  const remaining = paidFen - refundedFen;
  return remaining > 0 && remaining >= program.minOrderFen;
}
