import { activeSalesId, assignVariants, type Attribution, type GrowthUserFields } from '../../shared/growth';
import type { GrowthCtx } from './context';
import { loadExperiments } from './live-docs';
import { loadShareWithOwner } from './share-with-owner';

/**
 * Who brought a new order: the share id from the event, else the share that bound the buyer;
 * salesperson = the buyer's active binding, else the share's salesperson (its heir once that
 * salesperson was deactivated). Snapshotted on the order: later moves never change it. Round trips: 1 (experiments) + 1 when a share id is given.
 */
export async function attributeOrder(ctx: GrowthCtx, buyer: { _id: string; [k: string]: unknown }, shareId?: string): Promise<Attribution> {
  const u = buyer as GrowthUserFields;
  const [experiments, share] = await Promise.all([
    loadExperiments(),
    shareId ? loadShareWithOwner(shareId) : Promise.resolve(undefined),
  ]);
  const via = share
    ? {
        shareId: share._id,
        rootShareId: share.rootShareId,
        depth: share.depth,
        sharerOpenid: share.sharerOpenid,
        sharerRole: share.sharerRole,
        salesId: share.resolvedSalesId,
        campaign: share.campaign,
      }
    : u.boundVia
      ? { ...u.boundVia, salesId: u.boundSalesId ?? null }
      : null;
  let salesId = activeSalesId(u, ctx.now) ?? via?.salesId ?? null;
  // Staff buying for themselves earn no commission on their own purchase.
  if (salesId === buyer._id || buyer.role !== 'customer') salesId = null;
  const referrerOpenid = via && via.sharerRole === 'customer' && via.sharerOpenid !== buyer._id ? via.sharerOpenid : null;
  return {
    salesId,
    shareId: via?.shareId ?? null,
    rootShareId: via?.rootShareId ?? null,
    depth: via?.depth ?? 0,
    referrerOpenid,
    experiments: assignVariants(buyer._id, experiments, ctx.now),
    campaign: via?.campaign ?? null,
  };
}
