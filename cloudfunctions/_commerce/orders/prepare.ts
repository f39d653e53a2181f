/**
 * Reads everything an order (or a quote) needs in parallel and decides its lines and price with
 * shared/ rules. No writes.
 */
import { AppError, type ActionContext } from '../../_platform';
import { isCouponUsable, type Coupon } from '../../../shared/coupons';
import { decideJoin, type Team } from '../../../shared/groupbuy';
import { KEPT_STATUSES, type DealTerms } from '../../../shared/orders';
import { priceCart, type CartLine, type PricedCart } from '../../../shared/pricing';
import { dealTermsOf, loadActiveDeal } from '../promotions';
import { cmd, col, findByIds, getById } from '../store';

/** One requested item. */
export interface ItemInput {
  productId: string;
  skuId?: string;
  qty: number;
}

/** What the customer asks to buy: items, a new team of a deal, or a seat in a team. */
export interface CartRequest {
  items?: ItemInput[];
  dealId?: string;
  teamId?: string;
}

export interface SkuDoc {
  _id: string;
  productId: string;
  name: string;
  priceFen: number;
  listPriceFen: number;
  stock: number;
}

interface ProductDoc {
  _id: string;
  title: string;
  status: string;
  images?: string[];
}

/** The decided cart. */
export interface PreparedCart {
  mode: 'items' | 'open' | 'join';
  lines: CartLine[];
  activityDiscountFen: number;
  terms: DealTerms | null;
  team: Team | null;
  /** Priced without a coupon. */
  base: PricedCart;
}

export function cartMode(req: CartRequest): PreparedCart['mode'] {
  const given = [req.items !== undefined, req.dealId !== undefined, req.teamId !== undefined].filter(Boolean).length;
  if (given !== 1) throw new AppError('INVALID_ARGUMENT', 'items, dealId, teamId: give exactly one');
  return req.items !== undefined ? 'items' : req.dealId !== undefined ? 'open' : 'join';
}

/**
 * Loads products, SKUs and the deal/team; checks the products are on sale, stock suffices (a
 * pre-check: the atomic reservation happens on write) and the team can be joined.
 */
export async function prepareCart(ctx: ActionContext, req: CartRequest): Promise<PreparedCart> {
  const mode = cartMode(req);
  let terms: DealTerms | null = null;
  let team: Team | null = null;
  let items: Array<{ productId: string; skuId?: string; qty: number }>;
  if (mode === 'open') {
    terms = dealTermsOf(await loadActiveDeal(req.dealId as string, ctx.now));
    items = [{ productId: terms.productId, skuId: terms.skuId, qty: 1 }];
  } else if (mode === 'join') {
    team = (await getById<Team>('teams', req.teamId as string)) ?? null;
    if (!team) throw new AppError('NOT_FOUND', `no team ${req.teamId}`);
    terms = team.terms;
    items = [{ productId: terms.productId, skuId: terms.skuId, qty: 1 }];
  } else {
    items = req.items as ItemInput[];
    if (items.length === 0) throw new AppError('INVALID_ARGUMENT', 'items: at least one item');
  }

  const productIds = [...new Set(items.map((i) => i.productId))];
  const [products, skusByProduct] = await Promise.all([
    findByIds<ProductDoc>('products', productIds),
    loadSkus(items),
  ]);
  const productById = new Map(products.map((p) => [p._id, p]));

  const lines: CartLine[] = items.map((item, index) => {
    const product = productById.get(item.productId);
    if (!product || product.status !== 'on') throw new AppError('NOT_FOUND', `product ${item.productId} is not on sale`);
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
      unitPriceFen: terms ? terms.groupPriceFen : sku.priceFen,
      listPriceFen: terms ? sku.priceFen : sku.listPriceFen,
    };
  });
  const dupSku = lines.find((l, i) => lines.findIndex((m) => m.skuId === l.skuId) !== i);
  if (dupSku) throw new AppError('INVALID_ARGUMENT', `items: sku ${dupSku.skuId} is listed twice`);

  const activityDiscountFen = mode === 'open' && terms?.leaderPerk ? terms.leaderPerk.amountOffFen : 0;
  return { mode, lines, activityDiscountFen, terms, team, base: priceCart({ lines, activityDiscountFen }) };
}

async function loadSkus(items: Array<{ productId: string; skuId?: string }>): Promise<SkuDoc[]> {
  const _ = cmd();
  const named = items.filter((i) => i.skuId).map((i) => i.skuId as string);
  const unnamed = items.filter((i) => !i.skuId).map((i) => i.productId);
  if (unnamed.length === 0) return findByIds<SkuDoc>('skus', named);
  const or = [...(named.length ? [{ _id: _.in(named) }] : []), { productId: _.in([...new Set(unnamed)]) }];
  const res = await col('skus').where(or.length === 1 ? or[0] : _.or(or)).limit(200).get();
  return ((res as { data?: unknown[] }).data ?? []) as SkuDoc[];
}

/** Joiner checks that need the team: state, seats, eligibility (one count read for new-customer deals). */
export async function checkJoin(ctx: ActionContext, team: Team, joinerSalesId: string | null): Promise<void> {
  let isNewCustomer = true;
  if (team.terms.joinEligibility === 'new_customers') {
    const res = await col('orders')
      .where({ buyerOpenid: ctx.openid, status: cmd().in([...KEPT_STATUSES, 'refunded']) })
      .count();
    isNewCustomer = Number((res as { total?: number }).total ?? 0) === 0;
  }
  decideJoin(team, { openid: ctx.openid, salesId: joinerSalesId, isNewCustomer }, ctx.now);
}

/** Loads a coupon the caller wants to use and checks it is theirs and usable now. */
export async function loadUsableCoupon(ctx: ActionContext, couponId: string): Promise<Coupon> {
  const coupon = await getById<Coupon>('coupons', couponId);
  if (!coupon || coupon.ownerOpenid !== ctx.openid) throw new AppError('NOT_FOUND', `no coupon ${couponId}`);
  if (!isCouponUsable(coupon, ctx.now)) throw new AppError('FAILED_PRECONDITION', `coupon is ${coupon.status === 'unused' ? 'outside its validity' : coupon.status}`);
  return coupon;
}
