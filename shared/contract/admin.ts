/** `admin`: staff views (dashboard, share trees, promotion health) and staff changes (roles, reassigning customers). */
import { z } from 'zod';
import { SHARE_CHANNELS, type ShareTreeNode } from '../growth/share-chain';
import { EXPORT_KINDS } from '../exports/export-rows';
import { HEALTH_COLLECTIONS } from '../ops-documents';
import { ASSIGNABLE_ROLES, ROLES } from '../roles';
import { defineContract } from './define';
import { count, cursorField, dayInput, fen, idField, instant, shareIdField, signedFen } from './fields';

const ratio = z.number().nonnegative();

/** Money and order figures of a scope (all, a salesperson, a campaign, an experiment variant). */
const moneyFields = {
  gmvFen: fen,
  orders: count,
  paidOrders: count,
  payingCustomers: count,
  newPayingCustomers: count,
  averageOrderFen: fen,
  refundFen: fen,
};

/** The share funnel share → open → bind → order → pay, with step conversion rates. */
/** A confidence interval `[low, high]`. */
const intervalSchema = z.strictObject({ low: z.number(), high: z.number() });

export const funnelSchema = z.strictObject({
  shares: count,
  opens: count,
  binds: count,
  orders: count,
  pays: count,
  rates: z.strictObject({ openPerShare: ratio, bindPerOpen: ratio, orderPerBind: ratio, payPerOrder: ratio }),
});

/** Commission accrued, reversed, settled, paid out and still owed (fen). */
const commissionSchema = z.strictObject({ accruedFen: signedFen, reversedFen: signedFen, settledFen: signedFen, paidOutFen: signedFen, owedFen: signedFen });

/** Referral reward states (shared/growth `ReferralDoc`). */
export const REFERRAL_STATUSES = ['waiting', 'review', 'rejected', 'rewarded', 'capped', 'void'] as const;

/** A referral reward as the back office lists it. */
export const referralRowSchema = z.strictObject({
  rewardId: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  buyerOpenid: z.string(),
  buyerName: z.string().nullable(),
  referrerOpenid: z.string(),
  referrerName: z.string().nullable(),
  orderId: z.string(),
  paidFen: fen,
  reasons: z.array(z.string()),
  qualifiedAt: instant,
  dueAt: instant,
  reviewNote: z.string().nullable(),
  couponIds: z.array(z.string()),
});

const shareCounts = { opens: count, binds: count, newCustomers: count, paidOrders: count, gmvFen: fen };

/** A node of a share tree with its subtree below (shared/growth `ShareTreeNode`; recursive, no instants: the same on the wire). */
export const shareTreeNodeSchema: z.ZodType<ShareTreeNode, ShareTreeNode> = z.strictObject({
  shareId: z.string(),
  sharerOpenid: z.string(),
  depth: count,
  channel: z.enum(SHARE_CHANNELS),
  counts: z.strictObject({ ...shareCounts, children: count }),
  subtree: z.strictObject({ ...shareCounts, shares: count }),
  get children() {
    return z.array(shareTreeNodeSchema);
  },
});

