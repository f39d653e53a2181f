/**
 * What a share's poster shows besides its code: the target's title and image, the price the
 * customer pays through it (the group price when a group deal or a team is shared), and the
 * salesperson the share brings customers to.
 */

/** A poster's content (image references still as stored: file ids or app paths). */
export interface PosterContent {
  title: string;
  /** The price shown, fen; null for a target without one (a shelf, a card, a coupon centre). */
  priceFen: number | null;
  /** `group`: the group price of `groupSize` people; `price`: the lowest SKU price. */
  priceKind: 'price' | 'group' | null;
  groupSize: number | null;
  image: string | null;
  salesName: string | null;
  salesAvatar: string | null;
}

/** A product as the poster needs it, with its live group deal when there is one. */
export interface PosterProduct {
  title: string;
  images: readonly string[];
  skuPricesFen: readonly number[];
  deal: { groupSize: number; groupPriceFen: number } | null;
}

/**
 * The poster content of a share target.
 * @example posterContent({type:'product', id:'p01'}, {title:'龙井', images:['/a.svg'], skuPricesFen:[16800], deal:null}, null, {name:'李'})
 *   // { title:'龙井', priceFen:16800, priceKind:'price', groupSize:null, image:'/a.svg', salesName:'李', salesAvatar:null }
 */
export function posterContent(
  target: { type: string; id: string },
  product: PosterProduct | null,
  team: { title: string; groupSize: number; groupPriceFen: number } | null,
  sales: { name?: string; avatarFileId?: string | null } | null,
): PosterContent {
  const salesName = sales?.name ?? null;
  const people = { salesName, salesAvatar: sales?.avatarFileId ?? null };
  const image = product?.images[0] ?? null;
  if (team) return { title: product?.title ?? team.title, priceFen: team.groupPriceFen, priceKind: 'group', groupSize: team.groupSize, image, ...people };
  if (product) {
    const deal = product.deal;
    const lowest = product.skuPricesFen.length ? Math.min(...product.skuPricesFen) : null;
    return deal
      ? { title: product.title, priceFen: deal.groupPriceFen, priceKind: 'group', groupSize: deal.groupSize, image, ...people }
      : { title: product.title, priceFen: lowest, priceKind: lowest === null ? null : 'price', groupSize: null, image, ...people };
  }
  const owned = (target.type === 'shelf' || target.type === 'card') && salesName;
  const title = owned ? `${salesName}的精选好物` : target.type === 'shelf' ? '精选好物' : '好物推荐';
  return { title, priceFen: null, priceKind: null, groupSize: null, image: null, ...people };
}
