/**
 * Reads everything an order (or a quote) needs in parallel and decides its lines and price with
 * shared/ rules. No writes.
 */
import { AppError, store, type ActionContext, type UserDoc } from '../../_platform';
import { assertOnSale } from '../../../shared/catalog';
import type { AddressBook } from '../../../shared/address';
import { isCouponUsable, type Coupon } from '../../../shared/coupons';
import { decideJoin, type Team } from '../../../shared/groupbuy';
import { dealTermsOf, KEPT_STATUSES, type DealTerms } from '../../../shared/orders';
import type { PreparedCart } from '../../../shared/lifecycle';
import type { CartLine } from '../../../shared/pricing';
import { readShippingRules, SHIPPING_RULES_ID, type ShippingRulesRead } from '../../../shared/shipping';
import { decideFlashBuy, type FlashTerms } from '../../../shared/flash';
import { activeDealOf, flashSaleOf } from '../promotions';

/** One requested item. */
export interface ItemInput {
  productId: string;
  skuId?: string;
  qty: number;
}

/** What the customer asks to buy: items, a new team of a deal, a seat in a team, or a flash sale's unit. */
export interface CartRequest {
  items?: ItemInput[];
  dealId?: string;
  teamId?: string;
  flashId?: string;
}

/** A stored SKU (the same document the shelf presents). */
export type { SkuDoc } from '../../../shared/shelf/present';
import type { SkuDoc } from '../../../shared/shelf/present';

interface ProductDoc {
  _id: string;
  title: string;
  status: string;
  images?: string[];
  /** False for a product that needs no delivery (a voucher, a service); absent: it ships. */
  ships?: boolean;
}

/** A cart as read, with what its delivery is decided from (shared/shipping `decideDelivery`). */
export interface CheckoutRead {
  cart: PreparedCart;
  /** Some line's product needs delivery. */
  shipsGoods: boolean;
  rules: ShippingRulesRead;
  /** The caller's address book (null: none yet). */
  book: AddressBook | null;
  /**
   * A flash buy only (its action skips the platform's caller load): the caller's user document,
   * read in the sale's aggregate (null: not registered yet).
   */
  caller?: UserDoc | null;
}

function cartMode(req: CartRequest): PreparedCart['mode'] {
  const given = [req.items !== undefined, req.dealId !== undefined, req.teamId !== undefined, req.flashId !== undefined].filter(Boolean).length;
  if (given !== 1) throw new AppError('INVALID_ARGUMENT', 'items, dealId, teamId: give exactly one');
  if (req.flashId !== undefined) return 'flash';
  return req.items !== undefined ? 'items' : req.dealId !== undefined ? 'open' : 'join';
}

/**
 * Loads products, SKUs and the deal/team; checks the products are on sale, stock suffices (a
 * pre-check: the atomic reservation happens on write) and the team can be joined. One round trip:
 * an aggregate from the SKUs (items), the deal or the team that joins the rest — with the
 * shipping rules and the caller's address book looked up by id in the same aggregate.
 */
