import { action, AppError, store, withFileUrls, type SortKey } from '../_platform';
import { sales, type ResultOf } from '../../shared/contract';
import type { CouponStatus } from '../../shared/coupons';
import type { GrowthUserFields } from '../../shared/growth';
import { customerView, SALES_ROLES } from './scope';

/**
 * sales.customer {openid} → one bound customer's interest: product views, coupon claims, orders,
 * binding history and protection expiry. A salesperson sees only their own customers.
 * Round trips: 1 read of caller + customer together (platform) + 3 parallel queries.
 */
export const customer = action(sales.customer)({
  access: SALES_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ctx.users.get(input.openid) as (GrowthUserFields & { _id: string; role: string; name?: string; avatarFileId?: string }) | undefined;
    if (!u || u.role !== 'customer') throw new AppError('NOT_FOUND', `openid: no customer ${input.openid}`);
    if (ctx.user.role === 'sales' && u.boundSalesId !== ctx.openid) {
      throw new AppError('PERMISSION_DENIED', 'openid: not your customer');
    }
    const latest50 = (field: string) => ({ orderBy: [[field, 'desc']] as SortKey[], limit: 50 });
    const [orders, claims, history] = await Promise.all([
      store.find<{ _id: string; totalFen: number; refundedFen: number; paidAt: Date; salesId: string | null }>('growth_orders', { buyerOpenid: u._id }, latest50('paidAt')),
      store.find<{ _id: string; templateId: string; title?: string; status: CouponStatus; claimedAt: Date }>('coupons', { ownerOpenid: u._id }, latest50('claimedAt')),
      store.find<ResultOf<typeof sales.customer>['history'][number]>('bindings', { openid: u._id }, latest50('rev')),
    ]);
    const views = Object.entries(u.views ?? {})
      .map(([productId, v]) => ({ productId, title: v.title ?? null, count: v.n, lastAt: v.at }))
      .sort((a, b) => new Date(b.lastAt).getTime() - new Date(a.lastAt).getTime());
    const { openid, name, avatarUrl, ...binding } = customerView(u);
    return withFileUrls({
      openid,
      name,
      avatarUrl,
      binding: { ...binding, firstShareId: u.firstShareId ?? null },
      views,
      claims: claims.map((c) => ({
        couponId: c._id,
        templateId: c.templateId,
        title: c.title ?? null,
        status: c.status,
        claimedAt: c.claimedAt,
      })),
      orders: orders.map((o) => ({
        orderId: o._id,
        totalFen: o.totalFen,
        refundedFen: o.refundedFen,
        paidAt: o.paidAt,
        salesId: o.salesId,
      })),
      history,
    });
  },
});
