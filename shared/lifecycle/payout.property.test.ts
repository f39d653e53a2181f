/**
 * Random sequences of commission earned and reversed, payout requests, reviews, cancellations,
 * marks and repeated marks for two salespeople, through the payout decider and its effects on an
 * in-memory world that guards writes as the functions do (tests/support/lifecycle-world.ts).
 * After every command: at most one open request per salesperson and the slot points at it; one
 * `paid` entry per paid payout and none for others; payouts never take more than was settled
 * (only reversals make a balance negative). Over all runs every move of the payout table is made.
 */
import fc from 'fast-check';
import { isAppError } from '../errors';
import { payoutBalance, type BalanceEntry } from '../payouts/balance';
import { LifecycleWorld } from '../../tests/support/lifecycle-world';
import { canMove, targetOf } from './machine';
import { decidePayout, decideRequestPayout, paidEffectsOf } from './payout';
import { payoutMachine } from './tables';

const START = new Date('2026-06-01T02:00:00Z');
const SALES = ['s0', 's1'];
const MIN_FEN = 500;

type Command =
  | { kind: 'earn' | 'reverse'; sales: number; fen: number }
  | { kind: 'request'; sales: number; fen: number }
  | { kind: 'approve' | 'reject' | 'cancel' | 'pay' | 'payAgain'; payout: number; byOwner: boolean };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constantFrom('earn' as const, 'reverse' as const), sales: fc.nat({ max: 1 }), fen: fc.integer({ min: 1, max: 5_000 }) }),
  fc.record({ kind: fc.constant('request' as const), sales: fc.nat({ max: 1 }), fen: fc.integer({ min: 100, max: 8_000 }) }),
  fc.record({ kind: fc.constantFrom('approve' as const, 'reject' as const, 'cancel' as const, 'pay' as const, 'payAgain' as const), payout: fc.nat({ max: 9 }), byOwner: fc.boolean() }),
);

const entriesOf = (w: LifecycleWorld, salesId: string) => w.ledger.filter((e) => (e as BalanceEntry & { salesId?: string }).salesId === salesId);

function run(w: LifecycleWorld, cmd: Command, n: number): void {
  w.now = new Date(w.now.getTime() + 60_000);
  if (cmd.kind === 'earn' || cmd.kind === 'reverse') {
    const salesId = SALES[cmd.sales];
    const orderId = `o${n}`;
    const base = { salesId, lineId: 'L1', createdAt: w.now } as const;
    if (cmd.kind === 'earn') {
      w.ledger.push({ ...base, kind: 'pending', orderId, amountFen: cmd.fen } as BalanceEntry, { ...base, kind: 'settleable', orderId, amountFen: cmd.fen } as BalanceEntry);
      return;
    }
    const earned = entriesOf(w, salesId).filter((e) => e.kind === 'settleable');
    const target = earned[earned.length - 1];
    if (target) w.ledger.push({ ...base, kind: 'reversed', orderId: target.orderId, amountFen: Math.min(cmd.fen, target.amountFen), refundId: `r${n}` } as BalanceEntry);
    return;
  }
  if (cmd.kind === 'request') {
    const salesId = SALES[cmd.sales];
    const slot = w.payoutSlots.get(salesId) ?? { openPayoutId: null, payoutSeq: 0 };
    const open = slot.openPayoutId ? w.payoutRequests.get(slot.openPayoutId) : undefined;
    const seq = slot.payoutSeq + 1;
    const { payout, effects } = decideRequestPayout({ payoutId: `${salesId}-${seq}`, seq, salesId, salesName: null, amountFen: cmd.fen, minAmountFen: MIN_FEN, balance: payoutBalance(entriesOf(w, salesId), []), hasOpenRequest: !!open, now: w.now });
    if (w.payoutRequests.has(payout._id)) return;
    w.payoutRequests.set(payout._id, payout);
    if (!w.applyPayoutEffect(effects[0])) throw new Error(`request ${payout._id} inserted but could not take the slot`);
    return;
  }
  const payouts = [...w.payoutRequests.values()];
  const p = payouts[(cmd as Extract<Command, { payout: number }>).payout % Math.max(1, payouts.length)];
  if (!p) return;
  if (cmd.kind === 'payAgain') {
    if (p.status === 'paid') for (const e of paidEffectsOf(p)) w.applyPayoutEffect(e);
    return;
  }
  const others = payouts.filter((x) => x.salesId === p.salesId && x._id !== p._id);
  const balanceFen = payoutBalance(entriesOf(w, p.salesId), others).balanceFen;
  const decision = decidePayout(
    p,
    cmd.kind === 'approve'
      ? { type: 'approve', by: 'boss', note: null, balanceFen }
      : cmd.kind === 'reject'
        ? { type: 'reject', by: 'boss', note: 'no' }
        : cmd.kind === 'cancel'
          ? { type: 'cancel', by: cmd.byOwner ? p.salesId : 'someone' }
          : { type: 'pay', by: 'boss', reference: `B${n}` },
    w.now,
  );
  if (!w.applyChange(decision.change)) return;
  for (const e of decision.effects) w.applyPayoutEffect(e);
}

