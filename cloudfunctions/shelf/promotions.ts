import { store } from '../_platform';

type Aggregate = ReturnType<typeof store.aggregate>;

/**
 * Joins the active coupon templates and group deals onto an aggregation's (single) row, as
 * `couponTemplates` and `groupDeals`: the shelf validates them and keeps the live ones.
 */
function lookupLivePromotions(aggregate: Aggregate): Aggregate {
  const $ = store.command().aggregate;
  // Named limits, as everywhere (docs/architecture.md, data rules); coupon.list shows 100 templates too.
  const active = () => $.pipeline().match({ status: 'active' }).limit(100).done();
  return aggregate
    .lookup({ from: 'coupon_templates', pipeline: active(), as: 'couponTemplates' })
    .lookup({ from: 'group_deals', pipeline: active(), as: 'groupDeals' });
}

/**
 * The shelf's one aggregate: the brand's settings row, the caller's own `lookup` joined onto it
 * (the catalogue's products, or a salesperson with their shelf), then the live promotions. Its
 * single row, or undefined when the brand is not set up.
 */
export async function loadBrandWithPromotions<Row>(lookup: Parameters<Aggregate['lookup']>[0]): Promise<Row | undefined> {
  const brand = store.aggregate('settings').match({ _id: 'brand' }).limit(1).lookup(lookup);
  return store.aggregateRows<Row>(await lookupLivePromotions(brand).end())[0];
}
