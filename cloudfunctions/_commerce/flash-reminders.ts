/**
 * The sweep's flash reminders (issue 14): each reminder whose sale has started and that is not sent
 * yet is marked sent by ONE guarded write (`sentAt: null → now`: once per (sale, customer), also
 * with two sweeps at once), then its "flash sale started" subscribe message goes out — delivered
 * only to a customer who accepted the template (WeChat answers 43101 otherwise) — and WeChat's
 * answer is recorded on the reminder. At most once, as every subscribe message here (notify.ts).
 * No template configured: nothing is sent, the reminders wait. Round trips: 2 per reminder.
 */
import { sendSubscribeMessage, store, type ActionContext, type SendResult } from '../_platform';
import { flashStartedMessage, type FlashReminder } from '../../shared/flash';

const NOT_ACCEPTED = 43101;

async function sendOne(ctx: Pick<ActionContext, 'now' | 'requestId'>, reminder: FlashReminder, templateId: string): Promise<boolean> {
  if (!(await store.guardedUpdate('flash_reminders', { _id: reminder._id, sentAt: null }, { sentAt: ctx.now, status: 'sending' }))) return false;
  let result: SendResult;
  try {
    result = await sendSubscribeMessage(flashStartedMessage(reminder, templateId));
  } catch (err) {
    result = { sent: false, errcode: -1, errmsg: String((err as Error)?.message ?? err) };
  }
  const status = result.sent ? 'sent' : result.errcode === NOT_ACCEPTED ? 'not_accepted' : 'failed';
  if (!result.sent && result.errcode !== NOT_ACCEPTED) console.warn(`[flash] request ${ctx.requestId}: reminder ${reminder._id} not sent: ${result.errcode} ${result.errmsg}`);
  await store.updateById('flash_reminders', reminder._id, { status }).catch((err: unknown) => console.error(`[flash] request ${ctx.requestId}: reminder ${reminder._id} answer not recorded`, err));
  return result.sent;
}

/** Sends the due reminders (in parallel); returns how many messages WeChat accepted. */
export async function sendFlashReminders(ctx: Pick<ActionContext, 'now' | 'requestId'>, due: FlashReminder[], templateId: string | undefined): Promise<number> {
  if (!templateId || due.length === 0) return 0;
  const sent = await Promise.all(due.map((r) => sendOne(ctx, r, templateId)));
  return sent.filter(Boolean).length;
}
