import { action, AppError, stableId, store } from '../_platform';
import { bargain as contract } from '../../shared/contract';
import { decideStart, type Bargain } from '../../shared/bargain';
import type { SkuDoc } from '../_commerce/orders/prepare';
import { bargainReplyOf, liveDealsOf, myBargainsOn } from './read';

/**
 * bargain.start {productId, skuId}: a new bargain on the SKU's live deal at the SKU's price, or the
 * caller's running one. The id is derived from (deal, starter, their bargain number on it), so two
 * starts at once insert one bargain and both answer it.
 * Round trips: caller + deals ∥ SKU ∥ the caller's bargains + the insert (+ a read back on a tie).
 */
export const start = action(contract.start)({
  async run(input, ctx) {
    const [deals, sku, mine] = await Promise.all([
      liveDealsOf(input.productId, ctx.now),
      store.getById<SkuDoc>('skus', input.skuId),
      myBargainsOn(ctx.openid, input.productId),
    ]);
    const deal = deals.find((d) => d.skuId === input.skuId);
    if (!deal || !sku || sku.productId !== input.productId) throw new AppError('NOT_FOUND', `no bargain on ${input.productId}/${input.skuId} now`);
    const onDeal = mine.filter((b) => b.dealId === deal._id);
    const bargainId = `b${stableId('bargain', deal._id, ctx.openid, String(onDeal.length + 1)).slice(0, 15)}`;
    const decision = decideStart({ bargainId, deal, skuPriceFen: sku.priceFen, starterOpenid: ctx.openid, starterName: ctx.user.name ?? '', mine: onDeal, now: ctx.now });
    let bargain: Bargain = decision.bargain;
    if (decision.kind === 'new' && !(await store.insertOnce('bargains', bargain))) {
      // A start at the same moment (or a retry whose reply was lost) inserted it: answer that one.
      bargain = (await store.getById<Bargain>('bargains', bargainId)) ?? bargain;
    }
    return bargainReplyOf(bargain, ctx.openid, ctx.now);
  },
});
