import type { OrderStatus } from './api';

/** Order states in Chinese: one per state of shared/lifecycle's order table (the compiler checks the list is complete). */
export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  pending_pay: '待付款',
  paid: '待成团',
  to_ship: '待发货',
  shipped: '已发货',
  received: '已收货',
  completed: '已完成',
  refunded: '已退款',
  cancelled: '已取消',
  closed: '已关闭',
};

export const TEAM_STATUS_TEXT = {
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败',
} as const;

export function orderStatusText(s: OrderStatus): string {
  return ORDER_STATUS_TEXT[s];
}

export const isPendingPay = (s: OrderStatus) => s === 'pending_pay';
/** States in which the buyer may ask for after-sale (the order table's sources of its `afterSale` move). */
export const canAskAfterSale = (s: OrderStatus) => s === 'to_ship' || s === 'shipped' || s === 'received';

/** Tabs of "my orders": which states each shows (a group order waiting for its team is `paid`). */
export const ORDER_TABS: Array<{ key: string; text: string; match: (s: OrderStatus) => boolean }> = [
  { key: 'all', text: '全部', match: () => true },
  { key: 'pay', text: '待付款', match: isPendingPay },
  { key: 'ship', text: '待发货', match: (s) => s === 'paid' || s === 'to_ship' },
  { key: 'receive', text: '待收货', match: (s) => s === 'shipped' },
  { key: 'done', text: '已完成', match: (s) => s === 'received' || s === 'completed' },
  { key: 'after', text: '退款/售后', match: (s) => s === 'refunded' },
];
