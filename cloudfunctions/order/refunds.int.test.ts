/**
 * Refunds end at WeChat Pay: asked with the refund's id as out_refund_no, finished by the refund
 * notice (payNotify) or by the sweep's queryRefund; WeChat Pay's CHANGE and REFUNDCLOSE leave a
 * `failed` refund for ops, a closed one is asked again with the same out_refund_no.
 */
import { useTestCloud, AS_FUNCTION } from '../../emulator/testing';
import { QUERY_REFUND_AFTER_MS } from '../_commerce/orders/follow-refunds';
import { MAX_REFUND_ATTEMPTS } from '../../shared/lifecycle';
import { doc, expectMoneyBalances, HOME } from '../../tests/support/commerce';
import { deliverCallbacks, finishRefunds, payOrder, replayCallback } from '../../tests/support/pay';

const t = useTestCloud();

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

type RefundReply = { refundId: string; refundFen: number; refundStatus: string };

/** A paid order of p03 refunded in full by staff (buyers ask through aftersale); the refund as order.refund answered it. */
async function paidAndRefunded(key: string): Promise<{ orderId: string; totalFen: number; refund: RefundReply }> {
  const o = await t.cloud.ok<{ orderId: string; totalFen: number }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: key }, 'o_cust_1');
  await payOrder(t.cloud, o.orderId, 'o_cust_1');
  const refund = await t.cloud.ok<RefundReply>('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  return { ...o, refund };
}

/** WeChat Pay's side of a refund (its out_refund_no is our refund id). */
async function atWeChat(refundId: string): Promise<{ status: string; refundFee: number } | undefined> {
  const refunds = (await (await fetch(`${t.cloud.url}/_emulator/wxpay/refunds`)).json()) as Array<{ _id: string; status: string; refundFee: number }>;
  return refunds.find((r) => r._id === refundId);
}

