import { stableId, store } from '../_platform';
import type { GrowthUserFields } from '../../shared/growth';

/** Customers moved per batch: the service's largest page. */
export const MOVE_BATCH = 1000;

/** One bulk move of a salesperson's customers (`admin.reassign`, `team.deactivate`). */
export interface CustomerMove {
  fromSalesId: string;
  toSalesId: string;
  /** The audit record the move belongs to; every history row and moved customer carries it. */
  auditId: string;
  by: string;
  now: Date;
}

/**
 * Moves every customer bound to `fromSalesId` to `toSalesId`, in batches of 1000: read a batch
 * (ids and binding versions), write its binding history (deterministic ids, so a repeated move
 * writes none twice), then move it with one conditional bulk update (`boundSalesId` still the
 * leaver: a concurrent binding wins). Moved customers leave the query, so the loop drains it.
 * Crash-safe: a repeat finds the customers not yet moved and their history already there.
 * Round trips: 3 per batch (+1 read when the last batch is full). 10,000 customers: 31.
 * Returns how many customers this call moved.
 */
export async function moveCustomers(m: CustomerMove): Promise<number> {
  const _ = store.command();
  let moved = 0;
  for (;;) {
    const batch = await store.find<GrowthUserFields & { _id: string }>(
      'users',
      { role: 'customer', boundSalesId: m.fromSalesId },
      { limit: MOVE_BATCH, fields: { _id: true, bindingRev: true } },
    );
    if (batch.length === 0) return moved;
    await store.insertManyOnce(
      'bindings',
      batch.map((c) => ({
        _id: stableId(c._id, 'reassign', m.auditId),
        openid: c._id,
        rev: (c.bindingRev ?? 0) + 1,
        salesId: m.toSalesId,
        previousSalesId: m.fromSalesId,
        reason: 'reassign',
        via: 'admin',
        auditId: m.auditId,
        by: m.by,
        at: m.now,
      })),
    );
    const n = await store.updateMany(
      'users',
      { _id: _.in(batch.map((c) => c._id)), role: 'customer', boundSalesId: m.fromSalesId },
      { boundSalesId: m.toSalesId, boundAt: m.now, protectedUntil: null, bindingRev: _.inc(1), reassignedBy: m.auditId },
    );
    moved += n;
    // A full batch may have more behind it; one that moved nobody means the rest is someone else's now.
    if (batch.length < MOVE_BATCH || n === 0) return moved;
  }
}
