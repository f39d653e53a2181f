/** Payouts: the balance rule and the payout setting. The request's lifecycle is in shared/lifecycle (payout). */
export * from './balance';
export * from './settings';
