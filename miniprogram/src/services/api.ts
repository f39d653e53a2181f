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
/** The caller's cart with live prices (cart.get / set / clear). */
export type CartView = Reply<'cart', 'get'>;
/** One line of the cart. */
export type CartLineView = CartView['items'][number];
/** The caller's address book (address.list). */
export type AddressBook = Reply<'address', 'list'>;
/** One address of the book. */
export type BookAddress = AddressBook['addresses'][number];
/** What address.save takes (no `addressId`: a new address). */
export type AddressInput = Event<'address', 'save'>['address'];
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
/** payout.mine: the balance with its parts and the caller's requests. */
export type MyPayouts = Reply<'payout', 'mine'>;
/** A payout request. */
export type PayoutView = MyPayouts['items'][number];
/** A payout request's state. */
export type PayoutStatus = PayoutView['status'];
/** A salesperson's balance and its parts. */
export type PayoutBalance = MyPayouts['balance'];
/** admin.queues: what waits for a person, counted. */
export type Queues = Reply<'admin', 'queues'>;
/** A referral reward held for review (admin.referrals). */
export type ReferralRow = Reply<'admin', 'referrals'>['items'][number];
/** admin.promotionHealth: invalid ops documents. */
export type OpsHealth = Reply<'admin', 'promotionHealth'>;
/** admin.export: a CSV file in storage with a temporary URL. */
export type ExportFile = Reply<'admin', 'export'>;
/** What admin.export takes. */
export type ExportRequest = Event<'admin', 'export'>;
/** A product as the back office shows it (catalog.get / list / save). */
export type CatalogProduct = Reply<'catalog', 'get'>;
/** What catalog.save takes: the product's fields and its SKUs. */
export type ProductSave = Omit<Event<'catalog', 'save'>, 'idempotencyKey'>;
/** An invitation to the sales team (team.invite / invites). */
export type InviteRow = Reply<'team', 'invite'>;
/** A member of the sales team (team.members). */
export type TeamMember = Reply<'team', 'members'>['members'][number];

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
  quote: (cart: Cart, couponId?: string | null, addressId?: string) => callCloud('order', 'quote', { ...cart, couponId, addressId }),
  /**
   * The one door for every order: plain items, a new team of a deal, or a seat in a team; a group
   * order reserves its seat. `fromCart`: the ordered lines leave the cart.
   */
  create: (cart: Cart, opts: { couponId?: string; addressId?: string; fromCart?: boolean; idempotencyKey: string }) =>
    callCloud('order', 'create', { ...cart, ...opts, shareId: currentShareId() }),
  pay: (orderId: string) => callCloud('order', 'pay', { orderId }),
  cancel: (orderId: string) => callCloud('order', 'cancel', { orderId }),
  /** A page of the caller's orders (`items` for the cursor-list hook). */
  list: async (cursor?: string) => {
    const page = await callCloud('order', 'list', { cursor });
    return { items: page.orders, nextCursor: page.nextCursor };
  },
  get: (orderId: string) => callCloud('order', 'get', { orderId }),
  confirmReceipt: (orderId: string) => callCloud('order', 'confirmReceipt', { orderId }),
  /** The subscribe-message templates to ask for right after the tap that leads to `moment`. */
  messageTemplates: (moment: Event<'order', 'messageTemplates'>['moment']) => callCloud('order', 'messageTemplates', { moment }),
};

/** An after-sale request as its pages show it. */
export type AfterSaleView = Reply<'aftersale', 'get'>;
/** One of the after-sale states. */
export type AfterSaleStatus = AfterSaleView['status'];
/** What aftersale.request takes. */
export type AfterSaleAsk = Event<'aftersale', 'request'>;
/** A carrier code (shared/fulfil/carriers.ts). */
export type CarrierCode = Event<'fulfil', 'ship'>['carrier'];

