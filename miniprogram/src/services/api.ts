import type { Event, Reply } from '../../../shared/contract';
import { callCloud } from './cloud';
import { currentShareId } from './share';

/**
 * One wrapper per action the app uses; every type here comes from the contract (shared/contract)
 * through `import type`, so the app cannot guess a reply shape and zod stays out of the bundle.
 */

/** shelf.view: the salesperson's card and products. */
export type ShelfView = Reply<'shelf', 'view'>;
/** A product as the shelf shows it. */
export type ShelfProduct = ShelfView['products'][number];
/** The salesperson on the shelf's card. */
export type SalesCardInfo = ShelfView['sales'];
/** The brand on the shelf's card. */
export type Brand = ShelfView['brand'];
/** shelf.product: one product with coupons to claim and open teams. */
export type ProductDetail = Reply<'shelf', 'product'>;
/** One SKU of a product. */
export type Sku = ShelfProduct['skus'][number];
/** shelf.catalog: the whole catalogue for curating. */
export type Catalog = Reply<'shelf', 'catalog'>;
/** A coupon template on offer (coupon.list). */
export type CouponOnOffer = Reply<'coupon', 'list'>['templates'][number];
/** One of the caller's coupons (coupon.mine). */
export type MyCoupon = Reply<'coupon', 'mine'>['coupons'][number];
/** A claimed coupon's status. */
export type CouponStatus = MyCoupon['status'];
/** An order as its buyer sees it. */
export type OrderView = Reply<'order', 'get'>;
/** An order's status (shared/lifecycle's order table). */
export type OrderStatus = OrderView['status'];
/** order.quote: the server's price of a cart, with the best coupon and every coupon ranked. */
export type Quote = Reply<'order', 'quote'>;
/** What to buy: `items`, a new team of `dealId`, or a seat in `teamId` (exactly one), maybe a coupon. */
export type Cart = Pick<Event<'order', 'quote'>, 'items' | 'dealId' | 'teamId'>;
/** groupbuy.get: a team. */
export type Team = Reply<'groupbuy', 'get'>;
/** share.open: the share's target and the caller's binding. */
export type ShareOpened = Reply<'share', 'open'>;
/** A paid order attributed to a salesperson (sales.orders). */
export type SalesOrder = Reply<'sales', 'orders'>['items'][number];
/** A bound customer (sales.customers). */
export type BoundCustomer = Reply<'sales', 'customers'>['items'][number];
/** One customer's interest (sales.customer). */
export type CustomerDetail = Reply<'sales', 'customer'>;
/** The commission ledger (sales.ledger). */
export type Ledger = Reply<'sales', 'ledger'>;
/** One row of the leaderboard (sales.leaderboard). */
export type LeaderboardRow = Reply<'sales', 'leaderboard'>['rows'][number];
/** admin.dashboard. */
export type Dashboard = Reply<'admin', 'dashboard'>;

export const shelfApi = {
  view: (salesId?: string) => callCloud('shelf', 'view', { salesId }),
  /** `view: false` from pages that only need the data (checkout, team): not a customer's view. */
  product: (productId: string, opts: { view?: boolean } = {}) => callCloud('shelf', 'product', { productId, view: opts.view === false ? false : undefined }),
  /** Sales only: every product on sale, each marked `onShelf`, plus the shelf's order. */
  catalog: () => callCloud('shelf', 'catalog', {}),
  curate: (productIds: string[]) => callCloud('shelf', 'curate', { productIds }),
};

export const couponApi = {
  list: () => callCloud('coupon', 'list', {}),
  claim: (templateId: string) => callCloud('coupon', 'claim', { templateId, shareId: currentShareId() }),
  mine: (status?: CouponStatus) => callCloud('coupon', 'mine', { status }),
};

export const groupApi = {
  get: (teamId: string) => callCloud('groupbuy', 'get', { teamId }),
};

