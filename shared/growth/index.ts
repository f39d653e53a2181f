/** The growth loop's pure domain: share chain, binding, commission, referral, experiments, counters. */
export * from './share-id';
export * from './share-chain';
export * from './binding';
export * from './commission';
export * from './plan-choice';
export * from './referral';
export * from './experiments';
export * from './counters';
export * from './ops-docs';
export * from './types';
export * from './ab-stats';
export * from './experiment-results';
export * from './poster-content';
export * from './coupon-amount';
export * from './group-size-first';
