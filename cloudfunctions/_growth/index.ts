/**
 * Growth-loop hooks that the commerce functions call at fixed points of an order's life.
 * Owned by the growth loop (issue 4); the commerce core (issue 3) only calls them.
 * Each hook is idempotent: it may run more than once for the same fact (retries, replays).
 */
import type { ActionContext } from '../_platform';

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
}

/** Minimal view of an order the hooks need. Money in fen. */
export interface OrderFacts {
  _id: string;
  buyerOpenid: string;
  attribution: Attribution;
  lines: Array<{ lineId: string; productId: string; skuId?: string; qty: number; paidFen: number }>;
  totalFen: number;
  paidAt?: Date;
}

type HookCtx = Pick<ActionContext, 'now' | 'requestId' | 'newId'>;

/** Resolves attribution for a new order (share id from the event, else the buyer's binding). */
export async function attributeOrder(_ctx: HookCtx, buyer: { _id: string; [k: string]: unknown }, _shareId?: string): Promise<Attribution> {
  const boundSalesId = typeof buyer.boundSalesId === 'string' ? buyer.boundSalesId : null;
  return { salesId: boundSalesId, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {} };
}

/** Called once an order is paid (after the paid transition is written). */
export async function onOrderPaid(_ctx: HookCtx, _order: OrderFacts): Promise<void> {}

/** Called after a refund of some lines (refundedFen per line) is recorded. */
export async function onOrderRefunded(
  _ctx: HookCtx,
  _order: OrderFacts,
  _refunds: Array<{ lineId: string; refundFen: number; refundId: string }>,
): Promise<void> {}

/** Called by sweep on each run: settle commission past its window, issue referral rewards. */
export async function onSweep(_ctx: HookCtx): Promise<Record<string, number>> {
  return {};
}
