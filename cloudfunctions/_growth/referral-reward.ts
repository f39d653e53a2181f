/**
 * Issuing a referral reward: the program's reward coupon(s), through the coupon issue path
 * (`issueCoupon`), with deterministic ids — so the sweep and a person approving a reviewed
 * referral issue each coupon exactly once, whoever comes first or twice.
 */
import { stableId, store } from '../_platform';
import { issueCoupon } from '../../shared/coupons';
import { parseDocs, type ReferralDoc } from '../../shared/growth';
import { couponTemplateSchema, type CouponTemplate } from '../../shared/promotions';
import type { GrowthCtx } from './context';

/** The valid reward templates among `ids` (1 read); invalid ones are logged and left out. */
export async function loadRewardTemplates(ids: string[]): Promise<Map<string, CouponTemplate>> {
  if (ids.length === 0) return new Map();
  const raw = await store.find<unknown>('coupon_templates', { _id: store.command().in(ids) }, { limit: ids.length });
  const { valid, problems } = parseDocs('coupon_templates', couponTemplateSchema, raw);
  for (const p of problems) console.warn(`[growth] reward template ${p.docId}: ${p.field}: ${p.message}`);
  return new Map(valid.map((t) => [t._id, t]));
}

/** The template ids a referral's rewards need. */
export function rewardTemplateIds(r: ReferralDoc): string[] {
  return [r.referrerRewardTemplateId, r.newCustomerRewardTemplateId].filter((x): x is string => !!x);
}

/**
 * Inserts the referral's reward coupons (1 insert each; an existing id is not issued again).
 * Returns the coupon ids and how many this call inserted, or null when a template is missing or
 * invalid (nothing issued: the referral stays as it is until it is fixed).
 */
export async function issueRewardCoupons(ctx: GrowthCtx, r: ReferralDoc, templates: Map<string, CouponTemplate>): Promise<{ couponIds: string[]; inserted: number } | null> {
  const forReferrer = templates.get(r.referrerRewardTemplateId);
  const forNew = r.newCustomerRewardTemplateId ? templates.get(r.newCustomerRewardTemplateId) : undefined;
  if (!forReferrer || (r.newCustomerRewardTemplateId && !forNew)) return null;
  const grants: Array<[string, CouponTemplate]> = [[r.referrerOpenid, forReferrer]];
  if (forNew) grants.push([r.buyerOpenid, forNew]);
  const couponIds: string[] = [];
  let inserted = 0;
  for (const [owner, t] of grants) {
    const coupon = { ...issueCoupon(t, { couponId: stableId('referral', r._id, owner), ownerOpenid: owner, claimedAt: ctx.now, shareId: null }), source: 'referral', referralId: r._id };
    couponIds.push(coupon._id);
    if (await store.insertOnce('coupons', coupon)) inserted++;
  }
  return { couponIds, inserted };
}