/** 售后: the buyer's requests; staff review, confirm returns and work the queue. */
export const aftersaleApi = {
  request: (ask: AfterSaleAsk) => callCloud('aftersale', 'request', ask),
  cancel: (requestId: string) => callCloud('aftersale', 'cancel', { requestId }),
  returnShipped: (requestId: string, carrier: CarrierCode, trackingNo: string) => callCloud('aftersale', 'returnShipped', { requestId, carrier, trackingNo }),
  list: (cursor?: string) => callCloud('aftersale', 'list', { cursor }),
  get: (requestId: string) => callCloud('aftersale', 'get', { requestId }),
  review: (requestId: string, approve: boolean, note: string) => callCloud('aftersale', 'review', { requestId, approve, note }),
  receiveReturn: (requestId: string) => callCloud('aftersale', 'receiveReturn', { requestId }),
  queue: (status?: AfterSaleStatus, cursor?: string) => callCloud('aftersale', 'queue', { status, cursor }),
};

/** An order waiting to ship, as the to-ship list shows it. */
export type ToShipRow = Reply<'fulfil', 'toShip'>['items'][number];
/** One pasted row's outcome. */
export type ShipManyResult = Reply<'fulfil', 'shipMany'>['results'][number];

/** Fulfilment (ops, boss): the to-ship list, one parcel, many from a paste. */
export const fulfilApi = {
  toShip: (cursor?: string) => callCloud('fulfil', 'toShip', { cursor }),
  ship: (orderId: string, lineIds: string[], carrier: CarrierCode, trackingNo: string) => callCloud('fulfil', 'ship', { orderId, lineIds, carrier, trackingNo }),
  shipMany: (rows: Event<'fulfil', 'shipMany'>['rows']) => callCloud('fulfil', 'shipMany', { rows }),
};

/** The caller's cart, kept in the cloud: `set` replaces the whole cart. */
export const cartApi = {
  get: () => callCloud('cart', 'get', {}),
  set: (items: Array<{ skuId: string; qty: number }>) => callCloud('cart', 'set', { items }),
  clear: () => callCloud('cart', 'clear', {}),
};

/** The caller's address book. */
export const addressApi = {
  list: () => callCloud('address', 'list', {}),
  save: (address: AddressInput) => callCloud('address', 'save', { address }),
  remove: (addressId: string) => callCloud('address', 'remove', { addressId }),
};

export const shareApi = {
  poster: (shareId: string) => callCloud('share', 'poster', { shareId }),
};

export const salesApi = {
  customers: (cursor?: string) => callCloud('sales', 'customers', { cursor }),
  customer: (openid: string) => callCloud('sales', 'customer', { openid }),
  orders: (cursor?: string) => callCloud('sales', 'orders', { cursor }),
  /** A page of the ledger; the first page carries the totals (`items` for the cursor-list hook). */
  ledger: async (cursor?: string) => {
    const page = await callCloud('sales', 'ledger', { cursor });
    return { ...page, items: page.entries };
  },
  leaderboard: () => callCloud('sales', 'leaderboard', {}),
  /** The caller's avatar: their own upload's file id, or null for none. */
  setAvatar: (fileId: string | null) => callCloud('sales', 'setAvatar', { fileId }),
};

export const adminApi = {
  dashboard: (from?: string, to?: string) => callCloud('admin', 'dashboard', { from, to }),
  queues: () => callCloud('admin', 'queues', {}),
  promotionHealth: () => callCloud('admin', 'promotionHealth', {}),
  referrals: (cursor?: string) => callCloud('admin', 'referrals', { cursor }),
  reviewReferral: (rewardId: string, approve: boolean, note?: string) => callCloud('admin', 'reviewReferral', { rewardId, approve, note }),
  exportCsv: (req: ExportRequest) => callCloud('admin', 'export', req),
};

export const payoutApi = {
  mine: (cursor?: string) => callCloud('payout', 'mine', { cursor }),
  request: (amountFen: number) => callCloud('payout', 'request', { amountFen }),
  cancel: (payoutId: string) => callCloud('payout', 'cancel', { payoutId }),
  queue: (status?: PayoutStatus, cursor?: string) => callCloud('payout', 'queue', { status, cursor }),
  review: (payoutId: string, approve: boolean, note?: string) => callCloud('payout', 'review', { payoutId, approve, note }),
  markPaid: (payoutId: string, reference: string) => callCloud('payout', 'markPaid', { payoutId, reference }),
};

