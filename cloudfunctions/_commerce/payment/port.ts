/**
 * The payment port: how the commerce core takes and returns money, whatever the provider.
 * Adapters: `sandbox` (local and tests: pays at once through payNotify, the same path a WeChat Pay
 * callback takes) and `cloudpay` (CloudBase cloudPay: unifiedOrder, callback, refund).
 */

/** What the provider needs to charge an order. */
export interface ChargeRequest {
  orderId: string;
  totalFen: number;
  body: string;
  buyerOpenid: string;
}

/** The outcome of starting a payment. */
export type ChargeStart =
  /** The sandbox has already delivered the paid notification (the order is paid now). */
  | { mode: 'sandbox'; tradeNo: string }
  /** The client must call `wx.requestPayment(payment)`; the callback will arrive at payNotify. */
  | { mode: 'cloudpay'; payment: Record<string, unknown> };

/** A verified "paid" notification. */
export interface PaidNotice {
  orderId: string;
  tradeNo: string;
  totalFen: number;
  provider: string;
}

/** What the provider needs to refund. `refundId` is reused on retries (out_refund_no). */
export interface RefundRequest {
  orderId: string;
  refundId: string;
  orderTotalFen: number;
  refundFen: number;
}

/** Whether the provider finished the refund (sandbox) or only accepted it (cloudpay). */
export interface RefundOutcome {
  done: boolean;
}

export interface PaymentPort {
  readonly name: 'sandbox' | 'cloudpay';
  startCharge(req: ChargeRequest): Promise<ChargeStart>;
  /** Checks a notification event; null when it is not authentic or not a success. */
  verifyNotice(event: Record<string, unknown>): Promise<PaidNotice | null>;
  refund(req: RefundRequest): Promise<RefundOutcome>;
}
