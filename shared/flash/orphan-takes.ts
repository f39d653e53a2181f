/**
 * Flash units taken by a buy whose order never came (issue 14): the take (one guarded write on the
 * sale) happens before the order insert, so a request that dies between the two leaves a unit taken
 * by no order. The take records itself in the sale's `takes`; after a grace period the sweep sorts
 * the takes it reads into orphans (no order: the unit goes back) and settled ones (the order
 * exists: the record is dropped; its release, if any, gives the unit back as usual).
 */

/** A take as recorded on the sale by `flash.buy`'s guarded write. */
export interface FlashTake {
  orderId: string;
  buyerKey: string;
  takenAt: Date;
}

/**
 * How long a take may wait for its order before the sweep treats it as orphaned: far beyond the
 * flash function's time limit (15 s), so no live request can still insert the order.
 */
export const FLASH_TAKE_GRACE_MS = 10 * 60 * 1000;

/**
 * The takes older than the grace period, split by whether their order exists (`orderIds`: the ids
 * of the orders found among the takes' orders). Younger takes are left alone.
 * @example sortOldTakes(takes, new Set(['o1']), now) // { orphans: [take of o2], done: ['o1', 'o2'] }
 */
export function sortOldTakes(takes: readonly FlashTake[], orderIds: ReadonlySet<string>, now: Date): { orphans: FlashTake[]; done: string[] } {
  const old = takes.filter((t) => now.getTime() - t.takenAt.getTime() >= FLASH_TAKE_GRACE_MS);
  return { orphans: old.filter((t) => !orderIds.has(t.orderId)), done: old.map((t) => t.orderId) };
}
