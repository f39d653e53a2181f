import { AppError } from '../_platform';
import { checkPromotion, isActive, type GroupDeal } from '../../shared/promotions';
import type { DealTerms } from '../../shared/orders';

/**
 * Ops documents are validated on read. A missing, invalid or inactive promotion is a business
 * outcome for the customer (NOT_FOUND / FAILED_PRECONDITION / EXPIRED), and the problems are
 * logged for ops (admin.promotionHealth lists them).
 */
/** Validates a stored group deal (undefined: missing) and checks it is live at `now`. */
export function activeDealOf(raw: unknown, dealId: string, now: Date): GroupDeal {
  if (!raw) throw new AppError('NOT_FOUND', `no group deal ${dealId}`);
  const checked = checkPromotion('group_deals', raw);
  if (!checked.ok) {
    console.warn(`[commerce] group_deals/${dealId} is invalid: ${checked.problems.join('; ')}`);
    throw new AppError('FAILED_PRECONDITION', 'this group deal is not available');
  }
  if (!isActive(checked.value, now)) throw new AppError('EXPIRED', 'this group deal is not on offer now');
  return checked.value;
}

/** The snapshot of a deal's terms kept on teams and orders. */
export function dealTermsOf(d: GroupDeal): DealTerms {
  const terms: DealTerms = {
    _id: d._id,
    title: d.title,
    productId: d.productId,
    skuId: d.skuId,
    groupSize: d.groupSize,
    groupPriceFen: d.groupPriceFen,
    listPriceFen: d.listPriceFen,
    validHours: d.validHours,
    joinEligibility: d.joinEligibility ?? 'anyone',
    allowCoupon: d.allowCoupon ?? false,
  };
  if (d.leaderPerk) terms.leaderPerk = d.leaderPerk;
  if (d.perUserLimit) terms.perUserLimit = d.perUserLimit;
  return terms;
}
