import { store, type ActionContext } from '../_platform';
import { livePromotions } from '../../shared/shelf/present';
import { promotionsForCaller } from '../../shared/shelf/promotions-for-caller';
import { validExperiments } from '../_growth/live-docs';

type Aggregate = ReturnType<typeof store.aggregate>;

/**
 * Joins the active coupon templates, group deals and experiments onto an aggregation's (single)
 * row, as `couponTemplates`, `groupDeals` and `experiments`: the shelf validates them and keeps the
 * live ones.
 */
function lookupLivePromotions(aggregate: Aggregate): Aggregate {
  const $ = store.command().aggregate;
  // Named limits, as everywhere (docs/architecture.md, data rules); coupon.list shows 100 templates too.
  const active = () => $.pipeline().match({ status: 'active' }).limit(100).done();
  return aggregate
    .lookup({ from: 'coupon_templates', pipeline: active(), as: 'couponTemplates' })
    .lookup({ from: 'group_deals', pipeline: active(), as: 'groupDeals' })
    .lookup(experimentsLookup());
}

/** The active experiments joined onto a row as `experiments` (their treatments apply per caller: `promotionsForCaller`). */
export function experimentsLookup(): Parameters<Aggregate['lookup']>[0] {
  const $ = store.command().aggregate;
  return { from: 'experiments', pipeline: $.pipeline().match({ status: 'active' }).limit(100).done(), as: 'experiments' };
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

/**
 * The live promotions of a row read with {@link experimentsLookup} (or {@link loadBrandWithPromotions}),
 * as the caller sees them: their coupon amounts and the deals' order per the running experiments.
 */
export function callerPromotions(row: { couponTemplates: unknown[]; groupDeals: unknown[]; experiments?: unknown[] }, ctx: Pick<ActionContext, 'openid' | 'now'>) {
  return promotionsForCaller(livePromotions(row.couponTemplates, row.groupDeals, ctx.now), validExperiments(row.experiments ?? []), ctx.openid, ctx.now);
}
