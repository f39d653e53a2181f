/** `sales`: a salesperson's workbench (the boss may look at anyone's). */
import { z } from 'zod';
import { commissionRuleSchema } from '../growth/commission';
import { couponStatusField } from './coupon-terms';
import { defineContract } from './define';
import { count, dayInput, fen, idField, instant, nextCursorField, pageFields, signedFen } from './fields';
import { BIND_REASONS } from './share';

/** Totals of a commission ledger by state; settleable and owed may go negative (a reversal after payout is owed back). */
export const ledgerTotalsSchema = z.strictObject({ pendingFen: signedFen, settleableFen: signedFen, paidFen: signedFen, reversedFen: signedFen, owedFen: signedFen });

/** One binding change in a customer's history: by opening a share, or by the boss reassigning customers. */
export const bindingHistorySchema = z.discriminatedUnion('via', [
  z.strictObject({
    _id: z.string(),
    openid: z.string(),
    rev: count,
    salesId: z.string(),
    previousSalesId: z.string().nullable(),
    reason: z.enum(BIND_REASONS),
    via: z.literal('share'),
    shareId: z.string(),
    referrerOpenid: z.string().nullable(),
    bindingExpiresAt: instant.nullable(),
    protectedUntil: instant.nullable(),
    isNewCustomer: z.boolean(),
    at: instant,
  }),
  z.strictObject({
    _id: z.string(),
    openid: z.string(),
    rev: count,
    salesId: z.string(),
    previousSalesId: z.string(),
    reason: z.literal('reassign'),
    via: z.literal('admin'),
    auditId: z.string(),
    by: z.string(),
    at: instant,
  }),
]);

const salesIdField = idField.optional();

/** The actions of `sales`. */
export const sales = defineContract({
  /** Bound customers, latest binding first, a page at a time (`salesId` omitted: the caller's own; everyone's for the boss). */
  customers: {
    input: { salesId: salesIdField, ...pageFields },
    reply: z.strictObject({
      items: z.array(
        z.strictObject({
          openid: z.string(),
          name: z.string().nullable(),
          avatarUrl: z.string().nullable(),
          salesId: z.string().nullable(),
          /** False once an n_days binding has lapsed (the next salesperson's share may bind). */
          active: z.boolean(),
          boundAt: instant.nullable(),
          bindingExpiresAt: instant.nullable(),
          protectedUntil: instant.nullable(),
          firstPaidAt: instant.nullable(),
          lastViewedAt: instant.nullable(),
          referrerOpenid: z.string().nullable(),
        }),
      ),
      nextCursor: nextCursorField,
      limit: count,
    }),
  },
  /** One bound customer's interest: product views, coupon claims, paid orders, binding history. */
  customer: {
    input: { openid: idField },
    reply: z.strictObject({
      openid: z.string(),
      name: z.string().nullable(),
      avatarUrl: z.string().nullable(),
      binding: z.strictObject({
        salesId: z.string().nullable(),
        boundAt: instant.nullable(),
        bindingExpiresAt: instant.nullable(),
        protectedUntil: instant.nullable(),
        referrerOpenid: z.string().nullable(),
        firstShareId: z.string().nullable(),
      }),
      views: z.array(z.strictObject({ productId: z.string(), title: z.string().nullable(), count: count, lastAt: instant })),
      claims: z.array(z.strictObject({ couponId: z.string(), templateId: z.string(), title: z.string().nullable(), status: couponStatusField, claimedAt: instant })),
      orders: z.array(z.strictObject({ orderId: z.string(), totalFen: fen, refundedFen: fen, paidAt: instant, salesId: z.string().nullable() })),
      history: z.array(bindingHistorySchema),
    }),
  },
  /** Paid orders attributed to the salesperson (latest first, a page at a time) with commission and refunds. */
  orders: {
    input: { salesId: salesIdField, ...pageFields },
    reply: z.strictObject({
      items: z.array(
        z.strictObject({
          orderId: z.string(),
          buyerOpenid: z.string(),
          salesId: z.string().nullable(),
          shareId: z.string().nullable(),
          depth: count,
          totalFen: fen,
          refundedFen: fen,
          commissionFen: fen,
          paidAt: instant,
          lines: z.array(
            z.strictObject({ lineId: z.string(), productId: z.string(), qty: count, paidFen: fen, commissionFen: fen, rule: commissionRuleSchema.nullable().optional() }),
          ),
        }),
      ),
      nextCursor: nextCursorField,
      limit: count,
    }),
  },
  /** The commission ledger, latest first, a page at a time; totals by state on the first page (null after). */
  ledger: {
    input: { salesId: salesIdField, ...pageFields },
    reply: z.strictObject({
      salesId: z.string(),
      totals: ledgerTotalsSchema.nullable(),
      entries: z.array(
        z.strictObject({
          entryId: z.string(),
          kind: z.enum(['pending', 'settleable', 'reversed', 'paid']),
          orderId: z.string(),
          lineId: z.string(),
          productId: z.string(),
          amountFen: signedFen,
          createdAt: instant,
          settleAt: instant.nullable(),
          refundId: z.string().nullable(),
        }),
      ),
      nextCursor: nextCursorField,
    }),
  },
  /** Salespeople ranked by GMV over days `[from, to]` (China time; default: all days up to today). */
  leaderboard: {
    input: { from: dayInput.optional(), to: dayInput.optional() },
    reply: z.strictObject({
      from: z.string(),
      to: z.string(),
      rows: z.array(
        z.strictObject({
          rank: count,
          openid: z.string(),
          name: z.string(),
          avatarUrl: z.string().nullable(),
          gmvFen: fen,
          paidOrders: count,
          newCustomers: count,
          shares: count,
          kFactor: z.number().nonnegative(),
          commissionFen: signedFen,
          me: z.boolean(),
        }),
      ),
    }),
  },
  /**
   * The salesperson's own avatar, shown on their shelf card: a picture they uploaded
   * (`uploads/<openid>/avatar/…` in storage, their own), or `null` for none. Answers the avatar as a
   * temporary URL, and the caller's own upload it replaced (`previousFileId`, for the app to delete;
   * null when it replaced none, e.g. the brand's seeded picture).
   */
  setAvatar: {
    input: { fileId: z.string().min(1).max(512).nullable() },
    reply: z.strictObject({ avatarFileId: z.string().nullable(), avatarUrl: z.string().nullable(), previousFileId: z.string().nullable() }),
  },
});
