/** Orders: stored shapes (their moves are in shared/lifecycle). */
export { KEPT_STATUSES } from './order';
export type { Order, OrderLine, Refund, DealTerms } from './order';
