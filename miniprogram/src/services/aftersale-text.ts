import type { AfterSaleStatus, OrderView } from './api';

/** After-sale states in Chinese (the compiler checks the list is complete). */
export const AFTERSALE_STATUS_TEXT: Record<AfterSaleStatus, string> = {
  requested: '待审核',
  approved: '待寄回',
  return_shipped: '退货中',
  refunded: '已退款',
  rejected: '已拒绝',
  cancelled: '已撤销',
};

/** The two kinds a buyer asks for. */
export const AFTERSALE_KIND_TEXT = { refund: '仅退款', return: '退货退款' } as const;

/** Where a line is, in Chinese. */
export const LINE_STATE_TEXT: Record<OrderView['lines'][number]['state'], string> = {
  open: '待发货',
  shipped: '已发货',
  refunded: '已退款',
  refunded_shipped: '已退款',
  returned: '已退货',
};
