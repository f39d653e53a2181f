import { store } from '../_platform';
import { productWithDeals } from '../_commerce/product-with-deals';
import { posterContent, type PosterContent, type ShareDoc } from '../../shared/growth';
import { livePromotions } from '../../shared/shelf/present';

interface ProductRow {
  _id: string;
  title: string;
  images?: string[];
  skus: Array<{ _id: string; priceFen: number }>;
  groupDeals: unknown[];
}

/** One aggregate: the product on sale with its SKUs' prices and its group deals. */
async function loadProduct(productId: string): Promise<ProductRow | undefined> {
  const res = await productWithDeals(productId).end();
  return store.aggregateRows<ProductRow>(res)[0];
}

interface TeamTerms {
  terms: { title: string; productId: string; groupSize: number; groupPriceFen: number };
}

/**
 * The poster's content for a share (images as stored). Round trips: the team (a group share),
 * then the product (a product or group share) and the salesperson in parallel.
 */
export async function loadPosterContent(share: ShareDoc, now: Date): Promise<PosterContent> {
  const team = share.target.type === 'group' ? await store.getById<TeamTerms>('teams', share.target.id) : undefined;
  const productId = team ? team.terms.productId : share.target.type === 'product' ? share.target.id : null;
  const [product, sales] = await Promise.all([
    productId ? loadProduct(productId) : Promise.resolve(undefined),
    share.salesId ? store.getById<{ name?: string; avatarFileId?: string | null }>('users', share.salesId) : Promise.resolve(undefined),
  ]);
  const deal = product ? livePromotions([], product.groupDeals, now).deals.find((d) => product.skus.some((s) => s._id === d.skuId)) : undefined;
  return posterContent(
    share.target,
    product ? { title: product.title, images: product.images ?? [], skuPricesFen: product.skus.map((s) => s.priceFen), deal: deal ? { groupSize: deal.groupSize, groupPriceFen: deal.groupPriceFen } : null } : null,
    team ? team.terms : null,
    sales ?? null,
  );
}
