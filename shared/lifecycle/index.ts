/**
 * One lifecycle for orders, order lines, after-sale requests, teams, team members, coupons and refunds: transition tables
 * (`tables.ts`), pure deciders `decide…(state, command, now) → { change, next, effects }`, effects
 * and events as data. The functions apply a decision with `_commerce/effects.ts`.
 */
export * from './machine';
export * from './tables';
export * from './change';
export * from './effects';
export * from './events';
export * from './lines';
export * from './order-changes';
export * from './order';
export * from './aftersale';
export * from './create-order';
export * from './team';
export * from './member';
export * from './coupon';
export * from './refund';
export * from './reactions';
export * from './payout';
