import { action } from '../_platform';
import { payout as contract } from '../../shared/contract';
import { canMove, decidePayout, payoutMachine } from '../../shared/lifecycle';
import { applyChange } from '../_commerce/effects';
import { applyPayoutEffects, getPayout, loadBalance } from './load';
import { payoutView } from './view';
import { AppError } from '../_platform';

/**
 * payout.review {payoutId, approve, note} (boss): `requested → approved` when the salesperson's
 * balance still covers the amount (commission may have been reversed since), or `→ rejected`,
 * releasing the amount. One guarded move: two reviews at once → one wins, the other
 * FAILED_PRECONDITION. Round trips: caller + payout + (approve: ledger) + move (+ reject: slot) = 4.
 */
export const review = action(contract.review)({
  access: ['boss'],
  async run(input, ctx) {
    const payout = await getPayout(input.payoutId);
    const note = input.note ? input.note : null;
    const move = input.approve ? 'approve' : 'reject';
    const balanceFen = input.approve && canMove(payoutMachine, move, payout.status) ? (await loadBalance(payout.salesId, [])).balanceFen : 0;
    const decision = decidePayout(payout, input.approve ? { type: 'approve', by: ctx.openid, note, balanceFen } : { type: 'reject', by: ctx.openid, note }, ctx.now);
    if (!(await applyChange(decision.change))) throw new AppError('FAILED_PRECONDITION', `payout ${payout._id} was reviewed meanwhile`);
    await applyPayoutEffects(decision.effects);
    return { payout: payoutView({ ...payout, ...decision.change.set, status: decision.next }) };
  },
});
