import { AppError } from '../_platform';
import { checkPromotion, isLive, type FlashSale, type GroupDeal } from '../../shared/promotions';

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
  if (!isLive(checked.value, now)) throw new AppError('EXPIRED', 'this group deal is not on offer now');
  return checked.value;
}

/** Validates a stored flash sale (undefined: missing); its phase is the buy rule's to judge. */
export function flashSaleOf(raw: unknown, flashId: string): FlashSale {
  if (!raw) throw new AppError('NOT_FOUND', `no flash sale ${flashId}`);
  const checked = checkPromotion('flash_sales', raw);
  if (!checked.ok) {
    console.warn(`[commerce] flash_sales/${flashId} is invalid: ${checked.problems.join('; ')}`);
    throw new AppError('FAILED_PRECONDITION', 'this flash sale is not available');
  }
  return checked.value;
}