export async function prepareCart(ctx: ActionContext, req: CartRequest, opts: { flashTaken?: boolean } = {}): Promise<CheckoutRead> {
  const mode = cartMode(req);
  let terms: DealTerms | null = null;
  let team: Team | null = null;
  let flash: FlashTerms | null = null;
  let unitPriceFen: number | null = null;
  let items: Array<{ productId: string; skuId?: string; qty: number }>;
  let catalog: Catalog;
  if (mode === 'open') {
    const row = await loadWithCatalog(ctx.openid, 'group_deals', req.dealId as string, 'skuId', 'productId');
    terms = dealTermsOf(activeDealOf(row?.doc, req.dealId as string, ctx.now));
    catalog = row as Catalog;
    items = [{ productId: terms.productId, skuId: terms.skuId, qty: 1 }];
  } else if (mode === 'join') {
    const row = await loadWithCatalog(ctx.openid, 'teams', req.teamId as string, 'terms.skuId', 'terms.productId');
    if (!row) throw new AppError('NOT_FOUND', `no team ${req.teamId}`);
    team = row.doc as unknown as Team;
    terms = team.terms;
    catalog = row;
    items = [{ productId: terms.productId, skuId: terms.skuId, qty: 1 }];
  } else if (mode === 'flash') {
    const row = await loadWithCatalog(ctx.openid, 'flash_sales', req.flashId as string, 'skuId', 'productId', true);
    const sale = flashSaleOf(row?.doc, req.flashId as string);
    // Taken already (createOrder's guarded write decided the buy): the sale now lists this order.
    flash = opts.flashTaken
      ? { flashId: sale._id, quantity: sale.quantity, perUserLimit: sale.perUserLimit }
      : decideFlashBuy(sale, { openid: ctx.openid, isNewCustomer: !sale.newCustomersOnly || (await isNewCustomer(ctx.openid)) }, ctx.now);
    unitPriceFen = sale.flashPriceFen;
    catalog = row as Catalog;
    items = [{ productId: sale.productId, skuId: sale.skuId, qty: 1 }];
  } else {
    items = req.items as ItemInput[];
    if (items.length === 0) throw new AppError('INVALID_ARGUMENT', 'items: at least one item');
    catalog = await loadItemsCatalog(ctx.openid, items);
  }

  const productById = new Map(catalog.products.map((p) => [p._id, p]));
  const skusByProduct = catalog.skus;

  const lines: CartLine[] = items.map((item, index) => {
    const product = assertOnSale(productById.get(item.productId), item.productId);
    const skus = skusByProduct.filter((s) => s.productId === item.productId);
    const sku = item.skuId ? skus.find((s) => s._id === item.skuId) : skus.length === 1 ? skus[0] : undefined;
    if (!sku) {
      throw new AppError(item.skuId ? 'NOT_FOUND' : 'INVALID_ARGUMENT', item.skuId ? `no sku ${item.skuId} of ${item.productId}` : `items.${index}.skuId: ${item.productId} has several SKUs, name one`);
    }
    if (sku.stock < item.qty) throw new AppError('SOLD_OUT', `sku ${sku._id} has ${sku.stock} left`);
    return {
      lineId: `L${index + 1}`,
      productId: product._id,
      skuId: sku._id,
      title: product.title,
      skuName: sku.name,
      qty: item.qty,
      unitPriceFen: unitPriceFen ?? (terms ? terms.groupPriceFen : sku.priceFen),
      listPriceFen: terms || unitPriceFen !== null ? sku.priceFen : sku.listPriceFen,
    };
  });
  const dupSku = lines.find((l, i) => lines.findIndex((m) => m.skuId === l.skuId) !== i);
  if (dupSku) throw new AppError('INVALID_ARGUMENT', `items: sku ${dupSku.skuId} is listed twice`);

  const activityDiscountFen = mode === 'open' && terms?.leaderPerk ? terms.leaderPerk.amountOffFen : 0;
  return {
    cart: { mode, lines, activityDiscountFen, terms, team, flash },
    shipsGoods: lines.some((l) => productById.get(l.productId)?.ships !== false),
    rules: readShippingRules(catalog.shipping),
    book: catalog.book ?? null,
    ...(mode === 'flash' ? { caller: catalog.caller ?? null } : {}),
  };
}

interface Catalog {
  skus: SkuDoc[];
  products: ProductDoc[];
  /** `settings/shipping` as stored (undefined: none). */
  shipping?: unknown;
  book?: AddressBook;
  caller?: UserDoc;
}

type CheckoutJoins = { _shipping?: unknown[]; _book?: AddressBook[] };

/** The shipping rules and the caller's address book, joined by id onto every row of a checkout aggregate. */
function joinCheckout<A extends { lookup(spec: object): A }>(agg: A, openid: string): A {
  const $ = store.command().aggregate;
  return agg
    .lookup({ from: 'settings', pipeline: $.pipeline().match({ _id: SHIPPING_RULES_ID }).limit(1).done(), as: '_shipping' })
    .lookup({ from: 'addresses', pipeline: $.pipeline().match({ _id: openid }).limit(1).done(), as: '_book' });
}

function checkoutOf(row: CheckoutJoins | undefined): Pick<Catalog, 'shipping' | 'book'> {
  return { shipping: row?._shipping?.[0], book: row?._book?.[0] };
}

