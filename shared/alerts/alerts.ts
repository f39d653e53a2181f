/**
 * Alerts to a salesperson at the moments that matter: a customer of theirs opens a material, views
 * a product again, pays, asks for after-sale. Which event makes which alert is decided here (pure);
 * the writer (cloudfunctions/_customers/alerts.ts) applies the opt-out and the daily cap and sends
 * it through the Official Account, or a subscribe message when the salesperson does not follow it.
 */
import { z } from 'zod';
import { chinaDayKey } from '../china-day';
import type { CustomerEvent } from '../customers/events';
import type { CustomerSummary } from '../customers/summary';

/** What an alert is about. */
export const ALERT_KINDS = ['material_opened', 'product_again', 'order_paid', 'aftersale_requested', 'payout_changed'] as const;
/** One of {@link ALERT_KINDS}. */
export type AlertKind = (typeof ALERT_KINDS)[number];

/** `settings/alerts`: the brand's alert settings (template ids are what WeChat assigned). */
export const alertSettingsSchema = z.object({
  /** At most this many alerts per salesperson per China day. */
  dailyCap: z.number().int().min(0).max(500),
  /** The Official Account's template (模板消息) for customer activity. */
  oaTemplateId: z.string().min(1).max(64),
  /** The mini-program subscribe-message template used when the salesperson does not follow the account. */
  subscribeTemplateId: z.string().min(1).max(64),
});
/** The brand's alert settings. */
export type AlertSettings = z.infer<typeof alertSettingsSchema>;

/** Used when `settings/alerts` is missing or invalid. */
export const DEFAULT_ALERT_SETTINGS: AlertSettings = { dailyCap: 20, oaTemplateId: 'oa_tmpl_customer_activity', subscribeTemplateId: 'tmpl_customer_alert' };

/** An alert to send. */
export interface AlertSpec {
  kind: AlertKind;
  /** The salesperson it goes to. */
  salesId: string;
  /** What makes it unique: the alert is sent at most once per (key, recipient). */
  key: string;
  customerOpenid: string;
  /** What happened, in a few words (≤ 20 characters; a subscribe message's `thing` limit). */
  what: string;
  at: Date;
  /** The mini-program page it opens (no leading `/`). */
  page: string;
}

/** `text` cut to `max` characters (an ellipsis marks the cut). @example clip('一二三四五', 4) // '一二三…' */
export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * The alert an event makes, given the customer's summary after it, or null. Only events of a
 * customer who has a salesperson alert anyone; a product alerts on the second visit and later, at
 * most once per product and day.
 * @example decideAlert(materialReadEvent, summary)?.kind // 'material_opened'
 */
export function decideAlert(e: CustomerEvent, after: CustomerSummary): AlertSpec | null {
  if (!e.salesId) return null;
  const base = { salesId: e.salesId, customerOpenid: e.openid, at: e.at, page: `packageSales/customer/index?openid=${e.openid}` };
  switch (e.type) {
    case 'material_read':
      return { ...base, kind: 'material_opened', key: e._id, what: clip(`阅读《${e.data.title}》`, 20) };
    case 'product_viewed': {
      const n = after.productViews[e.data.productId] ?? 0;
      if (n < 2) return null;
      return { ...base, kind: 'product_again', key: `product_again:${e.openid}:${e.data.productId}:${chinaDayKey(e.at)}`, what: clip(`再次看${e.data.title}`, 20) };
    }
    case 'order_paid':
      return { ...base, kind: 'order_paid', key: e._id, what: clip(`付款¥${(e.data.paidFen / 100).toFixed(2)}`, 20) };
    case 'aftersale_requested':
      return { ...base, kind: 'aftersale_requested', key: e._id, what: '申请售后' };
    default:
      return null;
  }
}
