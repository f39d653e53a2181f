import { ledgerTotals } from '../growth/commission';
import { payoutBalance, type BalanceEntry, type BalancePayout } from './balance';

const T = (day: number) => new Date(Date.UTC(2026, 5, day, 2));
const pending = (o: string, l: string, fen: number, day = 1): BalanceEntry => ({ kind: 'pending', orderId: o, lineId: l, amountFen: fen, createdAt: T(day) });
const settle = (o: string, l: string, fen: number, day = 8): BalanceEntry => ({ kind: 'settleable', orderId: o, lineId: l, amountFen: fen, createdAt: T(day) });
const reverse = (o: string, l: string, fen: number, day: number, refundId = `r_${o}_${day}`): BalanceEntry => ({ kind: 'reversed', orderId: o, lineId: l, amountFen: fen, createdAt: T(day), refundId });
const paid = (payoutId: string, fen: number, day = 10): BalanceEntry => ({ kind: 'paid', orderId: payoutId, lineId: '-', amountFen: fen, createdAt: T(day), payoutId });
const payout = (id: string, status: string, fen: number): BalancePayout => ({ _id: id, status, amountFen: fen });

type Row = [title: string, entries: BalanceEntry[], payouts: BalancePayout[], expected: Partial<ReturnType<typeof payoutBalance>>];

const rows: Row[] = [
  ['nothing earned: nothing to withdraw', [], [], { balanceFen: 0, availableFen: 0, carriedFen: 0 }],
  ['pending commission is not withdrawable', [pending('o1', 'l1', 990)], [], { pendingFen: 990, settledFen: 0, balanceFen: 0, availableFen: 0 }],
  ['settled commission is', [pending('o1', 'l1', 990), settle('o1', 'l1', 990)], [], { pendingFen: 0, settledFen: 990, balanceFen: 990, availableFen: 990 }],
  [
    'a reversal before settlement lowers what settles, not the balance after it',
    [pending('o1', 'l1', 1000), reverse('o1', 'l1', 400, 3), settle('o1', 'l1', 600)],
    [],
    { settledFen: 600, reversedAfterSettlementFen: 0, balanceFen: 600 },
  ],
  ['a pending line’s reversal lowers pending', [pending('o1', 'l1', 1000), reverse('o1', 'l1', 1000, 3)], [], { pendingFen: 0, balanceFen: 0 }],
  ['an open request is reserved: the balance stays, available drops', [pending('o1', 'l1', 990), settle('o1', 'l1', 990)], [payout('P1', 'requested', 500)], { balanceFen: 990, reservedFen: 500, availableFen: 490 }],
  ['an approved request is still reserved', [pending('o1', 'l1', 990), settle('o1', 'l1', 990)], [payout('P1', 'approved', 990)], { reservedFen: 990, availableFen: 0 }],
  ['a rejected or cancelled request releases its amount', [pending('o1', 'l1', 990), settle('o1', 'l1', 990)], [payout('P1', 'rejected', 500), payout('P2', 'cancelled', 300)], { reservedFen: 0, availableFen: 990 }],
  ['a paid request is money out, no longer reserved', [pending('o1', 'l1', 990), settle('o1', 'l1', 990), paid('P1', 500)], [payout('P1', 'paid', 500)], { paidFen: 500, balanceFen: 490, reservedFen: 0, availableFen: 490 }],
  ['a paid request whose entry is not written yet stays reserved (never spent twice)', [pending('o1', 'l1', 990), settle('o1', 'l1', 990)], [payout('P1', 'paid', 500)], { paidFen: 0, reservedFen: 500, availableFen: 490 }],
  [
    'a refund after a payout makes the balance negative: carried, never capped',
    [pending('o1', 'l1', 1000), settle('o1', 'l1', 1000), paid('P1', 1000), reverse('o1', 'l1', 600, 12, 'r_late')],
    [payout('P1', 'paid', 1000)],
    { settledFen: 1000, reversedAfterSettlementFen: 600, paidFen: 1000, balanceFen: -600, availableFen: 0, carriedFen: 600 },
  ],
  [
    'future commission pays the carried amount first',
    [pending('o1', 'l1', 1000), settle('o1', 'l1', 1000), paid('P1', 1000), reverse('o1', 'l1', 600, 12), pending('o2', 'l1', 800, 13), settle('o2', 'l1', 800, 20)],
    [payout('P1', 'paid', 1000)],
    { balanceFen: 200, availableFen: 200, carriedFen: 0 },
  ],
  [
    'a reserved amount above a balance lowered meanwhile leaves nothing available',
    [pending('o1', 'l1', 1000), settle('o1', 'l1', 1000), reverse('o1', 'l1', 300, 12)],
    [payout('P1', 'requested', 1000)],
    { balanceFen: 700, reservedFen: 1000, availableFen: 0, carriedFen: 0 },
  ],
];

describe('payoutBalance: the balance rule', () => {
  it.each(rows)('%s', (_title, entries, payouts, expected) => {
    expect(payoutBalance(entries, payouts)).toMatchObject(expected);
  });

  it.each(rows)('the balance equals the ledger’s settleable total: %s', (_title, entries) => {
    expect(payoutBalance(entries, []).balanceFen).toBe(ledgerTotals(entries).settleableFen);
  });

  it('names the reversals after settlement, latest first', () => {
    const b = payoutBalance([pending('o1', 'l1', 1000), settle('o1', 'l1', 1000), reverse('o1', 'l1', 100, 3, 'early'), reverse('o1', 'l1', 200, 12, 'r1'), reverse('o1', 'l1', 300, 14, 'r2')], []);
    expect(b.lateReversals.map((r) => [r.refundId, r.amountFen])).toEqual([['r2', 300], ['r1', 200]]);
  });
});
