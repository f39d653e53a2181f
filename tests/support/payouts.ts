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
 * Completes every paid order the way the product does (issue 12: commission becomes settleable
 * only on completion): ops ship each order to ship, the sweep confirms receipt after the
 * auto-confirm delay, then completes the orders once the after-sale window closed.
 */
export async function settleCommissionNow(cloud: TestCloud): Promise<void> {
  const toShip = (await cloud.db.collection('orders').where({ status: 'to_ship' }).limit(1000).get()) as { data: Array<{ _id: string; lines: Array<{ lineId: string; state: string }> }> };
  for (const o of toShip.data) {
    const lineIds = o.lines.filter((l) => l.state === 'open').map((l) => l.lineId);
    await cloud.ok('fulfil', { action: 'ship', orderId: o._id, lineIds, carrier: 'SF', trackingNo: 'SF9000000000001' }, 'o_ops');
  }
  const settings = await cloud.db.collection('settings').doc('fulfilment').get() as { data: Array<{ autoConfirmDays?: number; afterSaleDays?: number }> };
  const { autoConfirmDays = 10, afterSaleDays = 7 } = settings.data[0] ?? {};
  cloud.cloud.clock.advance((autoConfirmDays + 1) * 86_400_000);
  await cloud.runTimer('sweep');
  cloud.cloud.clock.advance((afterSaleDays + 1) * 86_400_000);
  await cloud.runTimer('sweep');
}
