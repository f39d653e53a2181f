/**
 * Commission for payout tests, arranged as the growth loop stores it: a `pending` entry per line
 * and its `settleable` entry (the ids the subscriber and the settlement write), so a salesperson has
 * a settled balance without running a whole order lifecycle.
 */
import type { TestCloud } from '../../emulator/testing';
import { stableId } from '../../cloudfunctions/_platform/ids';

/** Writes settled commission of `amountFen` for `salesId` on order `orderId` (one line), created at `at`. */
export async function arrangeSettledCommission(cloud: TestCloud, salesId: string, orderId: string, amountFen: number, at: Date): Promise<void> {
  const base = { salesId, orderId, lineId: 'L1', productId: 'p01', buyerOpenid: 'o_cust_1', amountFen, baseFen: amountFen * 10 };
  await cloud.db.collection('commission_ledger').add([
    { _id: stableId(orderId, 'L1', 'pending'), kind: 'pending', ...base, createdAt: at, planId: 'cp_default' },
    { _id: stableId(orderId, 'L1', 'settleable'), kind: 'settleable', ...base, createdAt: at },
  ]);
}

/**
 * Moves time past the after-sale window and runs the sweep, so pending commission of orders
 * paid before becomes settleable the way the product does it today (8 days; issue 12 moves
 * settlement to order completion — change it here, once).
 */
export async function settleCommissionNow(cloud: TestCloud): Promise<void> {
  cloud.cloud.clock.advance(8 * 86_400_000);
  await cloud.runTimer('sweep');
}
