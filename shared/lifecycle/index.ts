/**
 * One lifecycle for orders, order lines, teams, team members, coupons and refunds: transition tables
 * (`tables.ts`), pure deciders `decide…(state, command, now) → { change, next, effects }`, effects
 * and events as data. The functions apply a decision with `_commerce/effects.ts`.
 */
export * from './machine';
export * from './tables';
export * from './change';
export * from './effects';
export * from './events';
export * from './order';
export * from './create-order';
export * from './team';
export * from './member';
export * from './coupon';
export * from './refund';
export * from './reactions';
export * from './payout';
