/**
 * Every collection LinkShelf uses, as a type: the store takes only these names. The list must
 * equal `database/collections.json` (what the local cloud creates and CloudBase is provisioned
 * with); `collections.test.ts` fails when the two drift.
 */
export const COLLECTIONS = [
  'settings',
  'users',
  'products',
  'skus',
  'coupon_templates',
  'coupons',
  'group_deals',
  'teams',
  'team_members',
  'orders',
  'payments',
  'refunds',
  'shares',
  'share_events',
  'bindings',
  'commission_plans',
  'commission_ledger',
  'referral_programs',
  'referral_rewards',
  'growth_orders',
  'experiments',
  'binding_policy',
  'counters',
  'audit_log',
  'materials',
  'customer_events',
  'customer_summaries',
  'customer_notes',
  'alerts',
  'wechat_tokens',
  'aftersale_requests',
  'messages',
  'courses',
  'training_progress',
  'payouts',
  'invites',
  'carts',
  'addresses',
  'bargain_deals',
  'bargains',
] as const;

/** One of {@link COLLECTIONS}, e.g. `'orders'`. */
export type CollectionName = (typeof COLLECTIONS)[number];
