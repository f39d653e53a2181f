/** Orders: stored shapes (their moves are in shared/lifecycle). */
export { KEPT_STATUSES, NEW_REFUND_FIELDS, dealTermsOf } from './order';
export type { Order, OrderLine, Refund, FailedRefundStatus, DealTerms, Shipment, ReceivedBy } from './order';
export { OPEN_AFTERSALE_STATUSES } from './aftersale';
export type { AfterSaleRequest, AfterSaleKind, ReturnShipment } from './aftersale';
