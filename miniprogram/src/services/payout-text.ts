import type { PayoutStatus } from './api';

/** A payout request's state as the salesperson and the boss read it. */
export const PAYOUT_STATUS_TEXT: Record<PayoutStatus, string> = {
  requested: '待审批',
  approved: '已批准 · 待打款',
  paid: '已打款',
  rejected: '已驳回',
  cancelled: '已撤回',
};

/** Tag colour class per state. */
export const PAYOUT_STATUS_TAG: Record<PayoutStatus, string> = { requested: 'tag warn', approved: 'tag', paid: 'tag', rejected: 'tag red', cancelled: 'tag grey' };

/** What a refused payout request means on the payout page (the codes payout.request answers). */
export const REQUEST_ERROR_TEXT: Record<string, string> = {
  NOT_ELIGIBLE: '低于最低提现金额',
  LIMIT_REACHED: '超过可提现余额',
  FAILED_PRECONDITION: '已有一笔提现在处理中',
};