/**
 * One document (a deal or a team) with the SKU and product it names, in one aggregate. The joined
 * arrays are taken off the document, so the deal is validated exactly as stored.
 */
async function loadWithCatalog(
  openid: string,
  collection: 'group_deals' | 'teams' | 'flash_sales',
  id: string,
  skuField: string,
  productField: string,
  withCaller = false,
): Promise<(Catalog & { doc: Record<string, unknown> }) | undefined> {
  const $ = store.command().aggregate;
  const base = store
    .aggregate(collection)
    .match({ _id: id })
    .limit(1)
    .lookup({ from: 'skus', localField: skuField, foreignField: '_id', as: '_catalogSkus' })
    .lookup({ from: 'products', localField: productField, foreignField: '_id', as: '_catalogProducts' });
  const agg = withCaller ? base.lookup({ from: 'users', pipeline: $.pipeline().match({ _id: openid }).limit(1).done(), as: '_caller' }) : base;
  const res = await joinCheckout(agg, openid).end();
  type Row = Record<string, unknown> & CheckoutJoins & { _catalogSkus?: SkuDoc[]; _catalogProducts?: ProductDoc[]; _caller?: UserDoc[] };
  const row = store.aggregateRows<Row>(res)[0];
  if (!row) return undefined;
  const { _catalogSkus, _catalogProducts, _shipping, _book, _caller, ...doc } = row;
  return { doc, skus: _catalogSkus ?? [], products: _catalogProducts ?? [], ...checkoutOf({ _shipping, _book }), caller: _caller?.[0] };
}

/** The SKUs of the cart's items (named, or all SKUs of a product named without one), each with its product: one aggregate. */
async function loadItemsCatalog(openid: string, items: Array<{ productId: string; skuId?: string }>): Promise<Catalog> {
  const _ = store.command();
  const named = [...new Set(items.filter((i) => i.skuId).map((i) => i.skuId as string))];
  const unnamed = [...new Set(items.filter((i) => !i.skuId).map((i) => i.productId))];
  const or = [...(named.length ? [{ _id: _.in(named) }] : []), ...(unnamed.length ? [{ productId: _.in(unnamed) }] : [])];
  const agg = store
    .aggregate('skus')
    .match(or.length === 1 ? or[0] : _.or(or))
    .limit(200)
    .lookup({ from: 'products', localField: 'productId', foreignField: '_id', as: '_catalogProducts' });
  const rows = store.aggregateRows<SkuDoc & CheckoutJoins & { _catalogProducts?: ProductDoc[] }>(await joinCheckout(agg, openid).end());
  const products = new Map<string, ProductDoc>();
  const skus = rows.map(({ _catalogProducts, _shipping: _s, _book: _b, ...sku }) => {
    for (const p of _catalogProducts ?? []) products.set(p._id, p);
    return sku;
  });
  return { skus, products: [...products.values()], ...checkoutOf(rows[0]) };
}

/** True when the customer has never paid an order (one count read). */
export async function isNewCustomer(openid: string): Promise<boolean> {
  return (await store.count('orders', { buyerOpenid: openid, status: store.command().in([...KEPT_STATUSES, 'refunded']) })) === 0;
}

/** Joiner checks that need the team: state, seats, eligibility (one count read for new-customer deals). */
export async function checkJoin(ctx: ActionContext, team: Team, joinerSalesId: string | null): Promise<void> {
  const isNew = team.terms.joinEligibility === 'new_customers' ? await isNewCustomer(ctx.openid) : true;
  decideJoin(team, { openid: ctx.openid, salesId: joinerSalesId, isNewCustomer: isNew }, ctx.now);
}

/** Loads a coupon the caller wants to use and checks it is theirs and usable now. */
export async function loadUsableCoupon(ctx: ActionContext, couponId: string): Promise<Coupon> {
  const coupon = await store.getById<Coupon>('coupons', couponId);
  if (!coupon || coupon.ownerOpenid !== ctx.openid) throw new AppError('NOT_FOUND', `no coupon ${couponId}`);
  if (!isCouponUsable(coupon, ctx.now)) throw new AppError('FAILED_PRECONDITION', `coupon is ${coupon.status === 'unused' ? 'outside its validity' : coupon.status}`);
  return coupon;
}
