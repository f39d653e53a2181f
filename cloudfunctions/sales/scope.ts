import { AppError, type ActionContext } from '../_platform';

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