const control = (path: string, body: unknown) => fetch(`${t.cloud.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

it('a refund is pending until WeChat Pay’s refund notice; the notice makes it succeeded once, a replay changes nothing', async () => {
  const { orderId, totalFen, refund } = await paidAndRefunded('rf-notice-01');
  expect(refund).toMatchObject({ refundFen: totalFen, refundStatus: 'pending' });
  expect(await atWeChat(refund.refundId)).toMatchObject({ status: 'PROCESSING', refundFee: totalFen });
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'pending', attempts: 1, doneAt: null });

  await finishRefunds(t.cloud);
  const done = await doc(t.cloud, 'refunds', refund.refundId);
  expect(done).toMatchObject({ status: 'succeeded', providerRefundId: expect.stringMatching(/^503/), doneAt: t.cloud.now() });
  expect(await replayCallback(t.cloud, 'refund', refund.refundId, 3)).toEqual(Array(3).fill({ errcode: 0, errmsg: 'OK: unchanged' }));
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toEqual(done);
  expect(await doc(t.cloud, 'orders', orderId)).toMatchObject({ status: 'refunded', refundedFen: totalFen });
  await expectMoneyBalances(t.cloud);
});

it('a refund WeChat Pay refused (SYSTEMERROR) is asked again by the sweep with the same out_refund_no, then finishes', async () => {
  const o = await t.cloud.ok<{ orderId: string }>('order', { action: 'create', addressId: HOME, items: [{ productId: 'p03', qty: 1 }], idempotencyKey: 'rf-refused-01' }, 'o_cust_1');
  await payOrder(t.cloud, o.orderId, 'o_cust_1');
  await control('wxpay/refund-failures', { outTradeNos: [o.orderId], errCode: 'SYSTEMERROR' });
  const { refundId } = await t.cloud.ok<RefundReply>('order', { action: 'refund', orderId: o.orderId }, 'o_ops');
  expect(await atWeChat(refundId)).toBeUndefined();

  // A sweep before the refund is a minute old leaves it alone; after, WeChat Pay is asked again.
  expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ refunds: { askedAgain: 0 } });
  await control('wxpay/refund-failures', { outTradeNos: [] });
  t.cloud.advanceClock(QUERY_REFUND_AFTER_MS);
  expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ refunds: { askedAgain: 1 } });
  expect(await atWeChat(refundId)).toMatchObject({ status: 'PROCESSING' });
  await finishRefunds(t.cloud);
  expect(await doc(t.cloud, 'refunds', refundId)).toMatchObject({ status: 'succeeded', attempts: 1 });
});

it('the sweep’s queryRefund finishes a refund whose notice never got through', async () => {
  const { refund } = await paidAndRefunded('rf-query-01');
  t.cloud.faults({ crashAfter: { call: 'payNotify.refund', writes: 0 } });
  await finishRefunds(t.cloud); // WeChat Pay settles it; its notice fails
  t.cloud.faults({});
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'pending' });
  t.cloud.advanceClock(QUERY_REFUND_AFTER_MS);
  const [a, b] = await Promise.all([t.cloud.ok<{ refunds: { succeeded: number } }>('sweep', { action: 'run' }, AS_FUNCTION), t.cloud.ok<{ refunds: { succeeded: number } }>('sweep', { action: 'run' }, AS_FUNCTION)]);
  expect(a.refunds.succeeded + b.refunds.succeeded).toBe(1);
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'succeeded', providerRefundId: expect.stringMatching(/^503/) });
  // WeChat Pay's retry of the notice comes later and changes nothing.
  expect((await deliverCallbacks(t.cloud, true)).delivered).toEqual([expect.objectContaining({ id: `refund:${refund.refundId}`, acknowledged: true })]);
});

it(`WeChat Pay closing a refund (REFUNDCLOSE) leaves it failed for ops; the sweep asks again with the same out_refund_no, ${MAX_REFUND_ATTEMPTS} times at most`, async () => {
  const { refund } = await paidAndRefunded('rf-close-01');
  for (let attempt = 1; attempt <= MAX_REFUND_ATTEMPTS; attempt++) {
    expect((await control(`wxpay/refunds/${refund.refundId}`, { status: 'REFUNDCLOSE' })).status).toBe(200);
    expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'failed', providerStatus: 'REFUNDCLOSE', attempts: attempt, failedAt: t.cloud.now() });
    t.cloud.advanceClock(QUERY_REFUND_AFTER_MS);
    const swept = await t.cloud.ok<{ refunds: { retried: number; askedAgain: number } }>('sweep', { action: 'run' }, AS_FUNCTION);
    if (attempt < MAX_REFUND_ATTEMPTS) {
      expect(swept.refunds).toMatchObject({ retried: 1, askedAgain: 1 });
      expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'pending', attempts: attempt + 1 });
      expect(await atWeChat(refund.refundId)).toMatchObject({ status: 'PROCESSING' });
    } else {
      expect(swept.refunds).toMatchObject({ retried: 0, askedAgain: 0 });
      expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'failed', attempts: MAX_REFUND_ATTEMPTS });
    }
  }
  // One refund at WeChat Pay all along (its own out_refund_no), never a second one.
  const all = (await (await fetch(`${t.cloud.url}/_emulator/wxpay/refunds`)).json()) as unknown[];
  expect(all).toHaveLength(1);
});

it('a refund WeChat Pay could not pay out (CHANGE) waits failed for ops; once ops handle it at the merchant platform it succeeds', async () => {
  const { refund } = await paidAndRefunded('rf-change-01');
  await control(`wxpay/refunds/${refund.refundId}`, { status: 'CHANGE' });
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'failed', providerStatus: 'CHANGE' });
  t.cloud.advanceClock(QUERY_REFUND_AFTER_MS);
  expect(await t.cloud.ok('sweep', { action: 'run' }, AS_FUNCTION)).toMatchObject({ refunds: { succeeded: 0, retried: 0, askedAgain: 0 } });
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'failed' });
  // 商户平台 → 交易中心 → 手动处理: WeChat Pay ends it SUCCESS and notifies.
  expect((await control(`wxpay/refunds/${refund.refundId}`, { status: 'SUCCESS' })).status).toBe(200);
  expect(await doc(t.cloud, 'refunds', refund.refundId)).toMatchObject({ status: 'succeeded', providerStatus: 'CHANGE' });
});
