import { flashApi, type FlashList, type FlashSaleView } from './api';
import { formatCountdown, toMs } from '../utils/time';

/** The flash list with the phone's time it arrived at: countdowns run on the cloud's clock from there. */
export type FlashListed = FlashList & { receivedAt: number };

/** flash.list, stamped with the phone's time of arrival. */
export async function loadFlashSales(): Promise<FlashListed> {
  return { ...(await flashApi.list()), receivedAt: Date.now() };
}

/** The cloud's clock at the phone's `now`: its time at the reply plus what has passed here since. */
export function cloudNowOf(listed: FlashListed, now: number): number {
  return toMs(listed.now) + (now - listed.receivedAt);
}

/** Phase names as the customer reads them. */
export const FLASH_PHASE_TEXT: Record<FlashSaleView['phase'], string> = { upcoming: '即将开始', live: '抢购中', sold_out: '已抢光', ended: '已结束' };

/** "距开抢 01:02:03" before the start, "剩余 7/20 件" while it runs. */
export function flashStatusText(sale: FlashSaleView, cloudNow: number): string {
  if (sale.phase === 'upcoming') return `距开抢 ${formatCountdown(toMs(sale.startAt) - cloudNow) || '00:00:00'}`;
  return `剩余 ${sale.remaining}/${sale.quantity} 件`;
}
