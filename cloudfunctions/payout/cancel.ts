import { action, AppError } from '../_platform';
import { payout as contract } from '../../shared/contract';
import { decidePayout } from '../../shared/lifecycle';
import { applyChange } from '../_commerce/effects';
import { applyPayoutEffects, getPayout } from './load';
import { payoutView } from './view';

/**
 * payout.cancel {payoutId} (sales, their own): `requested → cancelled`, releasing the amount.
 * Round trips: caller + payout + move + slot = 4.
 */
export const cancel = action(contract.cancel)({
  access: ['sales'],
  async run(input, ctx) {
    const payout = await getPayout(input.payoutId);
    const decision = decidePayout(payout, { type: 'cancel', by: ctx.openid }, ctx.now);
    if (!(await applyChange(decision.change))) throw new AppError('FAILED_PRECONDITION', `payout ${payout._id} was reviewed meanwhile`);
    await applyPayoutEffects(decision.effects);
    return { payout: payoutView({ ...payout, ...decision.change.set, status: decision.next }) };
  },
});
