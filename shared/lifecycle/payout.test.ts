/** Given/when/then for the payout decider (no database). */
import { decider } from '../../tests/support/decider';
import { at, NOW } from '../../tests/support/fixtures';
import { payoutBalance } from '../payouts/balance';
import { decidePayout, decideRequestPayout, type Payout } from './payout';

const payout = decider(decidePayout);
const balance = (availableFen: number) => ({ ...payoutBalance([], []), balanceFen: availableFen, availableFen });
const request = (over: Partial<Parameters<typeof decideRequestPayout>[0]> = {}) =>
  decideRequestPayout({ payoutId: 'po1', seq: 1, salesId: 'o_li', salesName: '李娜', amountFen: 5_000, minAmountFen: 1_000, balance: balance(9_000), hasOpenRequest: false, now: NOW, ...over });

function aPayout(over: Partial<Payout> = {}): Payout {
  return { ...request().payout, ...over };
}

function refusal(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}

describe('payout request', () => {
  it('within the available balance and above the minimum: requested, and it takes the open-request slot', () => {
    const d = request();
    expect(d.payout).toMatchObject({ _id: 'po1', status: 'requested', amountFen: 5_000, balanceAtRequestFen: 9_000, requestedAt: NOW });
    expect(d.effects).toEqual([{ type: 'holdPayoutSlot', salesId: 'o_li', payoutId: 'po1', seq: 1 }]);
  });

  it.each([
    ['one open request at a time', { hasOpenRequest: true }, 'FAILED_PRECONDITION'],
    ['at least the minimum', { amountFen: 999 }, 'NOT_ELIGIBLE'],
    ['at most the available balance', { amountFen: 9_001 }, 'LIMIT_REACHED'],
    ['nothing when the balance is carried negative', { amountFen: 1_000, balance: { ...payoutBalance([], []), balanceFen: -500, carriedFen: 500 } }, 'LIMIT_REACHED'],
  ])('refused: %s', (_title, over, code) => {
    expect(refusal(() => request(over))).toBe(code);
  });
});

describe('payout review, cancel and pay', () => {
  it('given a requested payout, the boss approves it while the balance still covers it', () => {
    payout.given(aPayout()).when({ type: 'approve', by: 'o_boss', note: 'ok', balanceFen: 5_000 }, NOW).then({ next: 'approved', effects: [], change: { move: 'approve', set: { status: 'approved', reviewedBy: 'o_boss', reviewNote: 'ok' } } });
    payout.given(aPayout()).when({ type: 'approve', by: 'o_boss', note: null, balanceFen: 4_999 }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('approving twice is refused by the table (the second approve finds it approved)', () => {
    payout.given(aPayout({ status: 'approved' })).when({ type: 'approve', by: 'o_boss', note: null, balanceFen: 9_000 }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('a rejection (also of an approved payout whose transfer failed) releases the slot and writes no ledger entry', () => {
    for (const status of ['requested', 'approved'] as const) {
      payout.given(aPayout({ status })).when({ type: 'reject', by: 'o_boss', note: '账户有误' }, NOW).then({ next: 'rejected', effects: [{ type: 'releasePayoutSlot', salesId: 'o_li', payoutId: 'po1' }] });
    }
  });

  it('the salesperson cancels their own requested payout; another salesperson cannot; an approved one cannot be cancelled', () => {
    payout.given(aPayout()).when({ type: 'cancel', by: 'o_li' }, NOW).then({ next: 'cancelled', change: { set: { cancelledAt: NOW } }, effects: [{ type: 'releasePayoutSlot' }] });
    payout.given(aPayout()).when({ type: 'cancel', by: 'o_wang' }, NOW).thenRefused('NOT_FOUND');
    payout.given(aPayout({ status: 'approved' })).when({ type: 'cancel', by: 'o_li' }, NOW).thenRefused('FAILED_PRECONDITION');
  });

  it('marking an approved payout paid records the paid ledger entry (one per payout) and releases the slot', () => {
    const d = payout.given(aPayout({ status: 'approved' })).when({ type: 'pay', by: 'o_boss', reference: 'B-1' }, at(60)).then({ next: 'paid', change: { set: { status: 'paid', paidAt: at(60), reference: 'B-1', paidBy: 'o_boss' } } });
    expect(d.effects).toEqual([
      { type: 'recordPayoutPaid', entry: expect.objectContaining({ _id: 'paid_po1', kind: 'paid', salesId: 'o_li', amountFen: 5_000, payoutId: 'po1', reference: 'B-1', createdAt: at(60) }) },
      { type: 'releasePayoutSlot', salesId: 'o_li', payoutId: 'po1' },
    ]);
  });

  it('a requested, rejected or paid payout cannot be paid', () => {
    for (const status of ['requested', 'rejected', 'cancelled', 'paid'] as const) payout.given(aPayout({ status })).when({ type: 'pay', by: 'o_boss', reference: 'B-1' }, NOW).thenRefused('FAILED_PRECONDITION');
  });
});
