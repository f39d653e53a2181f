/**
 * What a share's poster shows besides its code: the target's title and image, the price the
 * customer pays through it (a team's or a live group deal's group price, a running flash sale's
 * price, a bargain's price reached now), and the salesperson the share brings customers to.
 */
import { flashPhaseOf } from '../flash/flash-sale';
import { flashSaleSchema } from '../promotions/flash-sale.schema';

/** How the poster's price was reached. */
export const POSTER_PRICE_KINDS = ['price', 'group', 'flash', 'bargain'] as const;
/** One of {@link POSTER_PRICE_KINDS}. */
export type PosterPriceKind = (typeof POSTER_PRICE_KINDS)[number];

/** A poster's content (image references still as stored: file ids or app paths). */
export interface PosterContent {
  title: string;
  /** The price shown, fen; null for a target without one (a shelf, a card, a coupon centre). */
  priceFen: number | null;
  /**
   * `group`: the group price of `groupSize` people; `flash`: a running flash sale's price;
   * `bargain`: the price a bargain has reached; `price`: the lowest SKU price.
   */
  priceKind: PosterPriceKind | null;
  groupSize: number | null;
  image: string | null;
  salesName: string | null;
  salesAvatar: string | null;
}

/** A product as the poster needs it, with its live group deal and running flash price when there are. */
export interface PosterProduct {
  title: string;
  images: readonly string[];
  skuPricesFen: readonly number[];
  deal: { groupSize: number; groupPriceFen: number } | null;
  /** The lowest price of the flash sales running now on its SKUs (see {@link runningFlashPriceFen}); null or absent: none. */
  flashPriceFen?: number | null;
}

/** What the shared target itself fixes the price to: a team's terms, or a bargain's price reached now. */
export type PosterOffer =
  | { kind: 'group'; title: string; groupSize: number; groupPriceFen: number }
  | { kind: 'bargain'; title: string; priceFen: number };

/**
 * The poster content of a share target. The price, first match: the offer the target fixes (a
 * team, a bargain), a running flash sale (the lowest price the customer can buy at now), a live
 * group deal, the lowest SKU price.
 * @example posterContent({type:'product', id:'p01'}, {title:'龙井', images:['/a.svg'], skuPricesFen:[16800], deal:null}, null, {name:'李'})
 *   // { title:'龙井', priceFen:16800, priceKind:'price', groupSize:null, image:'/a.svg', salesName:'李', salesAvatar:null }
 */
export function posterContent(
  target: { type: string; id: string },
  product: PosterProduct | null,
  offer: PosterOffer | null,
  sales: { name?: string; avatarFileId?: string | null } | null,
): PosterContent {
  const salesName = sales?.name ?? null;
  const people = { salesName, salesAvatar: sales?.avatarFileId ?? null };
  const image = product?.images[0] ?? null;
  const shown = (title: string, priceFen: number | null, priceKind: PosterPriceKind | null, groupSize: number | null = null): PosterContent => ({ title, priceFen, priceKind, groupSize, image, ...people });
  if (offer?.kind === 'group') return shown(product?.title ?? offer.title, offer.groupPriceFen, 'group', offer.groupSize);
  if (offer?.kind === 'bargain') return shown(product?.title ?? offer.title, offer.priceFen, 'bargain');
  if (product) {
    if (product.flashPriceFen !== undefined && product.flashPriceFen !== null) return shown(product.title, product.flashPriceFen, 'flash');
    if (product.deal) return shown(product.title, product.deal.groupPriceFen, 'group', product.deal.groupSize);
    const lowest = product.skuPricesFen.length ? Math.min(...product.skuPricesFen) : null;
    return shown(product.title, lowest, lowest === null ? null : 'price');
  }
  const owned = (target.type === 'shelf' || target.type === 'card') && salesName;
  const title = owned ? `${salesName}的精选好物` : target.type === 'shelf' ? '精选好物' : '好物推荐';
  return { title, priceFen: null, priceKind: null, groupSize: null, image: null, ...people };
}

/**
 * The lowest price among the flash sales (`flash_sales` documents as read, validated here: an
 * invalid one is skipped) running at `now` on one of `skuIds`: active, started, not ended, a unit
 * left. Null when none runs (upcoming, sold out or ended sales show no flash price).
 * @example runningFlashPriceFen([{ ...liveSale, skuId: 'p01-s1', flashPriceFen: 5900 }], ['p01-s1'], now) // 5900
 */
export function runningFlashPriceFen(raw: readonly unknown[], skuIds: readonly string[], now: Date): number | null {
  let lowest: number | null = null;
  for (const doc of raw) {
    const parsed = flashSaleSchema.safeParse(doc);
    if (!parsed.success) continue;
    const sale = parsed.data;
    if (!skuIds.includes(sale.skuId) || flashPhaseOf(sale, now) !== 'live') continue;
    if (lowest === null || sale.flashPriceFen < lowest) lowest = sale.flashPriceFen;
  }
  return lowest;
}
