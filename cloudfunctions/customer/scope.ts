import { AppError, store, type ActionContext, type UserDoc } from '../_platform';
import type { GrowthUserFields } from '../../shared/growth';
import { emptySummary } from '../../shared/customers';
import type { SummaryDoc } from '../_customers/record-event';

/** The roles that see a customer 360: the owning salesperson, and the boss. */
export const CUSTOMER_360_ROLES = ['sales', 'boss'] as const;

/** A customer document as the 360 reads it. */
export type CustomerUser = UserDoc & GrowthUserFields & { nickname?: string; avatarFileId?: string; avatarUrl?: string };

/**
 * The customer the action names (loaded with the caller): NOT_FOUND unless it is a customer;
 * PERMISSION_DENIED for a salesperson it is not bound to (the same rule as sales.customer).
 */
export function ownCustomer(ctx: ActionContext, openid: string): CustomerUser {
  const u = ctx.users.get(openid) as CustomerUser | undefined;
  if (!u || u.role !== 'customer') throw new AppError('NOT_FOUND', `openid: no customer ${openid}`);
  if (ctx.user.role === 'sales' && u.boundSalesId !== ctx.openid) throw new AppError('PERMISSION_DENIED', 'openid: not your customer');
  return u;
}

/** The salesperson whose notes and reminders the caller sees: their own; null (everyone's) for the boss. */
export function notesScope(ctx: ActionContext): string | null {
  return ctx.user.role === 'sales' ? ctx.openid : null;
}

/** A summary without events, for a customer a salesperson tags or notes before any event. */
export function summaryWithoutEvents(u: CustomerUser, now: Date): SummaryDoc & { createdAt: Date } {
  return { _id: u._id, openid: u._id, salesId: u.boundSalesId ?? null, ...emptySummary(), seen: [], stage: null, stageRank: 0, manualTags: [], reminder: null, createdAt: now };
}

/**
 * Updates the customer's summary, creating it without events first when it does not exist yet
 * (1 round trip; 3 the first time).
 */
export async function updateSummary(u: CustomerUser, now: Date, where: Record<string, unknown>, update: Record<string, unknown>): Promise<SummaryDoc | undefined> {
  const done = await store.updateAndReturn<SummaryDoc>('customer_summaries', { _id: u._id, ...where }, update);
  if (done) return done;
  if (!(await store.insertOnce('customer_summaries', summaryWithoutEvents(u, now)))) return undefined;
  return store.updateAndReturn<SummaryDoc>('customer_summaries', { _id: u._id, ...where }, update);
}
