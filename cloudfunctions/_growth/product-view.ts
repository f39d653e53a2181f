import { getDb } from '../_platform';
import type { HookCtx } from './index';
import { C } from './store';

/** One write: `views.<productId>.n += 1`, `views.<productId>.at = now`. */
export async function recordProductViewImpl(ctx: HookCtx, openid: string, productId: string): Promise<void> {
  if (!openid || !/^[A-Za-z0-9_-]{1,32}$/.test(productId)) return;
  const _ = getDb().command;
  await getDb()
    .collection(C.users)
    .doc(openid)
    .update({ [`views.${productId}.n`]: _.inc(1), [`views.${productId}.at`]: ctx.now, lastViewedAt: ctx.now });
}