/** The actions of `admin`. */
export const admin = defineContract({
  /**
   * Boss/ops: GMV, orders, customers, funnel and K-factor overall, by salesperson, campaign and
   * experiment variant; coupon, group and referral results; commission owed; a 30-day daily series.
   */
  dashboard: {
    input: { from: dayInput.optional(), to: dayInput.optional() },
    reply: z.strictObject({
      from: z.string(),
      to: z.string(),
      daysWithData: count,
      /** The last 30 China-time days up to `to`, for the GMV chart. */
      daily: z.array(z.strictObject({ day: z.string(), gmvFen: fen, paidOrders: count })),
      ...moneyFields,
      funnel: funnelSchema,
      kFactor: ratio,
      bySales: z.array(
        z.strictObject({
          salesId: z.string(),
          name: z.string(),
          ...moneyFields,
          funnel: funnelSchema,
          newCustomers: count,
          sharers: count,
          kFactor: ratio,
          commission: commissionSchema,
        }),
      ),
      byCampaign: z.array(z.strictObject({ campaign: z.string(), ...moneyFields, funnel: funnelSchema, newCustomers: count, sharers: count, kFactor: ratio })),
      experiments: z.array(
        z.strictObject({
          key: z.string(),
          variants: z.array(z.strictObject({ variant: z.string(), ...moneyFields, funnel: funnelSchema })),
          /** What the experiment varies (null: it only buckets) and the metrics its arms are judged on. */
          varies: z.string().nullable(),
          exposure: z.string(),
          conversion: z.string(),
          /** Each arm against the first (the control): rate with its Wilson interval, difference with Newcombe's 95 % interval. */
          arms: z.array(
            z.strictObject({
              variant: z.string(),
              exposures: count,
              conversions: count,
              rate: ratio,
              rateInterval: intervalSchema.nullable(),
              difference: z.number().nullable(),
              differenceInterval: intervalSchema.nullable(),
              significant: z.boolean(),
            }),
          ),
        }),
      ),
      coupons: z.strictObject({
        paidOrdersWithCoupon: count,
        discountFen: fen,
        usedCoupons: count,
        templates: z.array(
          z.strictObject({ templateId: z.string(), title: z.string().nullable(), status: z.string().nullable(), stock: z.number().nullable(), issued: z.number().nullable() }),
        ),
      }),
      groups: z.strictObject({
        paidGroupOrders: count,
        teams: z.strictObject({ forming: count, succeeded: count, failed: count }),
        deals: z.array(z.strictObject({ dealId: z.string(), title: z.string().nullable(), status: z.string().nullable() })),
      }),
      referrals: z.strictObject({
        recorded: count,
        rewardsIssued: count,
        /** Suspicious referrals held for a person to decide (latest 50). */
        review: z.array(
          z.strictObject({ buyerOpenid: z.string(), referrerOpenid: z.string(), orderId: z.string(), paidFen: fen, reasons: z.array(z.string()), qualifiedAt: instant }),
        ),
      }),
      commission: commissionSchema,
    }),
  },
  /** The tree below a share with counts per node and subtree totals (a salesperson: their own shares). */
  shareTree: {
    input: { shareId: shareIdField },
    reply: z.strictObject({ shareId: z.string(), rootShareId: z.string(), salesId: z.string().nullable(), tree: shareTreeNodeSchema.nullable() }),
  },
  /** Boss: moves every customer bound to a departing salesperson to another one (one audit record). */
  reassign: {
    input: { fromSalesId: idField, toSalesId: idField },
    reply: z.strictObject({ auditId: z.string(), moved: count, fromSalesId: z.string(), toSalesId: z.string() }),
  },
  /**
   * Ops/boss: every ops document (promotions, commission plans, referral programs, binding
   * policy, experiments, courses, ops settings) that fails its schema, with the problems by field.
   */
  promotionHealth: {
    input: {},
    reply: z.strictObject({
      problems: z.array(z.strictObject({ collection: z.enum(HEALTH_COLLECTIONS), id: z.string(), status: z.string().nullable(), problems: z.array(z.string()) })),
      checked: count,
    }),
  },
  /** Boss: sets a user's role (a boss cannot demote themself; a salesperson leaves through `team.deactivate`). */
  setRole: {
    input: { openid: idField, role: z.enum(ASSIGNABLE_ROLES) },
    reply: z.strictObject({ openid: z.string(), role: z.enum(ROLES) }),
  },
  /** Boss/ops: a referral reward held for review — approve issues the reward (now if its refund window has closed, else when it does); reject records why. */
  reviewReferral: {
    input: { rewardId: idField, approve: z.boolean(), note: z.string().trim().max(200).optional() },
    reply: referralRowSchema,
  },
  /** Boss/ops: referral rewards by status (default `review`), oldest first, paged. */
  referrals: {
    input: { status: z.enum(REFERRAL_STATUSES).optional(), cursor: cursorField.optional() },
    reply: z.strictObject({ status: z.enum(REFERRAL_STATUSES), items: z.array(referralRowSchema), nextCursor: z.string().nullable() }),
  },
  /**
   * Boss/ops: what waits for a person, counted: payout requests to approve and to mark paid,
   * referral rewards to review, invalid ops documents, orders whose commission waits for a valid
   * plan. (After-sale requests are counted by `aftersale.queue`, issue 12.)
   */
  queues: {
    input: {},
    reply: z.strictObject({
      payoutsRequested: count,
      payoutsApproved: count,
      referralsToReview: count,
      invalidDocuments: count,
      commissionWaiting: count,
    }),
  },
  /**
   * Boss/ops: a CSV file (UTF-8 with BOM, CRLF; Excel/WPS) of `orders` paid, or the `commission`
   * ledger entries (one salesperson with `salesId`, else all), over China days `from`..`to`;
   * stored in cloud storage, answered with a temporary URL (1 hour). At most `cap` rows.
   */
  export: {
    input: { kind: z.enum(EXPORT_KINDS), from: dayInput, to: dayInput, salesId: idField.optional() },
    reply: z.strictObject({
      kind: z.enum(EXPORT_KINDS),
      from: z.string(),
      to: z.string(),
      fileId: z.string(),
      url: z.string(),
      fileName: z.string(),
      columns: z.array(z.string()),
      rows: count,
      total: count,
      truncated: z.boolean(),
      cap: count,
    }),
  },
});
