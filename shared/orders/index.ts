/** Orders: stored shapes (their moves are in shared/lifecycle). */
export { KEPT_STATUSES, dealTermsOf } from './order';
export type { Order, OrderLine, Refund, DealTerms, Shipment, ReceivedBy } from './order';
export { OPEN_AFTERSALE_STATUSES } from './aftersale';
export type { AfterSaleRequest, AfterSaleKind, ReturnShipment } from './aftersale';
