import { AppError } from '../../shared/errors';
import { livePromotions, presentCoupons, presentProduct, type ProductDoc } from '../../shared/shelf/present';
import { getCommand, getDb, type ActionContext } from '../_platform';

interface ProductRow extends ProductDoc {
  groupDeals: unknown[];
  couponTemplates: unknown[];
  openTeams: Array<{ _id: string; dealId: string; size: number; seatsTaken?: number; paidCount?: number; expiresAt: Date; leaderOpenid?: string; leaderName?: string }>;
}

/** A product page in one aggregate: SKUs, group deal, up to 5 open teams, claimable coupons. */
export async function viewProduct(input: { productId: string }, ctx: ActionContext) {
  const db = getDb();
  const _ = getCommand();
  const $ = _.aggregate;
  const res = await db
    .collection('products')
    .aggregate()
    .match({ _id: input.productId, status: 'on' })
    .lookup({ from: 'skus', localField: '_id', foreignField: 'productId', as: 'skus' })
    .lookup({ from: 'group_deals', localField: '_id', foreignField: 'productId', as: 'groupDeals' })
    .lookup({ from: 'coupon_templates', pipeline: $.pipeline().match({ status: 'active' }).done(), as: 'couponTemplates' })
    .lookup({
      from: 'teams',
      let: { pid: '$_id' },
      pipeline: $.pipeline()
        .match({ status: 'forming', expiresAt: _.gt(ctx.now) })
        .match(_.expr($.eq(['$productId', '$$pid'])))
        .sort({ expiresAt: 1 })
        .limit(5)
        .done(),
      as: 'openTeams',
    })
    .end();
  const row = (res.data as ProductRow[])[0];
  if (!row) throw new AppError('NOT_FOUND', `no product ${input.productId}`);
  const promos = livePromotions(row.couponTemplates, row.groupDeals, ctx.now);
  const product = presentProduct(row, promos);
  const liveDealIds = new Set(promos.deals.map((d) => d._id));
  const openTeams = row.openTeams
    .filter((t) => liveDealIds.has(t.dealId))
    .map((t) => ({
      teamId: t._id,
      dealId: t.dealId,
      size: t.size,
      missing: Math.max(0, t.size - (t.seatsTaken ?? 0)),
      expiresAt: t.expiresAt,
      leaderName: t.leaderName ?? '',
    }))
    .filter((t) => t.missing > 0);
  return { ...product, coupons: presentCoupons(promos.templates, product.id), openTeams };
}
