/**
 * The growth loop's stored shapes, in one place: the attribution an order snapshots, the growth
 * fields of a user, the commission ledger, the growth copy of a paid order, referral rewards.
 * Money in fen; instants end in `At`.
 */

/** Who brought an order: snapshotted on the order at creation, never changed afterwards. */
export interface Attribution {
  salesId: string | null;
  shareId: string | null;
  rootShareId: string | null;
  depth: number;
  /** Customer who shared the card the buyer came through (null when it was the salesperson). */
  referrerOpenid: string | null;
  /** Experiment exposures, `{experimentKey: variant}`. */
  experiments: Record<string, string>;
  /** Campaign of the share (for counters by campaign); absent on older snapshots. */
  campaign?: string | null;
}

/** Snapshot of the share that bound a customer: the parent of every share they make. */
export interface BoundVia {
  shareId: string;
  rootShareId: string;
  depth: number;
  ancestors: string[];
  sharerOpenid: string;
  sharerRole: string;
  campaign: string | null;
}

/** The growth loop's fields on `users/{openid}` (the platform owns `_id`, `role`, `name`, ...). */
export interface GrowthUserFields {
  boundSalesId?: string | null;
  boundAt?: Date | null;
  bindingExpiresAt?: Date | null;
  protectedUntil?: Date | null;
  /** Customer who brought this customer when they were new (for referral rewards). */
  referrerOpenid?: string | null;
  /** The first share that ever bound this customer. */
  firstShareId?: string | null;
  boundShareId?: string | null;
  boundVia?: BoundVia | null;
  /** Optimistic version of the binding fields; every binding change is conditional on it. */
  bindingRev?: number;
  firstPaidAt?: Date | null;
  firstPaidOrderId?: string | null;
  /** Scopes (`all`, `s:<salesId>`, `c:<campaign>`) in which the user has already shared (K-factor sharers). */
  sharedScopes?: string[];
  /** Product views: `{productId: {n, at, title?}}`, one write per view. */
  views?: Record<string, { n: number; at: Date; title?: string }>;
  lastViewedAt?: Date | null;
}

/** `commission_ledger/{id}`: append-only, one entry per fact with a deterministic id. */
export interface LedgerEntry {
  _id: string;
  kind: 'pending' | 'settleable' | 'reversed' | 'paid';
  salesId: string;
  orderId: string;
  lineId: string;
  productId: string;
  buyerOpenid: string;
  amountFen: number;
  baseFen: number;
  createdAt: Date;
  planId?: string;
  rule?: unknown;
  refundId?: string;
  refundFen?: number;
  /** paid: the payout it records and the transfer's reference. */
  payoutId?: string;
  reference?: string;
}

/**
 * Whether an order's commission is known: `computed` (absent on copies written before it
 * existed), `none` (no salesperson, or no live plan for them), `waiting` (an invalid plan
 * document could be theirs: the sweep computes it once the plan is valid), `computing` (a sweep
 * claimed it and is writing its entries).
 */
export type CommissionStatus = 'computed' | 'none' | 'waiting' | 'computing';

/** `growth_orders/{orderId}`: the growth loop's copy of a paid order with its commission and refunds. */
export interface GrowthOrder {
  _id: string;
  buyerOpenid: string;
  salesId: string | null;
  shareId: string | null;
  rootShareId: string | null;
  depth: number;
  referrerOpenid: string | null;
  campaign: string | null;
  experiments: Record<string, string>;
  lines: Array<{ lineId: string; productId: string; qty: number; paidFen: number; commissionFen: number; rule?: unknown }>;
  totalFen: number;
  paidAt: Date;
  commissionFen: number;
  refundedFen: number;
  refundedByLine: Record<string, number>;
  /** `${refundId}:${lineId}` of every refund already reversed. */
  appliedRefunds: string[];
  /** The reversal entries written for those refunds (absent on copies written before they were kept). */
  reversals?: LedgerEntry[];
  /** Optimistic version: every refund is applied conditional on it. */
  rev: number;
  /** Referral candidate created by this order (the buyer's first paid order). */
  referral: { minOrderFen: number } | null;
  couponId: string | null;
  discountFen: number;
  dealId: string | null;
  planId: string | null;
  commissionStatus?: CommissionStatus;
  /** While the commission waits: since when, and the plan documents' problems (`collection/id field: message`). */
  commissionWaiting?: { since: Date; problems: string[] } | null;
  /** The order completed while its commission still waited: it settles as soon as it is computed. */
  completedAt?: Date | null;
}

/** `referral_rewards/{buyerOpenid}`: one referral per new customer, ever. */
export interface ReferralDoc {
  _id: string;
  buyerOpenid: string;
  referrerOpenid: string;
  orderId: string;
  paidFen: number;
  programId: string;
  referrerRewardTemplateId: string;
  newCustomerRewardTemplateId: string | null;
  dailyCap: number;
  qualifiedDay: string;
  qualifiedAt: Date;
  dueAt: Date;
  status: 'waiting' | 'review' | 'rejected' | 'rewarded' | 'capped' | 'void';
  reasons: string[];
  couponIds?: string[];
  rewardedAt?: Date;
  /** A person's decision on a referral held for review (admin.reviewReferral). */
  reviewedAt?: Date;
  reviewedBy?: string;
  reviewNote?: string | null;
  createdAt: Date;
}
