/** Order and team states in Chinese (unknown states fall back to the raw value). */
export const ORDER_STATUS_TEXT: Record<string, string> = {
  pending_pay: '待付款',
  pending: '待付款',
  created: '待付款',
  unpaid: '待付款',
  paid: '已付款',
  grouping: '拼团中',
  forming: '拼团中',
  group_forming: '拼团中',
  succeeded: '拼团成功',
  to_ship: '待发货',
  shipped: '已发货',
  completed: '已完成',
  cancelled: '已取消',
  canceled: '已取消',
  closed: '已关闭',
  expired: '已过期',
  refund_requested: '退款中',
  refunding: '退款中',
  partially_refunded: '部分退款',
  refunded: '已退款',
  failed: '拼团失败',
};

export const TEAM_STATUS_TEXT: Record<string, string> = {
  forming: '拼团中',
  succeeded: '拼团成功',
  failed: '拼团失败',
};

export function orderStatusText(s: string): string {
  return ORDER_STATUS_TEXT[s] || s;
}

export const isPendingPay = (s: string) => ['pending_pay', 'pending', 'created', 'unpaid'].includes(s);
export const isRefundable = (s: string) => ['paid', 'succeeded', 'to_ship', 'shipped', 'completed', 'partially_refunded', 'grouping', 'forming', 'group_forming'].includes(s);

/** Tabs of "my orders": which states each shows. */
export const ORDER_TABS: Array<{ key: string; text: string; match: (s: string) => boolean }> = [
  { key: 'all', text: '全部', match: () => true },
  { key: 'pay', text: '待付款', match: isPendingPay },
  { key: 'group', text: '拼团中', match: (s) => ['grouping', 'forming', 'group_forming'].includes(s) },
  { key: 'paid', text: '已付款', match: (s) => ['paid', 'succeeded', 'to_ship', 'shipped', 'completed'].includes(s) },
  { key: 'after', text: '退款/售后', match: (s) => ['refund_requested', 'refunding', 'refunded', 'partially_refunded'].includes(s) },
];
