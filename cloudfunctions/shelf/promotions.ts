import { store } from '../_platform';

type Aggregate = ReturnType<typeof store.aggregate>;

/**
 * Joins the active coupon templates and group deals onto an aggregation's (single) row, as
 * `couponTemplates` and `groupDeals`: the shelf validates them and keeps the live ones.
 */
export function lookupLivePromotions(aggregate: Aggregate): Aggregate {
  const $ = store.command().aggregate;
  // Named limits, as everywhere (docs/architecture.md, data rules); coupon.list shows 100 templates too.
  const active = () => $.pipeline().match({ status: 'active' }).limit(100).done();
  return aggregate
    .lookup({ from: 'coupon_templates', pipeline: active(), as: 'couponTemplates' })
    .lookup({ from: 'group_deals', pipeline: active(), as: 'groupDeals' });
}