function violations(w: LifecycleWorld): string[] {
  const out: string[] = [];
  for (const m of w.moves.filter((x) => x.machine === 'payout')) {
    if (!canMove(payoutMachine, m.move as never, m.from as never) || targetOf(payoutMachine, m.move as never, m.from as never) !== m.to) out.push(`payout.${m.move} ${m.from} → ${m.to} is not in its table`);
  }
  for (const salesId of SALES) {
    const open = [...w.payoutRequests.values()].filter((p) => p.salesId === salesId && (p.status === 'requested' || p.status === 'approved'));
    if (open.length > 1) out.push(`${salesId} has ${open.length} open requests`);
    const slot = w.payoutSlots.get(salesId)?.openPayoutId ?? null;
    if (slot !== (open[0]?._id ?? null)) out.push(`${salesId}: slot ${slot}, open ${open[0]?._id ?? null}`);
    const entries = entriesOf(w, salesId);
    const settled = entries.filter((e) => e.kind === 'settleable').reduce((s, e) => s + e.amountFen, 0);
    const paid = entries.filter((e) => e.kind === 'paid').reduce((s, e) => s + e.amountFen, 0);
    if (paid > settled) out.push(`${salesId}: paid ${paid} > settled ${settled}`);
  }
  for (const p of w.payoutRequests.values()) {
    const entries = w.ledger.filter((e) => e.kind === 'paid' && e.payoutId === p._id);
    if (entries.length !== (p.status === 'paid' ? 1 : 0)) out.push(`payout ${p._id} (${p.status}) has ${entries.length} paid entries`);
    if (entries[0] && entries[0].amountFen !== p.amountFen) out.push(`payout ${p._id}: paid entry ${entries[0].amountFen} ≠ ${p.amountFen}`);
    if (p.amountFen > p.availableAtRequestFen) out.push(`payout ${p._id} asked ${p.amountFen} of ${p.availableAtRequestFen} available`);
  }
  return out;
}

const seen = new Set<string>();

it('random payout sequences: one open request per salesperson, paid exactly once, never more than was settled', () => {
  fc.assert(
    fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
      const w = new LifecycleWorld(START);
      commands.forEach((cmd, i) => {
        try {
          run(w, cmd, i);
        } catch (err) {
          if (!isAppError(err)) throw err;
        }
        expect(violations(w)).toEqual([]);
      });
      for (const m of w.moves) if (m.machine === 'payout') seen.add(m.move);
    }),
    { numRuns: 400, seed: 13 },
  );
});

it('over those runs every move of the payout table was made', () => {
  expect(Object.keys(payoutMachine.moves).filter((m) => !seen.has(m))).toEqual([]);
});