/** Back office (ops, boss): products, prices, stock. */
export const catalogApi = {
  list: (cursor?: string, status?: CatalogProduct['status']) => callCloud('catalog', 'list', { cursor, status }),
  get: (productId: string) => callCloud('catalog', 'get', { productId }),
  save: (fields: ProductSave, idempotencyKey: string) => callCloud('catalog', 'save', { ...fields, idempotencyKey }),
  setStatus: (productId: string, status: CatalogProduct['status']) => callCloud('catalog', 'setStatus', { productId, status }),
  adjustStock: (skuId: string, deltaQty: number, reason: string, idempotencyKey: string) => callCloud('catalog', 'adjustStock', { skuId, deltaQty, reason, idempotencyKey }),
};

/** The sales team: invitations and deactivation (boss); accepting an invitation (anyone). */
export const teamApi = {
  invite: (uses: number, expiresInDays: number, idempotencyKey: string) => callCloud('team', 'invite', { uses, expiresInDays, idempotencyKey }),
  invites: (cursor?: string) => callCloud('team', 'invites', { cursor }),
  acceptInvite: (code: string, name: string, title: string) => callCloud('team', 'acceptInvite', { code, name, title }),
  members: (cursor?: string) => callCloud('team', 'members', { cursor }),
  deactivate: (salesId: string, heirId: string) => callCloud('team', 'deactivate', { salesId, heirId }),
};

/** training.courses: my assigned courses and whether my shelf is live. */
export type TrainingCourses = Reply<'training', 'courses'>;
/** A course in my list, with my standing. */
export type CourseCard = TrainingCourses['courses'][number];
/** training.course: the outline, my standing, the quiz without its answers. */
export type CourseDetail = Reply<'training', 'course'>;
/** training.lesson. */
export type LessonView = Reply<'training', 'lesson'>;
/** A quiz answer sheet. */
export type QuizAnswers = Event<'training', 'submitQuiz'>['answers'];
/** training.submitQuiz: this attempt and my standing after it. */
export type QuizResult = Reply<'training', 'submitQuiz'>;
/** training.report. */
export type TrainingReport = Reply<'training', 'report'>;
/** me.profile. */
export type MyProfile = Reply<'me', 'profile'>;

export const trainingApi = {
  courses: () => callCloud('training', 'courses', {}),
  course: (courseId: string) => callCloud('training', 'course', { courseId }),
  lesson: (courseId: string, lessonId: string) => callCloud('training', 'lesson', { courseId, lessonId }),
  /** Marks a lesson done (safe to repeat). */
  progress: (courseId: string, lessonId: string) => callCloud('training', 'progress', { courseId, lessonId }),
  /** `attemptKey`: one per answer sheet, kept across retries of the same submit (counted once). */
  submitQuiz: (courseId: string, answers: QuizAnswers, attemptKey: string) => callCloud('training', 'submitQuiz', { courseId, answers, attemptKey }),
  report: (courseId?: string, cursor?: string) => callCloud('training', 'report', { courseId, cursor }),
};

export const meApi = {
  profile: () => callCloud('me', 'profile', {}),
  /** `avatarFileId` omitted: the avatar stays as it is. */
  saveProfile: (nickname: string, avatarFileId?: string) => callCloud('me', 'saveProfile', { nickname, avatarFileId }),
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

/** bargain.get / start / help: a bargain as its page shows it. */
export type BargainView = Reply<'bargain', 'get'>;

export const bargainApi = {
  offer: (productId: string) => callCloud('bargain', 'offer', { productId }),
  start: (productId: string, skuId: string) => callCloud('bargain', 'start', { productId, skuId }),
  help: (bargainId: string) => callCloud('bargain', 'help', { bargainId }),
  get: (bargainId: string) => callCloud('bargain', 'get', { bargainId }),
  buy: (bargainId: string, idempotencyKey: string, addressId?: string) => callCloud('bargain', 'buy', { bargainId, idempotencyKey, addressId }),
};
