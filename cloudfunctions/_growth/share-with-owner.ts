import { store } from '../_platform';
import { isShareId, resolveSalesId, type ShareDoc, type ShareOwner } from '../../shared/growth';

/** A share with its salesperson as stored now (role, heir), and the salesperson it brings customers to. */
export interface ShareWithOwner extends ShareDoc {
  owner?: ShareOwner;
  /** `salesId`, or the heir once that salesperson was deactivated (shared/growth `resolveSalesId`). */
  resolvedSalesId: string | null;
}

/**
 * One share with its salesperson's user document joined in: one aggregate (the join is by `_id`),
 * the same single round trip as reading the share alone. Undefined for a junk or unknown id.
 */
export async function loadShareWithOwner(shareId: string): Promise<ShareWithOwner | undefined> {
  if (!isShareId(shareId)) return undefined;
  const res = await store
    .aggregate('shares')
    .match({ _id: shareId })
    .limit(1)
    .lookup({ from: 'users', localField: 'salesId', foreignField: '_id', as: '_owner' })
    .end();
  const row = store.aggregateRows<ShareDoc & { _owner?: Array<{ role: string; heirId?: string | null }> }>(res)[0];
  if (!row) return undefined;
  const { _owner, ...share } = row;
  const found = _owner?.[0];
  const owner: ShareOwner | undefined = found ? { role: found.role, heirId: found.heirId ?? null } : undefined;
  return { ...share, owner, resolvedSalesId: resolveSalesId(share.salesId, owner) };
}
