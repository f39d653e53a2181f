/**
 * What the payout actions read: the setting, a salesperson's ledger as a balance, a payout, and
 * the effects of payout decisions.
 */
import { applyPayoutEffect } from '../_commerce/effects';
import { AppError, stableId, store } from '../_platform';
import { paidEffectsOf, type Payout, type PayoutEffect } from '../../shared/lifecycle';
import { DEFAULT_PAYOUT_SETTINGS, PAYOUT_SETTINGS_ID, payoutBalance, payoutSettingsSchema, type BalanceEntry, type PayoutBalance, type PayoutSettings } from '../../shared/payouts';

/** The id of a salesperson's `seq`-th request: the same request number gives the same id (the uniqueness guard). */
export function payoutIdOf(salesId: string, seq: number): string {
  return `po_${stableId('payout', salesId, String(seq)).slice(0, 16)}`;
}

/** The payout setting (1 read); a missing or invalid document gives the default (an invalid one is reported by admin.promotionHealth). */
export async function loadPayoutSettings(): Promise<PayoutSettings> {
  const raw = await store.getById<unknown>('settings', PAYOUT_SETTINGS_ID);
  if (!raw) return DEFAULT_PAYOUT_SETTINGS;
  const parsed = payoutSettingsSchema.safeParse(raw);
  if (!parsed.success) console.warn(`[payout] settings/${PAYOUT_SETTINGS_ID} is invalid; using the default minimum`);
  return parsed.success ? parsed.data : DEFAULT_PAYOUT_SETTINGS;
}

/** A salesperson's balance: their ledger (1 read per 1000 entries) with the given open payouts. */
export async function loadBalance(salesId: string, payouts: Payout[]): Promise<PayoutBalance> {
  const entries = await store.findAll<BalanceEntry>('commission_ledger', { salesId }, [['createdAt', 'asc']]);
  return payoutBalance(entries, payouts);
}

/** A payout by id, or undefined (1 read). */
export function getPayoutOrNone(payoutId: string): Promise<Payout | undefined> {
  return store.getById<Payout>('payouts', payoutId);
}

/** A payout by id, or NOT_FOUND (1 read). */
export async function getPayout(payoutId: string): Promise<Payout> {
  const p = await getPayoutOrNone(payoutId);
  if (!p) throw new AppError('NOT_FOUND', `no payout ${payoutId}`);
  return p;
}

/** Applies the follow-ups of a won payout move, in order. */
export async function applyPayoutEffects(effects: PayoutEffect[]): Promise<void> {
  for (const e of effects) await applyPayoutEffect(e);
}

/**
 * The salesperson's open-request slot points at `payout`: when it is paid, its `paid` entry is
 * written (again, once by id) and the slot released; when it is rejected or cancelled, the slot is
 * released — what a request that died half-way left undone. True when the payout is still open.
 */
export async function settleSlotOf(payout: Payout | undefined, salesId: string, slotPayoutId: string): Promise<boolean> {
  if (payout && (payout.status === 'requested' || payout.status === 'approved')) return true;
  if (payout?.status === 'paid') await applyPayoutEffects(paidEffectsOf(payout));
  else await applyPayoutEffect({ type: 'releasePayoutSlot', salesId, payoutId: slotPayoutId });
  return false;
}
