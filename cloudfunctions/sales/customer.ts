import { action, AppError, getDb } from '../_platform';
import { sales } from '../../shared/contract';
import type { CouponStatus } from '../../shared/coupons';
import { C } from '../_growth/store';
import type { GrowthUserFields } from '../_growth/user-fields';
import { SALES_ROLES } from './scope';

/**
 * sales.customer {openid} → one bound customer's interest: product views, coupon claims, orders,
 * binding history and protection expiry. A salesperson sees only their own customers.
 * Round trips: 1 read of caller + customer together (platform) + 3 parallel queries.
 */
export const customer = action(sales.customer)({
  access: SALES_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ctx.users.get(input.openid) as (GrowthUserFields & { _id: string; role: string; name?: string; avatarUrl?: string }) | undefined;
    if (!u || u.role !== 'customer') throw new AppError('NOT_FOUND', `openid: no customer ${input.openid}`);
    if (ctx.user.role === 'sales' && u.boundSalesId !== ctx.openid) {
      throw new AppError('PERMISSION_DENIED', 'openid: not your customer');
    }
    const db = getDb();
    const [orders, claims, history] = await Promise.all([
      db.collection(C.growthOrders).where({ buyerOpenid: u._id }).orderBy('paidAt', 'desc').limit(50).get(),
      db.collection(C.coupons).where({ ownerOpenid: u._id }).orderBy('claimedAt', 'desc').limit(50).get(),
      db.collection(C.bindings).where({ openid: u._id }).orderBy('rev', 'desc').limit(50).get(),
    ]);
    const views = Object.entries(u.views ?? {})
      .map(([productId, v]) => ({ productId, title: v.title ?? null, count: v.n, lastAt: v.at }))
      .sort((a, b) => new Date(b.lastAt).getTime() - new Date(a.lastAt).getTime());
    return {
      openid: u._id,
      name: u.name ?? null,
      avatarUrl: u.avatarUrl ?? null,
      binding: {
        salesId: u.boundSalesId ?? null,
        boundAt: u.boundAt ?? null,
        bindingExpiresAt: u.bindingExpiresAt ?? null,
        protectedUntil: u.protectedUntil ?? null,
        referrerOpenid: u.referrerOpenid ?? null,
        firstShareId: u.firstShareId ?? null,
      },
      views,
      claims: (claims.data as Array<{ _id: string; templateId: string; title?: string; status: CouponStatus; claimedAt: Date }>).map((c) => ({
        couponId: c._id,
        templateId: c.templateId,
        title: c.title ?? null,
        status: c.status,
        claimedAt: c.claimedAt,
      })),
      orders: (orders.data as Array<{ _id: string; totalFen: number; refundedFen: number; paidAt: Date; salesId: string | null }>).map((o) => ({
        orderId: o._id,
        totalFen: o.totalFen,
        refundedFen: o.refundedFen,
        paidAt: o.paidAt,
        salesId: o.salesId,
      })),
      history: history.data,
    };
  },
});
