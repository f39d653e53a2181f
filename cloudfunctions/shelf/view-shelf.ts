import { AppError } from '../../shared/errors';
import { resolveSalesId, type ShareOwner } from '../../shared/growth';
import { presentCoupons, presentProduct, type ProductDoc } from '../../shared/shelf/present';
import { store, withFileUrls, type ActionContext } from '../_platform';
import { lookupByIds } from '../_commerce/product-lookups';
import { callerPromotions, loadBrandWithPromotions } from './promotions';
import { requiredCoursesLookup } from './required-courses';
import { decideShelfLive, type GateRow } from '../../shared/training';

interface ShelfRow {
  _id: string;
  name?: string;
  slogan?: string;
  logoFileId?: string;
  sales: Array<{ _id: string; name: string; title?: string; slogan?: string; avatarFileId?: string; shelfProductIds?: string[]; products: ProductDoc[]; requiredCourses: GateRow[] }>;
  couponTemplates: unknown[];
  groupDeals: unknown[];
}

/**
 * Whose shelf: the salesperson named in the event (their heir once they were deactivated: an old
 * link shows the shelf their customers moved to; the platform read them with the caller), else the
 * caller's bound salesperson, else the caller's own shelf if they sell, else the brand's default.
 */
function targetSalesId(input: { salesId?: string }, ctx: ActionContext): string | undefined {
  if (input.salesId) return resolveSalesId(input.salesId, ctx.users.get(input.salesId) as ShareOwner | undefined) ?? undefined;
  if (typeof ctx.user.boundSalesId === 'string') return ctx.user.boundSalesId;
  if (ctx.user.role === 'sales') return ctx.user._id;
  return undefined;
}

/**
 * One aggregate reads everything the shelf needs — brand settings, the salesperson, their
 * products with SKUs, the required courses that may keep their shelf from being live (with their
 * progress), live coupon templates and group deals — so shelf.view costs two round trips in all
 * (the caller's user doc, then this). A customer opening a shelf that is not live yet gets
 * FAILED_PRECONDITION (shared/training/shelf-gate.ts). Images are answered as temporary URLs of
 * their stored file ids (one getTempFileURL for the whole shelf).
 */
export async function viewShelf(input: { salesId?: string }, ctx: ActionContext) {
  const _ = store.command();
  const $ = _.aggregate;
  const target = targetSalesId(input, ctx);
  const row = await loadBrandWithPromotions<ShelfRow>({
    from: 'users',
    let: { def: '$defaultSalesId' },
    pipeline: $.pipeline()
      .match(_.expr($.eq(['$_id', target ?? '$$def'])))
      .match({ role: 'sales' })
      .limit(1)
      .lookup(lookupByIds('products', '$shelfProductIds', 'products', { limit: 60 /* shelf.curate keeps at most 60 */, onSale: true }))
      .lookup(requiredCoursesLookup())
      .done(),
    as: 'sales',
  });
  if (!row) throw new AppError('NOT_FOUND', 'the shop is not set up (settings/brand missing)');
  const sales = row.sales[0];
  if (!sales) throw new AppError('NOT_FOUND', `no salesperson ${JSON.stringify(target ?? 'default')}`);
  // A salesperson previews their own shelf, and staff look at anyone's, live or not.
  const staff = ctx.user._id === sales._id || ctx.user.role === 'boss' || ctx.user.role === 'ops';
  if (!staff && !decideShelfLive(sales.requiredCourses).live) throw new AppError('FAILED_PRECONDITION', 'shelf not live yet: the salesperson has required training to complete');

  const promos = callerPromotions(row, ctx);
  const order = new Map((sales.shelfProductIds ?? []).map((pid, i) => [pid, i]));
  const products = [...sales.products]
    .sort((a, b) => (order.get(a._id) ?? 0) - (order.get(b._id) ?? 0))
    .map((p) => presentProduct(p, promos));
  return withFileUrls({
    brand: { name: row.name ?? '', slogan: row.slogan ?? '', logoUrl: row.logoFileId ?? '' },
    sales: { openid: sales._id, name: sales.name, title: sales.title ?? '', slogan: sales.slogan ?? '', avatarUrl: sales.avatarFileId ?? '' },
    products,
    coupons: presentCoupons(promos.templates),
  });
}
