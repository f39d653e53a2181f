/**
 * A payment whose process dies right after its winning write (the local cloud's `crashAfter`
 * fault: every later write of that call fails, as if the function had died there). The paid move
 * carried its `OrderPaid` event in the same write, so nothing is lost: the next sweep delivers it.
 */
import { REDELIVER_AFTER_MS } from '../../cloudfunctions/_commerce/outbox';
import { useTestCloud } from '../../emulator/testing';
import { doc, docs, HOME } from '../support/commerce';
import { couponsConserved, ledgerBalanced, paidOrdersKept, snapshot, teamsConsistent } from './consistency';
import { payOrder } from '../support/pay';

const t = useTestCloud();
const CRASH_AFTER_THE_PAID_MOVE = { call: 'payNotify.pay', writes: 2 }; // the payment record and the paid move

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

it('payNotify killed between the winning write and growth loses no commission after the next sweep (and the coupon is used)', async () => {
  const { cloud } = t;
  const share = await cloud.ok<{ shareId: string }>('share', { action: 'create', target: { type: 'shelf', id: 'o_sales_li' }, channel: 'card' }, 'o_sales_li');
  await cloud.ok('share', { action: 'open', shareId: share.shareId }, 'o_cust_2');
  const { couponId } = await cloud.ok<{ couponId: string }>('coupon', { action: 'claim', templateId: 'ct_flat5' }, 'o_cust_2');
  const o = await cloud.ok<{ orderId: string; lines: Array<{ lineId: string; paidFen: number }> }>(
    'order',
    { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], couponId, shareId: share.shareId, idempotencyKey: 'crash-pay-0001' },
    'o_cust_2',
  );

  cloud.faults({ crashAfter: CRASH_AFTER_THE_PAID_MOVE });
  const paying = await payOrder(cloud, o.orderId, 'o_cust_2');
  expect(paying).toMatchObject({ paid: true, acknowledged: false }); // the callback never answered success
  expect(cloud.cloud.faults.injected.crashed).toBeGreaterThan(0);
  // The winning write happened and carried the event; nothing after it did.
  expect(await doc(cloud, 'orders', o.orderId)).toMatchObject({ status: 'paid', outboxPending: ['OrderPaid'], outboxPendingCount: 1 });
  expect(await docs(cloud, 'commission_ledger', { orderId: o.orderId })).toEqual([]);
  expect(await doc(cloud, 'coupons', couponId)).toMatchObject({ status: 'locked' });

  // The process is back; the timer runs once the event is old enough to be re-delivered.
  cloud.faults({});
  cloud.advanceClock(REDELIVER_AFTER_MS);
  await cloud.runTimer('sweep');

  const commission = Math.floor(o.lines[0].paidFen / 10);
  expect(await docs(cloud, 'commission_ledger', { orderId: o.orderId })).toEqual([
    expect.objectContaining({ kind: 'pending', salesId: 'o_sales_li', lineId: o.lines[0].lineId, amountFen: commission }),
  ]);
  expect(await doc(cloud, 'orders', o.orderId)).toMatchObject({ outboxPending: [], outboxPendingCount: 0 });
  expect(await doc(cloud, 'coupons', couponId)).toMatchObject({ status: 'used', orderId: o.orderId });
  const ledger = await cloud.ok<{ totals: { pendingFen: number } }>('sales', { action: 'ledger' }, 'o_sales_li');
  expect(ledger.totals.pendingFen).toBe(commission);

  // Another sweep adds nothing; the stored documents are consistent.
  cloud.advanceClock(REDELIVER_AFTER_MS);
  await cloud.runTimer('sweep');
  const s = await snapshot(cloud);
  expect(s.ledger.filter((e) => e.orderId === o.orderId)).toHaveLength(1);
  expect(ledgerBalanced(s)).toEqual([]);
  expect(paidOrdersKept(s, [o.orderId])).toEqual([]);
  expect(couponsConserved(s, new Map())).toEqual([]);
});

it('the last payer of a team killed after the paid move: the next sweep pays the member and the team succeeds', async () => {
  const { cloud } = t;
  const team = await cloud.ok<{ teamId: string; orderId: string }>('order', { action: 'create', addressId: HOME, dealId: 'gd_p01_duo', idempotencyKey: 'crash-duo-open' }, 'o_cust_1');
  await payOrder(cloud, team.orderId, 'o_cust_1');
  const joined = await cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, teamId: team.teamId, idempotencyKey: 'crash-duo-join' }, 'o_cust_2');

  cloud.faults({ crashAfter: CRASH_AFTER_THE_PAID_MOVE });
  expect(await payOrder(cloud, joined.orderId, 'o_cust_2')).toMatchObject({ paid: true, acknowledged: false });
  expect(await doc(cloud, 'teams', team.teamId)).toMatchObject({ status: 'forming', paidCount: 1 });

  cloud.faults({});
  cloud.advanceClock(REDELIVER_AFTER_MS);
  await cloud.runTimer('sweep');
  expect(await doc(cloud, 'teams', team.teamId)).toMatchObject({ status: 'succeeded', paidCount: 2 });
  expect(await doc(cloud, `team_members`, `${team.teamId}_o_cust_2`)).toMatchObject({ status: 'paid' });
  expect(teamsConsistent(await snapshot(cloud))).toEqual([]);
});
