/**
 * Subscribe messages (订阅消息) through the cloud call `subscribeMessage.send`. A refusal by WeChat
 * is an expected outcome (the user did not accept, a value is too long, ...), returned as a value
 * with WeChat's errcode, not thrown: a message is a side effect and must never fail the action
 * that sends it. Template ids are settings (the templates the brand picked in the WeChat admin).
 */
import { callOpenApi } from './wechat';

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  /** The page the message opens, e.g. `packageShop/order/index?id=…` (no leading `/`). */
  page?: string;
  /** keyword → value, e.g. `{ thing2: '小美的货架', amount3: '¥99.00' }`. */
  data: Record<string, string>;
  /** `formal` (released), `trial` or `developer`. */
  state?: 'formal' | 'trial' | 'developer';
}

export type SendResult = { sent: true; msgid: number } | { sent: false; errcode: number; errmsg: string };

export async function sendSubscribeMessage(msg: SubscribeMessage): Promise<SendResult> {
  const result = (await callOpenApi('subscribeMessage.send', {
    touser: msg.touser,
    template_id: msg.templateId,
    ...(msg.page ? { page: msg.page } : {}),
    data: Object.fromEntries(Object.entries(msg.data).map(([k, value]) => [k, { value }])),
    miniprogram_state: msg.state ?? 'formal',
    lang: 'zh_CN',
  })) as { errcode?: unknown; errmsg?: unknown; msgid?: unknown } | undefined;
  const errcode = typeof result?.errcode === 'number' ? result.errcode : -1;
  if (errcode === 0) return { sent: true, msgid: Number(result?.msgid) };
  return { sent: false, errcode, errmsg: String(result?.errmsg ?? 'no reply') };
}
