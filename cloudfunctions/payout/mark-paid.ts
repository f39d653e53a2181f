import { action, AppError } from '../_platform';
import { payout as contract } from '../../shared/contract';
import { counterPaths } from '../../shared/growth';
import { decidePayout, paidEffectsOf, type Payout } from '../../shared/lifecycle';
import { applyChange } from '../_commerce/effects';
import { incDayCounters, incTotals } from '../_growth/counters';
import { applyPayoutEffects, getPayout } from './load';
import { payoutView } from './view';

/**
 * payout.markPaid {payoutId, reference} (boss): `approved → paid` (one guarded move), then the
 * `paid` ledger entry (inserted once by id) and the slot released. A repeat with the same
 * reference — the first reply lost — writes nothing new and answers `replayed: true` after
 * asserting the entry and the release again; another reference is FAILED_PRECONDITION.
 * Round trips: caller + payout + move + entry + slot + day counter + totals = 7; a repeat 4.
 */
export const markPaid = action(contract.markPaid)({
  access: ['boss'],
  async run(input, ctx) {
    const payout = await getPayout(input.payoutId);
    if (payout.status === 'paid') return replay(payout, input.reference);
    const decision = decidePayout(payout, { type: 'pay', by: ctx.openid, reference: input.reference }, ctx.now);
    if (!(await applyChange(decision.change))) return replay(await getPayout(input.payoutId), input.reference);
    await applyPayoutEffects(decision.effects);
    const paths = counterPaths({ salesId: payout.salesId }, { paidOutFen: payout.amountFen });
    await Promise.all([incDayCounters(ctx.now, paths), incTotals(paths)]);
    return { payout: payoutView({ ...payout, ...decision.change.set, status: decision.next }), replayed: false };
  },
});

/** The same mark again (a lost reply, or a concurrent twin): assert its writes, answer it. */
async function replay(payout: Payout, reference: string) {
  if (payout.status !== 'paid' || payout.reference !== reference) throw new AppError('FAILED_PRECONDITION', `payout ${payout._id} is ${payout.status}${payout.reference ? ` (reference ${payout.reference})` : ''}`);
  await applyPayoutEffects(paidEffectsOf(payout));
  return { payout: payoutView(payout), replayed: true };
}
