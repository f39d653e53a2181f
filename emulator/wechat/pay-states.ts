/**
 * Every move a WeChat Pay trade or refund can make, as a table (WeChat Pay v2 `trade_state` and
 * `refund_status` values; pay.weixin.qq.com/doc/v2 查询订单 / 查询退款). A move not listed is refused.
 *   NOTPAY ─pay→ SUCCESS ─first refund→ REFUND
 *   NOTPAY ─fail→ PAYERROR ─pay (retry at the cashier)→ SUCCESS
 *   NOTPAY | PAYERROR ─closeOrder→ CLOSED
 * A refund is PROCESSING when accepted and ends SUCCESS, CHANGE (退款异常) or REFUNDCLOSE. A closed
 * refund asked again with its own out_refund_no is PROCESSING again (申请退款: 一笔退款失败后重新提交，
 * 请不要更换退款单号，请使用原商户退款单号); a CHANGE is handled by hand at the merchant platform
 * (交易中心 → 手动处理), which ends it SUCCESS.
 */
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'PAYERROR' | 'REFUND';
export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CHANGE' | 'REFUNDCLOSE';

export const tradeTransitions = {
  NOTPAY: ['SUCCESS', 'PAYERROR', 'CLOSED'],
  PAYERROR: ['SUCCESS', 'CLOSED'],
  SUCCESS: ['REFUND'],
  REFUND: [],
  CLOSED: [],
} as const satisfies Record<TradeState, readonly TradeState[]>;

export const refundTransitions = {
  PROCESSING: ['SUCCESS', 'CHANGE', 'REFUNDCLOSE'],
  SUCCESS: [],
  CHANGE: ['SUCCESS'],
  REFUNDCLOSE: ['PROCESSING'],
} as const satisfies Record<RefundStatus, readonly RefundStatus[]>;

export function canMoveTrade(from: TradeState, to: TradeState): boolean {
  return (tradeTransitions[from] as readonly TradeState[]).includes(to);
}

export function canMoveRefund(from: RefundStatus, to: RefundStatus): boolean {
  return (refundTransitions[from] as readonly RefundStatus[]).includes(to);
}

/** `trade_state_desc` texts (WeChat Pay v2 查询订单). */
export const TRADE_STATE_DESC: Record<TradeState, string> = {
  NOTPAY: '订单未支付',
  SUCCESS: '支付成功',
  CLOSED: '订单已关闭',
  PAYERROR: '支付失败',
  REFUND: '转入退款',
};
