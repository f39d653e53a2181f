/**
 * The payment port: how the commerce core takes and returns money. Its one adapter is WeChat Pay
 * through CloudBase's cloudPay (`cloudpay.ts`): the same code runs in CloudBase, in `npm start` and
 * in every test, where the local cloud plays WeChat Pay on the SDK's wire (emulator/wechat).
 */
import type { RefundReport } from '../../../shared/lifecycle';

/** What the provider needs to charge an order. */
export interface ChargeRequest {
  orderId: string;
  totalFen: number;
  body: string;
  buyerOpenid: string;
}

/** The parameters of `wx.requestPayment`, as WeChat Pay issued them (any other field is passed on untouched). */
export interface RequestPayment {
  [field: string]: unknown;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: string;
  paySign: string;
}

/** A charge the payer can now pay: its out_trade_no and the parameters of `wx.requestPayment`. */
export interface ChargeStart {
  outTradeNo: string;
  payment: RequestPayment;
}

/** A verified "paid" notice. */
export interface PaidNotice {
  orderId: string;
  tradeNo: string;
  totalFen: number;
  provider: string;
}

/** What the provider needs to refund. `refundId` is the out_refund_no, reused on every retry. */
export interface RefundRequest {
  orderId: string;
  refundId: string;
  orderTotalFen: number;
  refundFen: number;
}

/**
 * Closing an order's charge before the order is released: closed (or never created, or closed
 * before) — the order may be released; or paid meanwhile — the order is kept and `notice` applied.
 */
export type ChargeClosing = { outcome: 'closed' | 'already_closed' | 'not_found' } | { outcome: 'paid'; notice: PaidNotice };

/** A refund notice, confirmed with the provider: which refund, and what the provider says of it now. */
export interface RefundNotice {
  refundId: string;
  report: RefundReport;
}

export interface PaymentPort {
  /** Recorded on payments and refunds. */
  readonly name: string;
  /** Creates (or, for the same order again, returns) the charge; FAILED_PRECONDITION when it cannot be paid. */
  startCharge(req: ChargeRequest): Promise<ChargeStart>;
  /** Checks a pay notice with the provider; null when it is not a paid charge of that amount. */
  verifyNotice(event: Record<string, unknown>): Promise<PaidNotice | null>;
  /** Closes the order's charge so it can no longer be paid (see {@link ChargeClosing}). */
  closeCharge(orderId: string): Promise<ChargeClosing>;
  /** Asks for a refund. Accepted is not done: the refund notice or `queryRefund` ends it. */
  refund(req: RefundRequest): Promise<void>;
  /** What the provider says of a refund now. */
  queryRefund(refundId: string): Promise<RefundReport>;
  /** Reads a refund notice and confirms it with `queryRefund`; null when it is not one the provider knows. */
  readRefundNotice(event: Record<string, unknown>): Promise<RefundNotice | null>;
}
