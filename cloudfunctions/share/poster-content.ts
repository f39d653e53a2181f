import { store } from '../_platform';
import { productWithDeals } from '../_commerce/product-with-deals';
import { posterContent, runningFlashPriceFen, type PosterContent, type PosterOffer, type ShareDoc } from '../../shared/growth';
import { viewBargain, type Bargain } from '../../shared/bargain';
import { livePromotions } from '../../shared/shelf/present';

interface ProductRow {
  _id: string;
  title: string;
  images?: string[];
  skus: Array<{ _id: string; priceFen: number }>;
  groupDeals: unknown[];
  /** Its `flash_sales` documents as stored (validated by `runningFlashPriceFen`). */
  flashSales: unknown[];
}

/** One aggregate: the product on sale with its SKUs' prices, its group deals and its flash sales. */
async function loadProduct(productId: string): Promise<ProductRow | undefined> {
  const res = await productWithDeals(productId).lookup({ from: 'flash_sales', localField: '_id', foreignField: 'productId', as: 'flashSales' }).end();
  return store.aggregateRows<ProductRow>(res)[0];
}

interface TeamTerms {
  terms: { title: string; productId: string; groupSize: number; groupPriceFen: number };
}

/** What the target fixes: a team's terms or a bargain's price reached now, with the product it is of. */
async function loadOffer(target: ShareDoc['target'], now: Date): Promise<{ offer: PosterOffer; productId: string } | undefined> {
  if (target.type === 'group') {
    const team = await store.getById<TeamTerms>('teams', target.id);
    return team && { offer: { kind: 'group', ...team.terms }, productId: team.terms.productId };
  }
  if (target.type === 'bargain') {
    const bargain = await store.getById<Bargain>('bargains', target.id);
    return bargain && { offer: { kind: 'bargain', title: bargain.title, priceFen: viewBargain(bargain, now).reachedPriceFen }, productId: bargain.productId };
  }
  return undefined;
}

/**
 * The poster's content for a share (images as stored). Round trips: the team or the bargain (a
 * group or bargain share), then the product (with its deals and flash sales, one aggregate) and
 * the salesperson in parallel.
 */
export async function loadPosterContent(share: ShareDoc, now: Date): Promise<PosterContent> {
  const fixed = await loadOffer(share.target, now);
  const productId = fixed ? fixed.productId : share.target.type === 'product' ? share.target.id : null;
  const [product, sales] = await Promise.all([
    productId ? loadProduct(productId) : Promise.resolve(undefined),
    share.salesId ? store.getById<{ name?: string; avatarFileId?: string | null }>('users', share.salesId) : Promise.resolve(undefined),
  ]);
  const skuIds = product ? product.skus.map((s) => s._id) : [];
  const deal = product ? livePromotions([], product.groupDeals, now).deals.find((d) => skuIds.includes(d.skuId)) : undefined;
  return posterContent(
    share.target,
    product
      ? {
          title: product.title,
          images: product.images ?? [],
          skuPricesFen: product.skus.map((s) => s.priceFen),
          deal: deal ? { groupSize: deal.groupSize, groupPriceFen: deal.groupPriceFen } : null,
          flashPriceFen: runningFlashPriceFen(product.flashSales ?? [], skuIds, now),
        }
      : null,
    fixed ? fixed.offer : null,
    sales ?? null,
  );
}
