import { callCloud } from './cloud';
import { currentShareId } from './share';
import type { Catalog, CouponInstance, CouponTemplate, Order, ProductDetail, ShelfView, Team } from './types';

/**
 * Typed wrappers over callCloud, one per function action of the contract. Only fields with a
 * value are sent (functions parse events with zod `.strict()`).
 */
function ev(action: string, fields: Record<string, unknown> = {}) {
  const out: { action: string; [k: string]: unknown } = { action };
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

export const shelfApi = {
  view: (salesId?: string) => callCloud<ShelfView>('shelf', ev('view', { salesId })),
  /** `view: false` from pages that only need the data (checkout, team): not a customer's view. */
  product: (productId: string, opts: { view?: boolean } = {}) =>
    callCloud<ProductDetail>('shelf', { ...ev('product', { productId }), ...(opts.view === false ? { view: false } : {}) }),
  /** Sales only: every product on sale, each marked `onShelf`, plus the shelf's order. */
  catalog: () => callCloud<Catalog>('shelf', ev('catalog')),
  curate: (productIds: string[]) => callCloud<unknown>('shelf', ev('curate', { productIds })),
};

export const couponApi = {
  list: () => callCloud<unknown>('coupon', ev('list')),
  claim: (templateId: string) => callCloud<CouponInstance>('coupon', ev('claim', { templateId, shareId: currentShareId() })),
  mine: (status?: string) => callCloud<unknown>('coupon', ev('mine', { status })),
};

export const groupApi = {
  /** Opens a team: the leader's unpaid order reserves the first seat. */
  open: (dealId: string, idempotencyKey: string) =>
    callCloud<{ teamId: string; orderId: string; totalFen: number }>('groupbuy', ev('open', { dealId, idempotencyKey, shareId: currentShareId() })),
  /** Joins a team: the seat is reserved atomically with the order. */
  join: (teamId: string, idempotencyKey: string) =>
    callCloud<{ teamId: string; orderId: string; totalFen: number }>('groupbuy', ev('join', { teamId, idempotencyKey, shareId: currentShareId() })),
  get: (teamId: string) => callCloud<Team>('groupbuy', ev('get', { teamId })),
};

/** A plain order (group orders go through groupbuy.open/join). */
export interface CreateOrderInput {
  items: Array<{ productId: string; skuId?: string; qty: number }>;
  couponId?: string;
  idempotencyKey: string;
}

export const orderApi = {
  create: (input: CreateOrderInput) =>
    callCloud<Order & { teamId?: string }>('order', ev('create', { ...input, shareId: currentShareId() })),
  pay: (orderId: string) => callCloud<{ payment?: Record<string, string>; status?: string } & Partial<Order>>('order', ev('pay', { orderId })),
  cancel: (orderId: string) => callCloud<Order>('order', ev('cancel', { orderId })),
  refund: (orderId: string, lineIds?: string[]) => callCloud<Order>('order', ev('refund', { orderId, lineIds })),
  list: () => callCloud<unknown>('order', ev('list')),
  get: (orderId: string) => callCloud<Order>('order', ev('get', { orderId })),
};

export const salesApi = {
  customers: () => callCloud<unknown>('sales', ev('customers')),
  customer: (openid: string) => callCloud<Record<string, unknown>>('sales', ev('customer', { openid })),
  orders: () => callCloud<unknown>('sales', ev('orders')),
  ledger: () => callCloud<unknown>('sales', ev('ledger')),
  leaderboard: () => callCloud<unknown>('sales', ev('leaderboard')),
};

export const adminApi = {
  dashboard: (from?: string, to?: string) => callCloud<Record<string, unknown>>('admin', ev('dashboard', { from, to })),
  promotionHealth: () => callCloud<unknown>('admin', ev('promotionHealth')),
  shareTree: (shareId: string) => callCloud<unknown>('admin', ev('shareTree', { shareId })),
};

export type { CouponTemplate };

/** A fresh idempotency key per checkout attempt (kept across retries of the same submit). */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
