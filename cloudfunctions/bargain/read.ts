/**
 * The bargain's reads: the product's live deals (validated on read; an invalid one is skipped and
 * reported by admin.promotionHealth), and a bargain.
 */
import { store } from '../_platform';
import { bargainDealSchema, viewBargain, type Bargain, type BargainDeal } from '../../shared/bargain';
import { isLive } from '../../shared/promotions';

/** The product's deals that are valid and live at `now` (one read). */
export async function liveDealsOf(productId: string, now: Date): Promise<BargainDeal[]> {
  const raw = await store.find<unknown>('bargain_deals', { productId }, { limit: 20 });
  return raw.flatMap((doc) => {
    const parsed = bargainDealSchema.safeParse(doc);
    if (!parsed.success) console.warn(`[bargain] bargain_deals/${(doc as { _id?: string })._id} is invalid: skipped`);
    return parsed.success && isLive(parsed.data, now) ? [parsed.data] : [];
  });
}

/** The caller's bargains on a product, newest first (one read). */
export function myBargainsOn(openid: string, productId: string): Promise<Bargain[]> {
  return store.find<Bargain>('bargains', { starterOpenid: openid, productId }, { orderBy: [['createdAt', 'desc']], limit: 20 });
}

/** A bargain by id (one read; its starter's and helpers' names are on it). */
export function loadBargain(bargainId: string): Promise<Bargain | undefined> {
  return store.getById<Bargain>('bargains', bargainId);
}

/** A bargain as the caller sees it (helpers by name; the caller's own cut). */
export function bargainReplyOf(b: Bargain, callerOpenid: string, now: Date) {
  const view = viewBargain(b, now);
  const mine = view.helps.find((h) => h.openid === callerOpenid);
  return {
    bargainId: b._id,
    dealId: b.dealId,
    title: b.title,
    productId: b.productId,
    skuId: b.skuId,
    mine: b.starterOpenid === callerOpenid,
    starterName: b.starterName,
    phase: view.phase,
    startPriceFen: b.startPriceFen,
    floorPriceFen: b.floorPriceFen,
    reachedPriceFen: view.reachedPriceFen,
    cutFen: view.cutFen,
    helpersNeeded: b.helpersNeeded,
    helpsLeft: view.helpsLeft,
    expiresAt: b.expiresAt,
    orderId: b.orderId,
    helps: view.helps.map((h) => ({ index: h.index, cutFen: h.cutFen, name: h.name })),
    myHelp: mine ? { index: mine.index, cutFen: mine.cutFen } : null,
  };
}
