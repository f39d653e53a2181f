/**
 * Demo flash sales (秒杀): one live (honey, 20 units, one per customer), one starting in two hours
 * (white tea, 10 units, two per customer) so the shelf shows a countdown and a "N left" at once.
 */
import { DAY, type SeedDoc } from './window';

const HOUR = 3600 * 1000;

/** Fixed ids of the demo flash sales. */
export const FLASH_IDS = { live: 'fs_live_honey', upcoming: 'fs_soon_whitetea' } as const;

export function seedFlash(now: Date): { flash_sales: SeedDoc[] } {
  const t = now.getTime();
  const base = { status: 'active', taken: 0, buyers: {}, createdAt: now, updatedAt: now };
  return {
    flash_sales: [
      {
        _id: FLASH_IDS.live,
        ...base,
        title: '秒杀 野生土蜂蜜',
        productId: 'p08',
        skuId: 'p08-s1',
        flashPriceFen: 5900,
        listPriceFen: 8800,
        quantity: 20,
        perUserLimit: 1,
        startAt: new Date(t - HOUR),
        endAt: new Date(t + 2 * DAY),
      },
      {
        _id: FLASH_IDS.upcoming,
        ...base,
        title: '秒杀 福鼎白茶',
        productId: 'p03',
        skuId: 'p03-s1',
        flashPriceFen: 6800,
        listPriceFen: 9800,
        quantity: 10,
        perUserLimit: 2,
        startAt: new Date(t + 2 * HOUR),
        endAt: new Date(t + DAY),
      },
    ],
  };
}
