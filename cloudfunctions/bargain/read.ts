/**
 * The bargain's reads: the product's live deals (validated on read; an invalid one is skipped and
 * reported by admin.promotionHealth), and a bargain with the names of its starter and helpers.
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

type NameDoc = { _id: string; name?: string };
type BargainRow = Bargain & { _people?: NameDoc[] };

/** A bargain with its starter's and helpers' names (one aggregate); undefined when there is none. */
export async function loadBargain(bargainId: string): Promise<{ bargain: Bargain; names: Map<string, string> } | undefined> {
  const res = await store
    .aggregate('bargains')
    .match({ _id: bargainId })
    .limit(1)
    .project({ _id: 1, dealId: 1, starterOpenid: 1, productId: 1, skuId: 1, title: 1, startPriceFen: 1, floorPriceFen: 1, helpersNeeded: 1, helpers: 1, helpCount: 1, status: 1, orderId: 1, createdAt: 1, expiresAt: 1, orderedAt: 1, updatedAt: 1, people: { $concatArrays: ['$helpers', ['$starterOpenid']] } })
    .lookup({ from: 'users', localField: 'people', foreignField: '_id', as: '_people' })
    .end();
  const row = store.aggregateRows<BargainRow & { people?: string[] }>(res)[0];
  if (!row) return undefined;
  const { _people, people: _ids, ...bargain } = row;
  return { bargain, names: new Map((_people ?? []).map((u) => [u._id, u.name ?? ''])) };
}

/** A bargain as the caller sees it (helpers by name; the caller's own cut). */
export function bargainReplyOf(b: Bargain, names: ReadonlyMap<string, string>, callerOpenid: string, now: Date) {
  const view = viewBargain(b, now);
  const mine = view.helps.find((h) => h.openid === callerOpenid);
  return {
    bargainId: b._id,
    dealId: b.dealId,
    title: b.title,
    productId: b.productId,
    skuId: b.skuId,
    mine: b.starterOpenid === callerOpenid,
    starterName: names.get(b.starterOpenid) ?? '',
    phase: view.phase,
    startPriceFen: b.startPriceFen,
    floorPriceFen: b.floorPriceFen,
    reachedPriceFen: view.reachedPriceFen,
    cutFen: view.cutFen,
    helpersNeeded: b.helpersNeeded,
    helpsLeft: view.helpsLeft,
    expiresAt: b.expiresAt,
    orderId: b.orderId,
    helps: view.helps.map((h) => ({ index: h.index, cutFen: h.cutFen, name: names.get(h.openid) ?? '' })),
    myHelp: mine ? { index: mine.index, cutFen: mine.cutFen } : null,
  };
}
