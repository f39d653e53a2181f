/**
 * Growth-loop hooks that the commerce functions call at fixed points of an order's life.
 * Owned by the growth loop (issue 4); the commerce core (issue 3) only calls them.
 * Each hook is idempotent: it may run more than once for the same fact (retries, replays).
 * Database round trips are listed per hook (docs/growth.md).
 */
import type { ActionContext } from '../_platform';
import { attributeOrderImpl } from './attribute-order';
import { onOrderCreatedImpl, onOrderPaidImpl } from './order-paid';
import { onOrderRefundedImpl } from './order-refunded';
import { onSweepImpl } from './sweep';
import { recordProductViewImpl } from './product-view';

/** Who brought this order: snapshotted on the order at creation, never changed afterwards. */
export interface Attribution {
  salesId: string | null;
  shareId: string | null;
  rootShareId: string | null;
  depth: number;
  /** Customer who shared the card the buyer came through (null when it was the salesperson). */
  referrerOpenid: string | null;
  /** Experiment exposures, `{experimentKey: variant}`. */
  experiments: Record<string, string>;
  /** Campaign of the share (for counters by campaign); absent on older snapshots. */
  campaign?: string | null;
}

/** Minimal view of an order the hooks need. Money in fen. */
export interface OrderFacts {
  _id: string;
  buyerOpenid: string;
  attribution: Attribution;
  lines: Array<{ lineId: string; productId: string; skuId?: string; qty: number; paidFen: number }>;
  totalFen: number;
  paidAt?: Date;
  /** Optional extras for the dashboard's coupon and group results. */
  couponId?: string | null;
  discountFen?: number;
  dealId?: string | null;
  teamId?: string | null;
}

export type HookCtx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/**
 * Resolves attribution for a new order: the share id from the event, else the share that bound
 * the buyer; salesperson = the buyer's active binding, else the share's salesperson.
 * Round trips: 1 (experiments) + 1 when a share id is given.
 */
export async function attributeOrder(ctx: HookCtx, buyer: { _id: string; [k: string]: unknown }, shareId?: string): Promise<Attribution> {
  return attributeOrderImpl(ctx, buyer, shareId);
}

/**
 * Called once an order is created (counts the funnel's "order" step). Idempotent per order id.
 * Round trips: 2 (marker insert, day counter).
 */
export async function onOrderCreated(ctx: HookCtx, order: OrderFacts): Promise<void> {
  return onOrderCreatedImpl(ctx, order);
}

/** Called once an order is paid (after the paid transition is written). */
export async function onOrderPaid(ctx: HookCtx, order: OrderFacts): Promise<void> {
  return onOrderPaidImpl(ctx, order);
}

/** Called after a refund of some lines (refundedFen per line) is recorded. */
export async function onOrderRefunded(
  ctx: HookCtx,
  order: OrderFacts,
  refunds: Array<{ lineId: string; refundFen: number; refundId: string }>,
): Promise<void> {
  return onOrderRefundedImpl(ctx, order, refunds);
}

/** Called by sweep on each run: settle commission past its window, issue referral rewards. */
export async function onSweep(ctx: HookCtx): Promise<Record<string, number>> {
  return onSweepImpl(ctx);
}

/** Records a product view by a customer (1 write on `users/{openid}`); shown in `sales.customer`. */
export async function recordProductView(ctx: HookCtx, openid: string, productId: string, title?: string): Promise<void> {
  return recordProductViewImpl(ctx, openid, productId, title);
}
