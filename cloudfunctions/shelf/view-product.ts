import { AppError } from '../../shared/errors';
import { presentCoupons, presentDeal, presentProduct, productDeals, type ProductDoc } from '../../shared/shelf/present';
import { callerPromotions, experimentsLookup } from './promotions';
import { recordProductView } from '../_growth/product-view';
import { openVisit } from '../_customers/visits';
import { activeSalesId, type GrowthUserFields } from '../../shared/growth';
import { store, withFileUrls, type ActionContext } from '../_platform';
import { productWithDeals } from '../_commerce/product-with-deals';

interface OpenTeamRow {
  _id: string;
  dealId: string;
  size: number;
  seatsTaken: number;
  expiresAt: Date;
  leader?: Array<{ name?: string; avatarFileId?: string }>;
}

interface ProductRow extends ProductDoc {
  groupDeals: unknown[];
  couponTemplates: unknown[];
  experiments: unknown[];
  openTeams: OpenTeamRow[];
}

/** One aggregate: the product, its SKUs, its group deals, up to 5 open teams (with leaders), live coupon templates, active experiments. */
async function loadProduct(productId: string, now: Date): Promise<ProductRow | undefined> {
  const _ = store.command();
  const $ = _.aggregate;
  const res = await productWithDeals(productId)
    .lookup({ from: 'coupon_templates', pipeline: $.pipeline().match({ status: 'active' }).limit(100).done(), as: 'couponTemplates' })
    .lookup(experimentsLookup())
    .lookup({
      from: 'teams',
      let: { dealIds: '$groupDeals._id' },
      pipeline: $.pipeline()
        .match({ status: 'forming', expiresAt: _.gt(now) })
        .match(_.expr($.in(['$dealId', '$$dealIds'])))
        .sort({ expiresAt: 1, _id: 1 })
        .limit(5)
        .lookup({ from: 'users', localField: 'leaderOpenid', foreignField: '_id', as: 'leader' })
        .done(),
      as: 'openTeams',
    })
    .end();
  return store.aggregateRows<ProductRow>(res)[0];
}

/**
 * A product page: SKUs, the live group deal with open teams to join ("还差 N 人"), claimable
 * coupons. A customer's visit (`view`, default true; checkout and team pages pass false) is
 * recorded with the product's title for the salesperson's interest list (one write), so the page
 * costs 3 round trips with the caller's user read; its images and the leaders' avatars come as
 * temporary URLs (one getTempFileURL). A customer's view is also a visit in their event stream (its
 * event and summary writes, one per half hour; `visitId` for time spent).
 */
export async function viewProduct(input: { productId: string; view?: boolean }, ctx: ActionContext) {
  const row = await loadProduct(input.productId, ctx.now);
  if (!row) throw new AppError('NOT_FOUND', `no product ${input.productId}`);
  const promos = callerPromotions(row, ctx); // coupon amounts and the deals' order by the caller's arms
  const view = async (): Promise<string | undefined> => {
    await recordProductView(ctx, ctx.openid, input.productId, row.title);
    if (ctx.user.role !== 'customer') return undefined;
    return openVisit(ctx, {
      type: 'product_viewed',
      openid: ctx.openid,
      salesId: activeSalesId(ctx.user as GrowthUserFields, ctx.now),
      targetId: row._id,
      data: { productId: row._id, title: row.title },
      customerName: ctx.user.name,
    });
  };
  const [product, visitId] = await Promise.all([Promise.resolve(presentProduct(row, promos)), input.view !== false ? view() : Promise.resolve(undefined)]);
  const liveDealIds = new Set(promos.deals.map((d) => d._id));
  const openTeams = row.openTeams
    .filter((t) => liveDealIds.has(t.dealId) && t.seatsTaken < t.size)
    .map((t) => ({
      teamId: t._id,
      dealId: t.dealId,
      size: t.size,
      missing: t.size - t.seatsTaken,
      expiresAt: t.expiresAt,
      leaderName: t.leader?.[0]?.name ?? '',
      leaderAvatarUrl: t.leader?.[0]?.avatarFileId ?? '',
    }));
  const groupDeals = productDeals(row, promos.deals).map(presentDeal);
  return withFileUrls({ ...product, groupDeals, coupons: presentCoupons(promos.templates, product.id), openTeams, ...(visitId ? { visitId } : {}) });
}
