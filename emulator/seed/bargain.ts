/** The demo bargain deal (砍价): the nut gift box, ¥129 down to ¥59 by 3 friends within a day. */
import { liveWindow, type SeedDoc } from './window';

/** Fixed ids of the demo bargain, so tests and the e2e can name it. */
export const BARGAIN_IDS = { deal: 'bd_p09_nuts', productId: 'p09', skuId: 'p09-s1' } as const;

export function seedBargain(now: Date): { bargain_deals: SeedDoc[] } {
  return {
    bargain_deals: [
      {
        _id: BARGAIN_IDS.deal,
        ...liveWindow(now, 30),
        status: 'active',
        title: '三位好友帮砍 ¥59 到手',
        productId: BARGAIN_IDS.productId,
        skuId: BARGAIN_IDS.skuId,
        floorPriceFen: 5900,
        helpersNeeded: 3,
        validHours: 24,
        perUserLimit: 1,
        description: '每位好友帮砍一次，三位好友砍到底价',
        createdAt: now,
        updatedAt: now,
      },
    ],
  };
}
