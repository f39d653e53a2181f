import { action, AppError, stableId, store } from '../_platform';
import { customer as contract } from '../../shared/contract';
import { chinaDayKey } from '../../shared/china-day';
import { REMINDER_DUE_MS } from '../../shared/customers';
import { CUSTOMER_360_ROLES, ownCustomer, updateSummary } from './scope';

const YEAR_MS = 366 * 86_400_000;

/**
 * customer.note {openid, text, remindAt?}: a follow-up note (the same text on the same day by the
 * same person is the same note: a retry writes nothing twice). A reminder date makes it the
 * customer's reminder for the caller (shown on the today list when due); a note without one marks
 * the caller's reminder done. Round trips: caller and customer together + note + summary.
 */
export const note = action(contract.note)({
  access: CUSTOMER_360_ROLES,
  users: (input) => [input.openid],
  async run(input, ctx) {
    const u = ownCustomer(ctx, input.openid);
    const remindAt = input.remindAt ? new Date(input.remindAt) : null;
    if (remindAt && Math.abs(remindAt.getTime() - ctx.now.getTime()) > YEAR_MS) throw new AppError('INVALID_ARGUMENT', 'remindAt: within a year of today');
    const noteId = stableId('note', ctx.openid, u._id, input.text, remindAt?.toISOString() ?? '', chinaDayKey(ctx.now));
    await store.insertOnce('customer_notes', { _id: noteId, openid: u._id, salesId: ctx.openid, text: input.text, remindAt, at: ctx.now });
    if (remindAt) {
      const reminder = { salesId: ctx.openid, noteId, text: input.text.slice(0, 60), remindAt };
      await updateSummary(u, ctx.now, {}, { reminder: store.command().set(reminder), remindUntil: new Date(remindAt.getTime() + REMINDER_DUE_MS) });
    } else {
      await store.guardedUpdate('customer_summaries', { _id: u._id, 'reminder.salesId': ctx.openid }, { reminder: null, remindUntil: null });
    }
    return { noteId, at: ctx.now, remindAt };
  },
});
