/**
 * The growth loop's fields on `users/{openid}` (the platform owns `_id`, `role`, `name`, ...).
 */

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

/** Reads the growth fields of a loaded user document without trusting its shape. */
export function growthFields(doc: Record<string, unknown>): GrowthUserFields {
  return doc as GrowthUserFields;
}

/** The customer's salesperson if the binding has not lapsed at `now`. */
export function activeSalesId(u: GrowthUserFields, now: Date): string | null {
  if (!u.boundSalesId) return null;
  if (u.bindingExpiresAt && !(now < new Date(u.bindingExpiresAt))) return null;
  return u.boundSalesId;
}
