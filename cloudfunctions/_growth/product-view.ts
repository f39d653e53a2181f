import { store } from '../_platform';
import { isSafeKey } from '../../shared/growth';
import type { GrowthCtx } from './context';

/**
 * One write: `views.<productId>.n += 1`, `.at = now`, `.title` (so the salesperson's list needs no
 * product read). Never fails the page that records it: an unusable product id is ignored and a
 * failed write is only logged.
 */
export async function recordProductView(ctx: GrowthCtx, openid: string, productId: string, title?: string): Promise<void> {
  if (!openid || !isSafeKey(productId)) return;
  const _ = store.command();
  try {
    await store.updateById('users', openid, {
      [`views.${productId}.n`]: _.inc(1),
      [`views.${productId}.at`]: ctx.now,
      ...(title ? { [`views.${productId}.title`]: title.slice(0, 60) } : {}),
      lastViewedAt: ctx.now,
    });
  } catch (err) {
    console.warn(`[growth] request ${ctx.requestId}: product view of ${productId} not recorded`, err);
  }
}
