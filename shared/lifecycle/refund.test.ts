/** Given/when/then for the refund decider: what a provider's report does to a refund record (no database). */
import { decider } from '../../tests/support/decider';
import { anOrder, aPaidOrder, NOW } from '../../tests/support/fixtures';
import { NEW_REFUND_FIELDS, type Refund } from '../orders';
import { decideOrder } from './order';
import { decideRefundProgress, MAX_REFUND_ATTEMPTS, noticeChange, type RefundReport } from './refund';

const aRefund = (overrides: Partial<Refund> = {}): Refund => ({
  _id: 'r1',
  orderId: 'o1',
  buyerOpenid: 'o_cust_1',
  tradeNo: 'wx1',
  lines: [{ lineId: 'L1', refundFen: 9800 }],
  shippingFen: 0,
  refundFen: 9800,
  reason: 'buyer_refund',
  provider: 'cloudpay',
  createdAt: NOW,
  ...NEW_REFUND_FIELDS,
  ...overrides,
});

const refund = decider((r: Refund, report: RefundReport, now: Date) => decideRefundProgress(r, report, 9800, now));
const askAgain = (r: Refund) => ({ type: 'refund', refund: r, orderTotalFen: 9800 });

describe('the provider says SUCCESS', () => {
  it('given a pending refund, when SUCCESS for its amount, then it succeeds with the provider refund id', () => {
    refund
      .given(aRefund())
      .when({ status: 'SUCCESS', refundFen: 9800, providerRefundId: '503001' }, NOW)
      .then({ change: { entity: 'refund', move: 'succeed', set: { status: 'succeeded', doneAt: NOW, providerRefundId: '503001' }, requires: [{ field: 'refundFen', op: 'eq', value: 9800 }] }, effects: [] });
  });

  it('given a failed refund (CHANGE handled by hand at the merchant platform), when SUCCESS, then it succeeds', () => {
    refund.given(aRefund({ status: 'failed', providerStatus: 'CHANGE' })).when({ status: 'SUCCESS', refundFen: 9800, providerRefundId: '503002' }, NOW).then({ change: { move: 'succeed' } });
  });

  it('given a succeeded refund, when SUCCESS again (a replayed notice), then nothing moves', () => {
    expect(decideRefundProgress(aRefund({ status: 'succeeded' }), { status: 'SUCCESS', refundFen: 9800, providerRefundId: 'x' }, 9800, NOW)).toEqual({ effects: [] });
  });

  it('given a pending refund, when SUCCESS for another amount, then nothing moves', () => {
    expect(decideRefundProgress(aRefund(), { status: 'SUCCESS', refundFen: 1, providerRefundId: 'x' }, 9800, NOW)).toEqual({ effects: [] });
  });
});

describe('the provider ends it without paying', () => {
  it.each(['CHANGE', 'REFUNDCLOSE'] as const)('given a pending refund, when %s, then it fails with that status for ops', (status) => {
    refund
      .given(aRefund())
      .when({ status, refundFen: 9800 }, NOW)
      .then({ change: { move: 'fail', set: { status: 'failed', failedAt: NOW, providerStatus: status } }, effects: [] });
  });

  it('given a failed REFUNDCLOSE with attempts left, when still REFUNDCLOSE, then it is retried and asked again with the same id', () => {
    const failed = aRefund({ status: 'failed', providerStatus: 'REFUNDCLOSE', attempts: MAX_REFUND_ATTEMPTS - 1 });
    refund
      .given(failed)
      .when({ status: 'REFUNDCLOSE', refundFen: 9800 }, NOW)
      .then({ change: { move: 'retry', set: { status: 'pending' }, inc: { attempts: 1 }, requires: [{ field: 'attempts', op: 'lt', value: MAX_REFUND_ATTEMPTS }] }, effects: [askAgain(failed)] });
  });

  it('given a failed REFUNDCLOSE out of attempts, or a failed CHANGE, then it waits for ops', () => {
    expect(decideRefundProgress(aRefund({ status: 'failed', providerStatus: 'REFUNDCLOSE', attempts: MAX_REFUND_ATTEMPTS }), { status: 'REFUNDCLOSE', refundFen: 9800 }, 9800, NOW)).toEqual({ effects: [] });
    expect(decideRefundProgress(aRefund({ status: 'failed', providerStatus: 'CHANGE' }), { status: 'CHANGE', refundFen: 9800 }, 9800, NOW)).toEqual({ effects: [] });
  });
});

describe('the provider has not finished, or never got it', () => {
  it('given a pending refund, when PROCESSING, then nothing happens', () => {
    expect(decideRefundProgress(aRefund(), { status: 'PROCESSING', refundFen: 9800 }, 9800, NOW)).toEqual({ effects: [] });
  });

  it('given a pending refund, when the provider does not know it, then it is asked again (no move)', () => {
    const pending = aRefund();
    refund.given(pending).when({ status: 'NOTEXIST' }, NOW).then({ effects: [askAgain(pending)] });
    expect(decideRefundProgress(pending, { status: 'NOTEXIST' }, 9800, NOW).change).toBeUndefined();
  });
});

describe('a refund notice, written blind', () => {
  it('SUCCESS and the failures make the same change as the decider, guarded by the table and the amount', () => {
    const report = { status: 'SUCCESS', refundFen: 9800, providerRefundId: '503001' } as const;
    expect(noticeChange('r1', report, NOW)).toEqual(decideRefundProgress(aRefund(), report, 9800, NOW).change);
    expect(noticeChange('r1', { status: 'CHANGE', refundFen: 9800 }, NOW)).toEqual(decideRefundProgress(aRefund(), { status: 'CHANGE', refundFen: 9800 }, 9800, NOW).change);
  });

  it('PROCESSING, NOTEXIST or a report without an amount move nothing', () => {
    expect(noticeChange('r1', { status: 'PROCESSING', refundFen: 9800 }, NOW)).toBeUndefined();
    expect(noticeChange('r1', { status: 'NOTEXIST' }, NOW)).toBeUndefined();
    expect(noticeChange('r1', { status: 'SUCCESS' }, NOW)).toBeUndefined();
  });
});

it('only a release carries the closeCharge gate: pay and refund decisions do not', () => {
  expect(decideOrder(anOrder(), { type: 'cancel' }, NOW).gate).toEqual({ type: 'closeCharge', orderId: 'o1' });
  expect(decideOrder(anOrder(), { type: 'pay', tradeNo: 'wx1', amountFen: 9800 }, NOW).gate).toBeUndefined();
  expect(decideOrder(aPaidOrder(), { type: 'refund', reason: 'x', provider: 'cloudpay', refundIdFor: () => 'r1' }, NOW).gate).toBeUndefined();
});
