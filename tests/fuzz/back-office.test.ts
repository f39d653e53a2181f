import { defineFuzzSuite } from './harness';

// The back office of issue 13: payouts (with the pools' ids mostly missing: every refusal path),
// and admin's queues, referral review and exports (a few periods: each export uploads a file).
defineFuzzSuite(['payout'], {
  'payout.request': () => ({ amountFen: [100, 999, 1_000, 5_000, 100_000] }),
});
