/**
 * bargain (砍价): offer / start / help / get / buy. A customer starts a bargain on a deal's SKU,
 * friends who open its share each cut a seeded amount once (exactly N reach the floor), the starter
 * buys at the reached price before the deadline. Decisions in shared/bargain; see docs/growth.md.
 */
import { action, AppError, defineFunction } from '../_platform';
import { bargain as contract } from '../../shared/contract';
import { buy } from './buy';
import { help } from './help';
import { bargainReplyOf, liveDealsOf, loadBargain, myBargainsOn } from './read';
import { start } from './start';

export const main = defineFunction('bargain', {
  offer: action(contract.offer)({
    run: async (input, ctx) => {
      const [deals, mine] = await Promise.all([liveDealsOf(input.productId, ctx.now), myBargainsOn(ctx.openid, input.productId)]);
      const deal = deals[0];
      const running = deal ? mine.find((b) => b.dealId === deal._id && b.status === 'open' && b.expiresAt.getTime() > ctx.now.getTime()) : undefined;
      return {
        deal: deal ? { dealId: deal._id, title: deal.title, skuId: deal.skuId, floorPriceFen: deal.floorPriceFen, helpersNeeded: deal.helpersNeeded, validHours: deal.validHours } : null,
        myBargainId: running?._id ?? null,
      };
    },
  }),
  start,
  help,
  get: action(contract.get)({
    run: async (input, ctx) => {
      const bargain = await loadBargain(input.bargainId);
      if (!bargain) throw new AppError('NOT_FOUND', `no bargain ${input.bargainId}`);
      return bargainReplyOf(bargain, ctx.openid, ctx.now);
    },
  }),
  buy,
});
