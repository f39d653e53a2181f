import { action, getDb } from '../_platform';
import { sales } from '../../shared/contract';
import { C } from '../_growth/store';
import { activeSalesId, type GrowthUserFields } from '../_growth/user-fields';
import { SALES_ROLES, salesScope } from './scope';

/**
 * sales.customers {salesId?, skip?, limit?} → bound customers, latest binding first.
 * Round trips: 1 caller read (platform) + 1 query.
 */
export const customers = action(sales.customers)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const salesId = salesScope(ctx, input.salesId);
    const _ = getDb().command;
    const res = await getDb()
      .collection(C.users)
      .where({ role: 'customer', boundSalesId: salesId ?? _.neq(null) })
      .orderBy('boundAt', 'desc')
      .skip(input.skip ?? 0)
      .limit(input.limit ?? 20)
      .get();
    const items = (res.data as Array<GrowthUserFields & { _id: string; name?: string; avatarUrl?: string }>).map((u) => ({
      openid: u._id,
      name: u.name ?? null,
      avatarUrl: u.avatarUrl ?? null,
      salesId: u.boundSalesId ?? null,
      /** False once an n_days binding has lapsed (the next salesperson's share may bind). */
      active: activeSalesId(u, ctx.now) !== null,
      boundAt: u.boundAt ?? null,
      bindingExpiresAt: u.bindingExpiresAt ?? null,
      protectedUntil: u.protectedUntil ?? null,
      firstPaidAt: u.firstPaidAt ?? null,
      lastViewedAt: u.lastViewedAt ?? null,
      referrerOpenid: u.referrerOpenid ?? null,
    }));
    return { items, skip: input.skip ?? 0, limit: input.limit ?? 20 };
  },
});
