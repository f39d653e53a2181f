/**
 * flash.remind: the caller asks to be told when a sale starts. One reminder per (sale, customer)
 * (`flash_reminders/{flashId}:{openid}`, inserted once); the sweep sends the subscribe message at
 * the start and marks it sent.
 */
import { AppError, store, type ActionContext } from '../_platform';
import { flashPhaseOf } from '../../shared/flash';
import { flashSaleOf } from '../_commerce/promotions';

/** The id of a customer's reminder of a sale. */
export function reminderIdOf(flashId: string, openid: string): string {
  return `${flashId}:${openid}`;
}

/** Records the reminder (a repeat finds it: the same answer); refused once the sale has started. */
export async function remindFlashSale(ctx: ActionContext, flashId: string): Promise<{ flashId: string; remindAt: Date }> {
  const sale = flashSaleOf(await store.getById<unknown>('flash_sales', flashId), flashId);
  if (flashPhaseOf(sale, ctx.now) !== 'upcoming') throw new AppError('FAILED_PRECONDITION', 'this flash sale has already started');
  await store.insertOnce('flash_reminders', {
    _id: reminderIdOf(flashId, ctx.openid),
    flashId,
    openid: ctx.openid,
    title: sale.title,
    startAt: sale.startAt,
    sentAt: null,
    createdAt: ctx.now,
  });
  return { flashId, remindAt: sale.startAt };
}
