/** Orders: stored shapes and pure refund decisions. */
export { REFUNDABLE_STATUSES, KEPT_STATUSES } from './order';
export type { Order, OrderLine, Refund, DealTerms, OrderAttribution } from './order';
export { decideRefund } from './decide-refund';
export type { RefundDecision } from './decide-refund';
