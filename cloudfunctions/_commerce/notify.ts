/**
 * The messaging subscriber of order events: the subscribe messages (订阅消息) an event sends
 * (shared/messages), each at most once per (order, event, recipient). The record
 * `messages/{stableId(order, event, recipient)}` is inserted before the send — the guard a
 * re-delivery stops at — then marked with WeChat's answer. At most once, on purpose: WeChat allows
 * one send per acceptance, and a duplicate notice is worse than a missing one; a process that dies
 * between the record and the send loses that message (its record stays `sending`). A user who did
 * not accept the template gets nothing (WeChat answers 43101: `not_accepted`). Never throws for a
 * refused or failed send: a message must not fail the move that caused it.
 * Round trips: the settings (once per call) + 2 per message (record, answer).
 */
import { sendSubscribeMessage, stableId, store, type ActionContext, type SendResult } from '../_platform';
import { mayMessage, messagesFor, type MessageFacts, type MessageToSend } from '../../shared/messages/messages';
import type { OrderEvent } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import { fulfilmentSettings } from './settings';

type Ctx = Pick<ActionContext, 'now' | 'requestId'>;

/** WeChat's errcode for a send the user has not accepted (or whose acceptance was used). */
const NOT_ACCEPTED = 43101;

async function sendOnce(ctx: Ctx, orderId: string, event: OrderEvent, m: MessageToSend): Promise<void> {
  const id = `m${stableId(orderId, event.id, m.recipient)}`;
  const record = { _id: id, orderId, eventId: event.id, recipient: m.recipient, purpose: m.purpose, templateId: m.templateId, page: m.page, data: m.data, status: 'sending', createdAt: ctx.now };
  if (!(await store.insertOnce('messages', record))) return;
  let result: SendResult;
  try {
    result = await sendSubscribeMessage({ touser: m.recipient, templateId: m.templateId, page: m.page, data: m.data });
  } catch (err) {
    result = { sent: false, errcode: -1, errmsg: String((err as Error)?.message ?? err) };
  }
  const answer = result.sent
    ? { status: 'sent', msgid: result.msgid, sentAt: ctx.now }
    : { status: result.errcode === NOT_ACCEPTED ? 'not_accepted' : 'failed', errcode: result.errcode, errmsg: result.errmsg };
  if (!result.sent && result.errcode !== NOT_ACCEPTED) console.warn(`[notify] request ${ctx.requestId}: ${m.purpose} to ${m.recipient} not sent: ${result.errcode} ${result.errmsg}`);
  await store.updateById('messages', id, answer).catch((err: unknown) => console.error(`[notify] request ${ctx.requestId}: message ${id} answer not recorded`, err));
}

/** Sends the messages of one order event (in parallel). */
export async function notifyOf(ctx: Ctx, order: Order, event: OrderEvent, facts: MessageFacts = {}): Promise<void> {
  if (!mayMessage(event, facts)) return;
  const settings = await fulfilmentSettings(ctx);
  const messages = messagesFor(order, event, settings.subscribeTemplates, facts);
  await Promise.all(messages.map((m) => sendOnce(ctx, order._id, event, m)));
}
