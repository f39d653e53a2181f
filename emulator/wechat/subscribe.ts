/**
 * `subscribeMessage.send` on the local cloud: the message is checked against the templates in
 * subscribe-templates.json with WeChat's value rules (subscribeMessage.send reference, 订阅消息参数
 * 值内容限制) and recorded in the outbox instead of reaching a phone.
 * Errors: 40003 (touser), 40037 (template_id), 47003 (data: missing keyword or value over its
 * limits — e.g. a `thing` longer than 20 characters), 41030 (page not in the app), 43101 (the
 * user has not accepted the template: each acceptance in wx.requestSubscribeMessage allows one
 * send, as WeChat's one-time subscriptions do).
 * Acceptances are recorded by `POST /client/subscribe` (x-wx-openid, `{tmplIds}`), the local
 * stand-in for wx.requestSubscribeMessage after the user taps "allow": 10001 no ids, 20003 more
 * than 3, 20001 an id that is no template (wx.requestSubscribeMessage's fail codes).
 * Departure: the user never refuses or bans here; every known id requested is accepted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WxError } from './wxacode';

interface Template {
  title: string;
  keywords: Record<string, string>;
}

export interface SubscribeRequest {
  touser?: unknown;
  template_id?: unknown;
  page?: unknown;
  data?: unknown;
  miniprogram_state?: unknown;
  lang?: unknown;
}

export function loadTemplates(dir: string): Record<string, Template> {
  return (JSON.parse(readFileSync(join(dir, 'subscribe-templates.json'), 'utf8')) as { templates: Record<string, Template> }).templates;
}

const len = (s: string) => [...s].length;
/** Value rules by keyword type (the type is the keyword without its number: thing2 → thing). */
const RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => len(v) <= 20,
  short_thing: (v) => len(v) <= 5,
  number: (v) => /^-?\d+(\.\d+)?$/.test(v) && v.replace(/\D/g, '').length <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  symbol: (v) => len(v) <= 5 && !/[\p{L}\p{N}]/u.test(v),
  character_string: (v) => len(v) <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 ?)?\d{1,2}:\d{2}(:\d{2})?$|^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/.test(v),
  amount: (v) => /^[¥￥$]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  car_number: (v) => len(v) <= 8,
  name: (v) => (/^[A-Za-z ]+$/.test(v) ? len(v) <= 20 : len(v) <= 10),
  phrase: (v) => len(v) <= 5 && /^\p{Script=Han}+$/u.test(v),
};

export function checkSubscribeMessage(req: SubscribeRequest, templates: Record<string, Template>, pages: string[]): WxError | undefined {
  if (typeof req.touser !== 'string' || req.touser.length === 0) return { errcode: 40003, errmsg: 'invalid openid' };
  const template = typeof req.template_id === 'string' ? templates[req.template_id] : undefined;
  if (!template) return { errcode: 40037, errmsg: `invalid template_id ${String(req.template_id)}` };
  if (req.page !== undefined && (typeof req.page !== 'string' || !pages.includes(req.page.split('?')[0].replace(/^\//, '')))) {
    return { errcode: 41030, errmsg: `invalid page: ${String(req.page)}` };
  }
  if (req.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(req.miniprogram_state))) {
    return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' };
  }
  const data = req.data && typeof req.data === 'object' ? (req.data as Record<string, { value?: unknown }>) : undefined;
  if (!data) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
  for (const key of Object.keys(data)) if (!(key in template.keywords)) return { errcode: 47003, errmsg: `argument invalid! data.${key} is not a keyword of the template` };
  for (const key of Object.keys(template.keywords)) {
    const value = data[key]?.value;
    if (typeof value !== 'string' || value.length === 0) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value is empty` };
    const rule = RULES[key.replace(/\d+$/, '')];
    if (!rule) return { errcode: 47003, errmsg: `argument invalid! data.${key}: unknown keyword type` };
    if (!rule(value)) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
  }
  return undefined;
}

/** Why a request for acceptances fails (wx.requestSubscribeMessage's fail codes), or undefined. */
export function checkAcceptRequest(tmplIds: unknown, templates: Record<string, Template>): { errCode: number; errMsg: string } | undefined {
  if (!Array.isArray(tmplIds) || tmplIds.length === 0) return { errCode: 10001, errMsg: "requestSubscribeMessage:fail TmplIds can't be empty" };
  if (tmplIds.length > 3) return { errCode: 20003, errMsg: 'requestSubscribeMessage:fail Templates count out of max bounds' };
  if (tmplIds.some((id) => typeof id !== 'string' || !templates[id])) return { errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return, verify the template id exist' };
  return undefined;
}

/** The id of the acceptance count of `openid` for `templateId`. */
export function acceptanceId(openid: string, templateId: string): string {
  return `${openid}|${templateId}`;
}
