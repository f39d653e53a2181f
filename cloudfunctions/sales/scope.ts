import { AppError, store, type ActionContext, type CollectionName } from '../_platform';
import type { GrowthUserFields } from '../../shared/growth';
import { nullWhereAbsent } from '../../shared/records';

/**
 * Whose data a sales action reads: a salesperson only their own; the boss anyone's (or everyone's
 * when `salesId` is omitted, returned as null).
 */
export function salesScope(ctx: ActionContext, salesId?: string): string | null {
  if (ctx.user.role === 'sales') {
    if (salesId && salesId !== ctx.openid) throw new AppError('PERMISSION_DENIED', 'salesId: a salesperson sees only their own data');
    return ctx.openid;
  }
  return salesId ?? null;
}

export const SALES_ROLES = ['sales', 'boss'] as const;

/** What a paged sales list asks for. */
export interface SalesPage {
  salesId?: string;
  cursor?: string;
  limit?: number;
}

/**
 * One page (latest first by `latestField`, after `cursor`) of the documents whose `salesField`
 * is the scoped salesperson — or anyone's, for the boss without a `salesId`. One query.
 */
export async function readSalesPage<T extends { _id: string }>(
  ctx: ActionContext,
  input: SalesPage,
  query: { collection: CollectionName; where?: Record<string, unknown>; salesField: string; latestField: string },
): Promise<store.Page<T> & { limit: number }> {
  const salesId = salesScope(ctx, input.salesId);
  const limit = input.limit ?? 20;
  const where = { ...query.where, [query.salesField]: salesId ?? store.command().neq(null) };
  const page = await store.findPage<T>(query.collection, where, { orderBy: [query.latestField, 'desc'], limit, cursor: input.cursor });
  return { ...page, limit };
}

/** A customer as the workbench lists them: who they are and their binding (null where unset). */
export function customerView(u: GrowthUserFields & { _id: string; name?: string; avatarFileId?: string }) {
  return {
    openid: u._id,
    name: u.name ?? null,
    avatarUrl: u.avatarFileId ?? null,
    salesId: u.boundSalesId ?? null,
    ...nullWhereAbsent(u, ['boundAt', 'bindingExpiresAt', 'protectedUntil', 'referrerOpenid']),
  };
}
