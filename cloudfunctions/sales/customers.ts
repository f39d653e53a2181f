import { action, withFileUrls } from '../_platform';
import { sales } from '../../shared/contract';
import { activeSalesId, type GrowthUserFields } from '../../shared/growth';
import { customerView, readSalesPage, SALES_ROLES } from './scope';

/**
 * sales.customers {salesId?, cursor?, limit?} → bound customers, latest binding first.
 * Round trips: 1 caller read (platform) + 1 query; avatars as temporary URLs (one getTempFileURL).
 */
export const customers = action(sales.customers)({
  access: SALES_ROLES,
  async run(input, ctx) {
    const page = await readSalesPage<GrowthUserFields & { _id: string; name?: string; avatarFileId?: string }>(ctx, input, {
      collection: 'users',
      where: { role: 'customer' },
      salesField: 'boundSalesId',
      latestField: 'boundAt',
    });
    const items = page.items.map((u) => ({
      ...customerView(u),
      /** False once an n_days binding has lapsed (the next salesperson's share may bind). */
      active: activeSalesId(u, ctx.now) !== null,
      firstPaidAt: u.firstPaidAt ?? null,
      lastViewedAt: u.lastViewedAt ?? null,
    }));
    return withFileUrls({ items, nextCursor: page.nextCursor, limit: page.limit });
  },
});
