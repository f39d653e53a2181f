/** Orders: stored shapes (their moves are in shared/lifecycle). */
export { KEPT_STATUSES, dealTermsOf } from './order';
export type { Order, OrderLine, Refund, DealTerms } from './order';
