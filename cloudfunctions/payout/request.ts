import { action, AppError, store } from '../_platform';
import { payout as contract } from '../../shared/contract';
import { decidePayout, decideRequestPayout, type Payout } from '../../shared/lifecycle';
import { applyChange, applyPayoutEffect } from '../_commerce/effects';
import { getPayoutOrNone, loadBalance, loadPayoutSettings, payoutIdOf, settleSlotOf } from './load';
import { payoutView } from './view';

interface SlotFields {
  openPayoutId?: string | null;
  payoutSeq?: number | null;
  name?: string;
}

/**
 * payout.request {amountFen}: one open request per salesperson, at least the minimum, at most the
 * available balance. The request's id comes from the salesperson's request number, so concurrent
 * requests compute the same id and only one insert wins; the winner then takes the open-request
 * slot on the user document (one guarded write on `openPayoutId` empty and `payoutSeq`). A
 * request that died between the two is finished by the next one (it finds its document).
 * Round trips: caller + settings + ledger (1 per 1000 entries) + insert + slot = 5 (+1 read and
 * 1–2 writes when the slot points at a request that closed without releasing it).
 */
export const request = action(contract.request)({
  access: ['sales'],
  async run(input, ctx) {
    const user = ctx.user as typeof ctx.user & SlotFields;
    const salesId = user._id;
    let seq = (user.payoutSeq ?? 0) + 1;
    if (user.openPayoutId) {
      const open = await getPayoutOrNone(user.openPayoutId);
      if (await settleSlotOf(open, salesId, user.openPayoutId)) throw new AppError('FAILED_PRECONDITION', 'a payout request is already open');
    }
    const [settings, balance] = await Promise.all([loadPayoutSettings(), loadBalance(salesId, [])]);
    for (let attempt = 0; attempt < 3; attempt++, seq++) {
      const payoutId = payoutIdOf(salesId, seq);
      const { payout, effects } = decideRequestPayout({ payoutId, seq, salesId, salesName: user.name ?? null, amountFen: input.amountFen, minAmountFen: settings.minAmountFen, balance, hasOpenRequest: false, now: ctx.now });
      if (await store.insertOnce('payouts', payout)) {
        if (await holdOrFindHeld(effects[0], salesId, payoutId)) return { payout: payoutView(payout), balance: { ...balance, reservedFen: payout.amountFen, availableFen: Math.max(0, balance.availableFen - payout.amountFen) } };
        await withdraw(payout, ctx.now);
        throw new AppError('CONFLICT', 'payout requests crossed; please retry');
      }
      // Request number `seq` exists: a concurrent request, or one that died before taking the slot.
      const existing = await getPayoutOrNone(payoutId);
      if (existing && (existing.status === 'requested' || existing.status === 'approved')) {
        await applyPayoutEffect({ type: 'holdPayoutSlot', salesId, payoutId, seq });
        throw new AppError('FAILED_PRECONDITION', 'a payout request is already open');
      }
      // It closed without taking the slot: move the request number past it and try the next one.
      await store.guardedUpdate('users', { _id: salesId, openPayoutId: null, payoutSeq: seq === 1 ? null : seq - 1 }, { payoutSeq: seq });
    }
    throw new AppError('CONFLICT', 'payout requests crossed; please retry');
  },
});

/** Takes the slot; when the guard fails, a concurrent request may have taken it for this very payout (true then). */
async function holdOrFindHeld(hold: Parameters<typeof applyPayoutEffect>[0], salesId: string, payoutId: string): Promise<boolean> {
  if (await applyPayoutEffect(hold)) return true;
  const u = await store.getById<SlotFields>('users', salesId);
  return u?.openPayoutId === payoutId;
}

/** A request that could not take the slot is cancelled (a guarded move, so nobody can approve it). */
async function withdraw(payout: Payout, now: Date): Promise<void> {
  await applyChange(decidePayout(payout, { type: 'cancel', by: payout.salesId }, now).change);
}
