/**
 * Trades and refunds of the local WeChat Pay, kept in the WeChat side's own store (persisted with
 * `npm start` under <data>/_wechat, memory in tests; never reachable through the database API).
 */
import type { Store } from '../store';
import { canMoveRefund, canMoveTrade, type RefundStatus, type TradeState } from './pay-states';

export interface TradeDoc {
  [k: string]: unknown;
  _id: string; // outTradeNo
  subMchId: string;
  envId: string;
  functionName: string;
  body: string;
  attach?: string;
  totalFee: number;
  tradeType: 'JSAPI';
  payer: string;
  prepayId: string;
  state: TradeState;
  transactionId?: string;
  createdAt: number;
  paidAt?: number;
  closedAt?: number;
}

export interface RefundDoc {
  [k: string]: unknown;
  _id: string; // outRefundNo
  outTradeNo: string;
  refundId: string;
  refundFee: number;
  status: RefundStatus;
  functionName?: string;
  createdAt: number;
  /** Order of creation (the local clock may stand still in tests). */
  seq: number;
  /** When the money reaches the payer (local clock); the refund stays PROCESSING until then. */
  settleAt: number;
  settledAt?: number;
}

export const PAY_COLLECTIONS = ['wx_trades', 'wx_refunds'] as const;

export class PayLedger {
  constructor(private store: Store) {}

  trade(outTradeNo: string): TradeDoc | undefined {
    return this.store.get('wx_trades', outTradeNo) as TradeDoc | undefined;
  }

  tradeByTransaction(transactionId: string): TradeDoc | undefined {
    return this.trades().find((t) => t.transactionId === transactionId);
  }

  trades(): TradeDoc[] {
    return this.store.docs('wx_trades') as TradeDoc[];
  }

  insertTrade(trade: TradeDoc): void {
    this.store.put('wx_trades', trade._id, trade);
  }

  /** Moves a trade along the table; a move the table does not list throws (a bug, not a reply). */
  moveTrade(trade: TradeDoc, to: TradeState, patch: Partial<TradeDoc> = {}): TradeDoc {
    if (trade.state !== to && !canMoveTrade(trade.state, to)) throw new Error(`trade ${trade._id}: ${trade.state} → ${to} is not a move`);
    const next = { ...trade, ...patch, state: to };
    this.store.put('wx_trades', trade._id, next);
    return next;
  }

  refund(outRefundNo: string): RefundDoc | undefined {
    return this.store.get('wx_refunds', outRefundNo) as RefundDoc | undefined;
  }

  refunds(): RefundDoc[] {
    return this.store.docs('wx_refunds') as RefundDoc[];
  }

  /** A trade's refunds, oldest first. */
  refundsOf(outTradeNo: string): RefundDoc[] {
    return this.refunds()
      .filter((r) => r.outTradeNo === outTradeNo)
      .sort((a, b) => a.createdAt - b.createdAt || a.seq - b.seq);
  }

  insertRefund(refund: RefundDoc): void {
    this.store.put('wx_refunds', refund._id, refund);
  }

  moveRefund(refund: RefundDoc, to: RefundStatus, patch: Partial<RefundDoc> = {}): RefundDoc {
    if (!canMoveRefund(refund.status, to)) throw new Error(`refund ${refund._id}: ${refund.status} → ${to} is not a move`);
    const next = { ...refund, ...patch, status: to };
    this.store.put('wx_refunds', refund._id, next);
    return next;
  }
}
