/**
 * The brand's fulfilment and after-sale settings, `settings/fulfilment`: an ops document (edited in
 * the console, validated on every read). A missing or invalid document falls back to
 * {@link DEFAULT_FULFILMENT} — the shop keeps shipping; an invalid one is reported by
 * `admin.promotionHealth` — and with no template ids no subscribe message is sent.
 */
import { z } from 'zod';
import { describeIssues } from '../zod-issues';
import { dateField } from '../promotions/fields';

/** The moments a subscribe message (订阅消息) is sent for; each has a template id in the settings. */
export const MESSAGE_PURPOSES = ['orderPaid', 'groupResult', 'refund', 'shipped', 'afterSale', 'commissionSettled', 'flashStarted'] as const;
/** One of {@link MESSAGE_PURPOSES}. */
export type MessagePurpose = (typeof MESSAGE_PURPOSES)[number];

/** The taps after which the app asks for templates, and the purposes each leads to (at most 3: WeChat's limit per request). */
export const MESSAGE_MOMENTS = {
  /** Paying: the payment, the parcel, a team's result. */
  pay: ['orderPaid', 'shipped', 'groupResult'],
  /** Asking for after-sale: its result, and a refund. */
  aftersale: ['afterSale', 'refund'],
  /** A salesperson subscribing on the ledger: commission settled. */
  commission: ['commissionSettled'],
  /** A customer asking to be reminded of a flash sale: its start. */
  flashRemind: ['flashStarted'],
} as const satisfies Record<string, readonly MessagePurpose[]>;

/** One of the keys of {@link MESSAGE_MOMENTS}. */
export type MessageMoment = keyof typeof MESSAGE_MOMENTS;

/**
 * The template ids to ask for at `moment` (the configured ones, distinct, at most 3).
 * @example templatesForMoment({ subscribeTemplates: { orderPaid: 't1', shipped: 't2' } }, 'pay') // ['t1', 't2']
 */
export function templatesForMoment(s: Pick<FulfilmentSettings, 'subscribeTemplates'>, moment: MessageMoment): string[] {
  const ids = MESSAGE_MOMENTS[moment].map((p) => s.subscribeTemplates[p]).filter((id): id is string => typeof id === 'string');
  return [...new Set(ids)].slice(0, 3);
}

const templateId = z.string().min(1).max(64);

/** Schema of `settings/fulfilment`. */
export const fulfilmentSettingsSchema = z
  .object({
    _id: z.literal('fulfilment'),
    /** Days after the last line shipped until the sweep confirms receipt for the buyer. */
    autoConfirmDays: z.number().int().min(1).max(60),
    /** Days after receipt a buyer may still ask for after-sale; the order completes when they pass. */
    afterSaleDays: z.number().int().min(0).max(60),
    /** A refund of lines that have not shipped is approved at once (no review). */
    autoApproveUnshippedRefund: z.boolean(),
    /** WeChat template ids by purpose (the templates the brand picked in the WeChat admin). */
    subscribeTemplates: z.object(Object.fromEntries(MESSAGE_PURPOSES.map((p) => [p, templateId.optional()])) as Record<MessagePurpose, z.ZodOptional<typeof templateId>>).strict(),
    updatedAt: dateField.optional(),
  })
  .strict();

/** Validated fulfilment settings. */
export type FulfilmentSettings = z.infer<typeof fulfilmentSettingsSchema>;

/** What applies when the document is missing or invalid: 10 days to auto-confirm, a 7-day window, unshipped refunds at once, no messages. */
export const DEFAULT_FULFILMENT: FulfilmentSettings = { _id: 'fulfilment', autoConfirmDays: 10, afterSaleDays: 7, autoApproveUnshippedRefund: true, subscribeTemplates: {} };

/** The settings to apply from a stored document, and its problems (`"field: what is wrong"`; empty when valid or absent). */
export function readFulfilmentSettings(doc: unknown): { settings: FulfilmentSettings; problems: string[] } {
  if (doc === undefined || doc === null) return { settings: DEFAULT_FULFILMENT, problems: [] };
  const r = fulfilmentSettingsSchema.safeParse(doc);
  return r.success ? { settings: r.data, problems: [] } : { settings: DEFAULT_FULFILMENT, problems: describeIssues(r.error.issues, '(document)') };
}

const DAY_MS = 86_400_000;

/** The after-sale window in ms. */
export function afterSaleWindowMs(s: Pick<FulfilmentSettings, 'afterSaleDays'>): number {
  return s.afterSaleDays * DAY_MS;
}

/** How long after shipping the sweep confirms receipt, ms. */
export function autoConfirmMs(s: Pick<FulfilmentSettings, 'autoConfirmDays'>): number {
  return s.autoConfirmDays * DAY_MS;
}