export const orderApi = {
  /**
   * Prices a cart as create would: `couponId` undefined = the best coupon, null = none, an id =
   * that one (NOT_ELIGIBLE when it does not apply).
   */
  quote: (cart: Cart, couponId?: string | null) => callCloud('order', 'quote', { ...cart, couponId }),
  /** The one door for every order: plain items, a new team of a deal, or a seat in a team; a group order reserves its seat. */
  create: (cart: Cart, opts: { couponId?: string; idempotencyKey: string }) => callCloud('order', 'create', { ...cart, ...opts, shareId: currentShareId() }),
  pay: (orderId: string) => callCloud('order', 'pay', { orderId }),
  cancel: (orderId: string) => callCloud('order', 'cancel', { orderId }),
  refund: (orderId: string, lineIds?: string[]) => callCloud('order', 'refund', { orderId, lineIds }),
  list: () => callCloud('order', 'list', {}),
  get: (orderId: string) => callCloud('order', 'get', { orderId }),
};

export const shareApi = {
  poster: (shareId: string) => callCloud('share', 'poster', { shareId }),
};

export const salesApi = {
  customers: () => callCloud('sales', 'customers', {}),
  customer: (openid: string) => callCloud('sales', 'customer', { openid }),
  orders: () => callCloud('sales', 'orders', {}),
  ledger: () => callCloud('sales', 'ledger', {}),
  leaderboard: () => callCloud('sales', 'leaderboard', {}),
};

export const adminApi = {
  dashboard: (from?: string, to?: string) => callCloud('admin', 'dashboard', { from, to }),
};

/** A fresh idempotency key per checkout attempt (kept across retries of the same submit). */
export function newIdempotencyKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** card.get: a salesperson's business card (a customer's open is a visit). */
export type CardReply = Reply<'card', 'get'>;
/** The card as saved (card.save's `card`). */
export type CardFields = Event<'card', 'save'>['card'];
/** material.list's items. */
export type MaterialItem = Reply<'material', 'list'>['items'][number];
/** material.get: one material with its content. */
export type MaterialDetail = Reply<'material', 'get'>;
/** A material's content (blocks, pages, video, ...). */
export type MaterialContent = MaterialDetail['material']['content'];
/** One visit of the radar. */
export type RadarItem = Reply<'material', 'radar'>['items'][number];
/** material.report: the boss's view of the briefcase. */
export type BriefcaseReport = Reply<'material', 'report'>;
/** customer.profile. */
export type CustomerProfile = Reply<'customer', 'profile'>;
/** One event of a customer's timeline. */
export type TimelineItem = Reply<'customer', 'timeline'>['items'][number];
/** One row of the today list. */
export type FollowUpRow = Reply<'customer', 'today'>['items'][number];

export const cardApi = {
  /** A salesperson's card; without `salesId`, the caller's own. */
  get: (salesId?: string) => callCloud('card', 'get', { salesId }),
  save: (card: CardFields) => callCloud('card', 'save', { card }),
  tap: (visitId: string, tap: Event<'card', 'tap'>['tap']) => callCloud('card', 'tap', { visitId, tap }),
  setAlerts: (enabled: boolean) => callCloud('card', 'setAlerts', { enabled }),
};

export const materialApi = {
  list: (tag?: string, cursor?: string) => callCloud('material', 'list', { tag, cursor }),
  get: (materialId: string) => callCloud('material', 'get', { materialId }),
  progress: (visitId: string, seconds: number, depth: number) => callCloud('material', 'progress', { visitId, seconds, depth }),
  radar: (cursor?: string) => callCloud('material', 'radar', { cursor }),
  report: () => callCloud('material', 'report', {}),
};

export const customerApi = {
  profile: (openid: string) => callCloud('customer', 'profile', { openid }),
  timeline: (openid: string, cursor?: string) => callCloud('customer', 'timeline', { openid, cursor }),
  tag: (openid: string, change: { add?: string[]; remove?: string[] }) => callCloud('customer', 'tag', { openid, ...change }),
  note: (openid: string, text: string, remindAt?: string) => callCloud('customer', 'note', { openid, text, remindAt }),
  today: () => callCloud('customer', 'today', {}),
};
