import { action, store } from '../_platform';
import { admin } from '../../shared/contract';
import { experimentResults, funnel, kFactor, type Metrics } from '../../shared/growth';
import { validExperiments } from '../_growth/live-docs';
import { readJoined, type Join } from './ops-health';
import { dailySeries, dayRange, readCounterSummary, readSalespeople, readTotals } from '../_growth/reports';

const n = (m: Metrics, k: keyof Metrics): number => m[k] ?? 0;

function money(m: Metrics) {
  const paid = n(m, 'paidOrders');
  return {
    gmvFen: n(m, 'gmvFen'),
    orders: n(m, 'orders'),
    paidOrders: paid,
    payingCustomers: n(m, 'payers'),
    newPayingCustomers: n(m, 'newPayers'),
    averageOrderFen: paid > 0 ? Math.round(n(m, 'gmvFen') / paid) : 0,
    refundFen: n(m, 'refundFen'),
  };
}

/**
 * admin.dashboard {from?, to?} (days `YYYY-MM-DD`, China time; default all days up to today) →
 * GMV, orders, paying customers, AOV, by salesperson, funnel share → open → bind → order → pay,
 * K-factor by salesperson and campaign, experiment arms with their confidence intervals, coupon and group results,
 * commission owed. Everything comes from counters and bounded documents: a fixed number of
 * database operations (1 caller read + 9: the promotions and experiments in one joined read), whatever the number of orders.
 */
/** The coupon templates, group deals and active experiments, joined into one read. */
function promotionJoins(): Join[] {
  const $ = store.command().aggregate;
  return [
    { as: 'coupon_templates', from: 'coupon_templates', pipeline: $.pipeline().limit(1000).done() },
    { as: 'group_deals', from: 'group_deals', pipeline: $.pipeline().limit(1000).done() },
    { as: 'experiments', from: 'experiments', pipeline: $.pipeline().match({ status: 'active' }).limit(100).done() },
  ];
}

export const dashboard = action(admin.dashboard)({
  access: ['boss', 'ops'],
  async run(input, ctx) {
    const range = dayRange(ctx.now, input.from, input.to);
    const [{ summary, days, docs }, totals, people, promotions, forming, succeeded, failed, couponsUsed, review] = await Promise.all([
      readCounterSummary(range.from, range.to),
      readTotals(),
      readSalespeople(),
      readJoined(promotionJoins()),
      store.count('teams', { status: 'forming' }),
      store.count('teams', { status: 'succeeded' }),
      store.count('teams', { status: 'failed' }),
      store.count('coupons', { status: 'used' }),
      store.find<{ _id: string; referrerOpenid: string; orderId: string; paidFen: number; reasons: string[]; qualifiedAt: Date }>(
        'referral_rewards',
        { status: 'review' },
        { orderBy: [['createdAt', 'desc']], limit: 50 },
      ),
    ]);
    const templates = promotions.coupon_templates as Array<{ _id: string; title?: string; status?: string; stock?: number; issuedCount?: number }>;
    const deals = promotions.group_deals as Array<{ _id: string; title?: string; status?: string }>;
    const experimentDocs = validExperiments(promotions.experiments);
    const experimentByKey = new Map(experimentDocs.map((e) => [e.key, e]));
    const experimentKeys = [...new Set([...experimentDocs.map((e) => e.key), ...Object.keys(summary.byVariant)])].sort();
    const names = new Map(people.map((p) => [p.openid, p.name]));
    const salesIds = [...new Set([...people.map((p) => p.openid), ...Object.keys(summary.bySales), ...Object.keys(totals.bySales)])].sort();
    const owed = (id: string) => {
      const t = totals.bySales[id] ?? {};
      return {
        accruedFen: n(t, 'commissionFen'),
        reversedFen: n(t, 'reversedFen'),
        settledFen: n(t, 'settledFen'),
        paidOutFen: n(t, 'paidOutFen'),
        owedFen: n(t, 'commissionFen') - n(t, 'reversedFen') - n(t, 'paidOutFen'),
      };
    };
    return {
      ...range,
      daysWithData: days,
      /** The last 30 days up to `to` (China-time days), for the GMV chart — from the same read. */
      daily: dailySeries(docs, range.to, 30),
      ...money(summary.all),
      funnel: funnel(summary.all),
      kFactor: kFactor(summary.all),
      bySales: salesIds.map((id) => {
        const m = summary.bySales[id] ?? {};
        return { salesId: id, name: names.get(id) ?? id, ...money(m), funnel: funnel(m), newCustomers: n(m, 'newCustomers'), sharers: n(m, 'sharers'), kFactor: kFactor(m), commission: owed(id) };
      }),
      byCampaign: Object.entries(summary.byCampaign)
        .map(([campaign, m]) => ({ campaign, ...money(m), funnel: funnel(m), newCustomers: n(m, 'newCustomers'), sharers: n(m, 'sharers'), kFactor: kFactor(m) }))
        .sort((a, b) => a.campaign.localeCompare(b.campaign)),
      experiments: experimentKeys.map((key) => {
        const variants = summary.byVariant[key] ?? {};
        return {
          ...experimentResults(key, experimentByKey.get(key), variants),
          variants: Object.entries(variants).map(([variant, m]) => ({ variant, ...money(m), funnel: funnel(m) })),
        };
      }),
      coupons: {
        paidOrdersWithCoupon: n(summary.all, 'couponOrders'),
        discountFen: n(summary.all, 'discountFen'),
        usedCoupons: couponsUsed,
        templates: templates.map((t) => ({
          templateId: t._id,
          title: t.title ?? null,
          status: t.status ?? null,
          stock: typeof t.stock === 'number' ? t.stock : null,
          issued: typeof t.issuedCount === 'number' ? t.issuedCount : null,
        })),
      },
      groups: {
        paidGroupOrders: n(summary.all, 'groupOrders'),
        teams: { forming, succeeded, failed },
        deals: deals.map((d) => ({ dealId: d._id, title: d.title ?? null, status: d.status ?? null })),
      },
      referrals: {
        recorded: n(summary.all, 'referrals'),
        rewardsIssued: n(summary.all, 'rewards'),
        // suspicious referrals held for a person to decide (latest 50)
        review: review.map((r) => ({
          buyerOpenid: r._id,
          referrerOpenid: r.referrerOpenid,
          orderId: r.orderId,
          paidFen: r.paidFen,
          reasons: r.reasons,
          qualifiedAt: r.qualifiedAt,
        })),
      },
      commission: {
        accruedFen: n(summary.all, 'commissionFen'),
        reversedFen: n(summary.all, 'reversedFen'),
        settledFen: n(summary.all, 'settledFen'),
        paidOutFen: n(summary.all, 'paidOutFen'),
        owedFen: salesIds.reduce((s, id) => s + owed(id).owedFen, 0),
      },
    };
  },
});
