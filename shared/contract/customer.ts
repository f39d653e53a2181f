/**
 * `customer`: the customer 360 — for the owning salesperson (their own customers only) and the boss
 * (everyone). Customers never reach these actions, so tags and notes about them never reach them.
 */
import { z } from 'zod';
import { CARD_TAPS } from '../customers/events';
import { RULE_TAGS } from '../customers/tags';
import { STAGES } from '../customers/stage';
import { defineContract } from './define';
import { count, cursorField, customerFaceFields, fen, idField, instant, signedFen } from './fields';

/** A tag added by hand: a short word. @example '茶友' */
export const manualTagField = z.string().trim().regex(/^[\p{L}\p{N}_ -]{1,12}$/u, '1–12 letters or digits');

const base = { eventId: z.string(), at: instant, salesId: z.string().nullable(), seconds: count.nullable(), depth: count.nullable() };
const item = <T extends string, D extends z.ZodRawShape>(type: T, data: D) => z.strictObject({ ...base, type: z.literal(type), data: z.strictObject(data) });

/** One event of a customer's timeline (`seconds`/`depth`: time spent on a visit; null otherwise). */
export const timelineItemSchema = z.discriminatedUnion('type', [
  item('share_opened', { shareId: z.string(), targetType: z.string(), targetId: z.string(), bound: z.boolean() }),
  item('card_viewed', { cardSalesId: z.string() }),
  item('card_tapped', { cardSalesId: z.string(), tap: z.enum(CARD_TAPS), visitId: z.string() }),
  item('product_viewed', { productId: z.string(), title: z.string() }),
  item('material_read', { materialId: z.string(), title: z.string(), kind: z.string() }),
  item('coupon_claimed', { couponId: z.string(), templateId: z.string(), title: z.string(), validToAt: instant.nullable() }),
  item('order_created', { orderId: z.string(), totalFen: fen }),
  item('order_paid', { orderId: z.string(), paidFen: fen, couponId: z.string().nullable() }),
  item('order_refunded', { orderId: z.string(), refundId: z.string(), refundFen: fen, full: z.boolean() }),
  item('aftersale_requested', { orderId: z.string(), requestId: z.string() }),
]);

const stage = z.enum(STAGES);
const reminder = z.strictObject({ noteId: z.string(), text: z.string(), remindAt: instant, salesId: z.string() });

/** The actions of `customer`. */
export const customer = defineContract({
  /** Profile: who they are, stage, rule and manual tags, spend, counts, the due reminder, the latest 20 notes. */
  profile: {
    input: { openid: idField },
    reply: z.strictObject({
      ...customerFaceFields,
      boundAt: instant.nullable(),
      stage: stage.nullable(),
      ruleTags: z.array(z.enum(RULE_TAGS)),
      manualTags: z.array(z.string()),
      spentFen: signedFen,
      ordersPaid: count,
      ordersRefunded: count,
      events: count,
      views: count,
      reads: count,
      firstAt: instant.nullable(),
      lastAt: instant.nullable(),
      reminder: reminder.nullable(),
      notes: z.array(z.strictObject({ noteId: z.string(), text: z.string(), remindAt: instant.nullable(), at: instant, salesId: z.string() })),
    }),
  },
  /** Everything they did, newest first, 20 per page. */
  timeline: {
    input: { openid: idField, cursor: cursorField.optional() },
    reply: z.strictObject({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() }),
  },
  /** Adds and/or removes tags by hand (at most 20 per customer). */
  tag: {
    input: { openid: idField, add: z.array(manualTagField).max(5).optional(), remove: z.array(manualTagField).max(5).optional() },
    reply: z.strictObject({ openid: z.string(), manualTags: z.array(z.string()) }),
  },
  /** A follow-up note, optionally with a reminder date (the reminder shows on the today list when due). */
  note: {
    input: { openid: idField, text: z.string().trim().min(1).max(500), remindAt: z.iso.datetime({ offset: true }).optional() },
    reply: z.strictObject({ noteId: z.string(), at: instant, remindAt: instant.nullable() }),
  },
  /** The workbench's today list: customers to follow up now, ranked, with the reasons. */
  today: {
    input: {},
    reply: z.strictObject({
      asOf: instant,
      items: z.array(
        z.strictObject({
          ...customerFaceFields,
          stage: stage.nullable(),
          score: count,
          reasons: z.array(z.enum(['reminder_due', ...RULE_TAGS])),
          reminder: reminder.nullable(),
          lastAt: instant.nullable(),
        }),
      ),
    }),
  },
});
