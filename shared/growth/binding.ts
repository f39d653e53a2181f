import { z } from 'zod';
import { opsDocumentBase } from '../promotions/fields';

/**
 * Customer binding (锁客): which salesperson a customer belongs to. Pure decision; the share
 * function applies it with one conditional write.
 */

/** Binding modes. */
export const BINDING_MODES = ['first_touch', 'n_days', 'latest', 'new_only'] as const;
/**
 * - `first_touch`: the first salesperson whose share the customer opens keeps them for good.
 * - `n_days`: a binding lasts `validDays`; after it lapses the next salesperson's share binds.
 * - `latest`: the latest salesperson's share takes the customer (outside protection).
 * - `new_only`: like first_touch, but only customers who are new (never bound, never paid) bind.
 */
export type BindingMode = (typeof BINDING_MODES)[number];

const DAY_MS = 86_400_000;

/** Schema of the `binding_policy` document (one document, id `default`). */
export const bindingPolicySchema = z
  .object({
    ...opsDocumentBase,
    mode: z.enum(BINDING_MODES),
    /** n_days: how long a binding lasts, days. */
    validDays: z.number().int().positive().optional(),
    /** No other salesperson can take the customer for this many days after a binding (0 = none). */
    protectionDays: z.number().int().nonnegative().default(0),
  })
  .strict()
  .refine((p) => p.mode !== 'n_days' || p.validDays !== undefined, { message: 'n_days needs validDays', path: ['validDays'] });

/** A validated binding policy. */
export type BindingPolicy = z.infer<typeof bindingPolicySchema>;

/** The policy used when no valid active `binding_policy` document exists: permanent first touch. */
export const DEFAULT_BINDING_POLICY: BindingPolicy = { _id: '(default)', status: 'active', mode: 'first_touch', protectionDays: 0 };

/** What the decision needs to know about the customer (fields of `users/{openid}`). */
export interface CustomerBindingState {
  openid: string;
  role: string;
  boundSalesId?: string | null;
  boundAt?: Date | null;
  bindingExpiresAt?: Date | null;
  protectedUntil?: Date | null;
  /** True once the customer has paid any order (`firstPaidAt` set). */
  hasPaid?: boolean;
}

/** What binding needs to know of a share's salesperson (`users/{salesId}`): their role and, once deactivated, their heir. */
export interface ShareOwner {
  role: string;
  heirId?: string | null;
}

/** What the decision needs to know about the opened share. */
export interface ShareForBinding {
  _id: string;
  sharerOpenid: string;
  salesId: string | null;
  /** The share's salesperson as stored now; absent when not read (the share's own salesId is used). */
  owner?: ShareOwner;
}

/**
 * The salesperson a share brings customers to: its own, or — once that salesperson was
 * deactivated (`former_sales`) — their heir. Heirs are kept one hop away: deactivating an heir
 * re-points every earlier leaver to the new heir (`team.deactivate`), so one read resolves it.
 * @example resolveSalesId('o_sales_gone', { role: 'former_sales', heirId: 'o_sales_wang' }) // 'o_sales_wang'
 * @example resolveSalesId('o_sales_li', { role: 'sales' }) // 'o_sales_li'
 */
export function resolveSalesId(salesId: string | null, owner: ShareOwner | undefined): string | null {
  if (salesId && owner?.role === 'former_sales' && owner.heirId) return owner.heirId;
  return salesId;
}

/** Why a share did not (re)bind the customer. */
export type KeepReason =
  | 'self_share' // the caller opened their own share
  | 'not_customer' // staff are never bound
  | 'no_sales' // the share has no owning salesperson
  | 'own_salesperson' // the caller is the share's salesperson
  | 'same_sales' // already bound to this salesperson
  | 'protected' // inside another salesperson's protection period
  | 'permanent' // first_touch/new_only: the first binding stays
  | 'active' // n_days: the current binding has not lapsed
  | 'not_new'; // new_only: an existing customer is never bound

/** Result of {@link decideBinding}. */
export type BindingDecision =
  | {
      kind: 'bind';
      reason: 'first' | 'expired' | 'override';
      salesId: string;
      previousSalesId: string | null;
      bindingExpiresAt: Date | null;
      protectedUntil: Date | null;
      /** True when the customer had never been bound before (counts as a new customer). */
      isNewCustomer: boolean;
    }
  | { kind: 'keep'; reason: KeepReason };

/** True when the customer currently has a binding that has not lapsed. */
export function hasActiveBinding(c: Pick<CustomerBindingState, 'boundSalesId' | 'bindingExpiresAt'>, now: Date): boolean {
  return !!c.boundSalesId && (!c.bindingExpiresAt || now.getTime() < new Date(c.bindingExpiresAt).getTime());
}

/**
 * The customer's salesperson while the binding has not lapsed at `now`, else null.
 * @example activeSalesId({ boundSalesId: 'o_sales_li', bindingExpiresAt: null }, now) // 'o_sales_li'
 */
export function activeSalesId(c: Pick<CustomerBindingState, 'boundSalesId' | 'bindingExpiresAt'>, now: Date): string | null {
  return hasActiveBinding(c, now) ? (c.boundSalesId as string) : null;
}

/**
 * Decides whether opening `share` binds `customer` to the share's salesperson at `now`.
 * The share's salesperson is resolved through a deactivation first ({@link resolveSalesId}).
 * Order of rules: self/staff/no-sales refusals → same salesperson → protection → mode.
 * @example decideBinding(policy, {openid:'o_cust_1', role:'customer'}, {_id:'s1', sharerOpenid:'o_sales_li', salesId:'o_sales_li'}, now)
 *   // { kind:'bind', reason:'first', salesId:'o_sales_li', ... }
 */
export function decideBinding(
  policy: BindingPolicy,
  customer: CustomerBindingState,
  share: ShareForBinding,
  now: Date,
): BindingDecision {
  if (share.sharerOpenid === customer.openid) return { kind: 'keep', reason: 'self_share' };
  if (customer.role !== 'customer') return { kind: 'keep', reason: 'not_customer' };
  const salesId = resolveSalesId(share.salesId, share.owner);
  if (!salesId) return { kind: 'keep', reason: 'no_sales' };
  if (salesId === customer.openid) return { kind: 'keep', reason: 'own_salesperson' };

  const current = customer.boundSalesId ?? null;
  const active = hasActiveBinding(customer, now);
  if (current === salesId && active) return { kind: 'keep', reason: 'same_sales' };

  const bind = (reason: 'first' | 'expired' | 'override'): BindingDecision => ({
    kind: 'bind',
    reason,
    salesId,
    previousSalesId: current,
    bindingExpiresAt: policy.mode === 'n_days' && policy.validDays ? new Date(now.getTime() + policy.validDays * DAY_MS) : null,
    protectedUntil: policy.protectionDays > 0 ? new Date(now.getTime() + policy.protectionDays * DAY_MS) : null,
    isNewCustomer: !current && !customer.hasPaid,
  });

  if (!current) {
    if (policy.mode === 'new_only' && customer.hasPaid) return { kind: 'keep', reason: 'not_new' };
    return bind('first');
  }
  if (customer.protectedUntil && now < customer.protectedUntil) return { kind: 'keep', reason: 'protected' };
  switch (policy.mode) {
    case 'first_touch':
    case 'new_only':
      return { kind: 'keep', reason: 'permanent' };
    case 'n_days':
      return active ? { kind: 'keep', reason: 'active' } : bind('expired');
    case 'latest':
      return bind('override');
  }
}
