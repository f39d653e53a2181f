/**
 * order.create / groupbuy.open / groupbuy.join: decide the order from fresh reads
 * (`decideCreateOrder`), insert it — the insert is the idempotency guard — then take its
 * reservations as steps with undos (team and seat, deal use, coupon, stock), each an atomic insert
 * or guarded update; only the request that made them all delivers its `OrderCreated`.
 */
import { AppError, newCustomerDoc, stableId, store, type ActionContext, type UserDoc } from '../../_platform';
import { attributeOrder } from '../../_growth/attribute-order';
import { decideCreateOrder, recordEvents, type NewOrderDecision, type PreparedCart } from '../../../shared/lifecycle';
import type { Order } from '../../../shared/orders';
import { decideFlashBuy, flashBuyerKey, FlashRefusal } from '../../../shared/flash';
import { flashSaleOf } from '../promotions';
import type { Attribution } from '../../../shared/growth';
import { decideDelivery } from '../../../shared/shipping';
import { eventsOf, reserve } from '../effects';
import { deliver } from '../outbox';
import { Steps } from '../steps';
import { orderPayTtlMs } from './config';
import { checkJoin, isNewCustomer, loadUsableCoupon, prepareCart, type CartRequest } from './prepare';

export interface CreateOrderInput extends CartRequest {
  couponId?: string;
  /** From the caller's address book; required when the order ships goods. */
  addressId?: string;
  /** The items come from the caller's cart: they leave it once the order is made. */
  fromCart?: boolean;
  shareId?: string;
  idempotencyKey: string;
  /**
   * A bargain's reached price for one SKU's line (the SKU's own price becomes the list price); the
   * order records the bargain, so releasing the order gives the bargain back.
   */
  fixedPrice?: FixedPrice;
}

/** A unit price decided by a bargain for one SKU's line. */
export interface FixedPrice {
  skuId: string;
  unitPriceFen: number;
  bargainId: string;
}

/** The id of the order `openid` creates with `idempotencyKey`. */
export function orderIdOf(openid: string, idempotencyKey: string): string {
  return `o${stableId('order', openid, idempotencyKey)}`;
}

/**
 * Inserts the order; false when an order with its id exists (a request with the same key). An
 * insert whose reply is lost is read back: it is ours when it carries this request's id.
 */
async function insertOrder(order: Order): Promise<boolean> {
  try {
    return await store.insertOnce('orders', order);
  } catch (err) {
    const stored = await store.getById<Order>('orders', order._id);
    if (!stored) throw err;
    return stored.createdBy === order.createdBy;
  }
}

/** Creates (or, for a repeated idempotencyKey, returns) the caller's order. */
export async function createOrder(ctx: ActionContext, input: CreateOrderInput): Promise<Order> {
  const orderId = orderIdOf(ctx.openid, input.idempotencyKey);
  const steps = new Steps();
  // A flash unit is taken before anything else is read: when thousands press at once, the refused
  // ones cost one document read (sold out, at the limit, not started) or, losing the race, the
  // sale's guarded write and the read naming the refusal — no catalogue, attribution or insert.
  // Without an address (a product that ships nothing, or a request refused for the missing
  // address with no write) the catalogue is read first and the unit taken after the decision.
  const isFlash = input.flashId !== undefined;
  const takeFirst = isFlash && input.addressId !== undefined;
  if (takeFirst) {
    const prior = await takeFlashUnit(ctx, input.flashId as string, orderId, steps);
    if (prior) return prior;
  }
  // No read of an existing order up front: the order insert is the idempotency guard, and a
  // refusal below first looks for the order a previous request with this key made.
  const [read, coupon, attributed] = await Promise.all([
    prepareCart(ctx, input, { flashTaken: takeFirst }).catch((err: unknown) => err as Error),
    input.couponId ? loadUsableCoupon(ctx, input.couponId).catch((err: unknown) => err as Error) : Promise.resolve(null),
    isFlash ? Promise.resolve(UNATTRIBUTED) : attributeOrder(ctx, ctx.user, input.shareId),
  ]);
  let decision: NewOrderDecision;
  try {
    if (read instanceof Error) throw read;
    if (coupon instanceof Error) throw coupon;
    const cart = input.fixedPrice ? withFixedPrice(read.cart, input.fixedPrice) : read.cart;
    const delivery = decideDelivery({ ...read, addressId: input.addressId, requireAddress: true });
    if (cart.mode === 'join' && cart.team) await checkJoin(ctx, cart.team, attributed.salesId);
    // A flash buyer (whom the platform did not load) is attributed now that the unit is theirs.
    const attribution = isFlash ? await attributeFlashBuyer(ctx, read.caller ?? null, input.shareId) : attributed;
    decision = decideCreateOrder({
      orderId,
      buyerOpenid: ctx.openid,
      idempotencyKey: input.idempotencyKey,
      cart,
      coupon,
      delivery,
      attribution,
      newTeamId: `t${ctx.newId(11)}`,
      now: ctx.now,
      payDeadlineAt: new Date(ctx.now.getTime() + orderPayTtlMs()),
    });
  } catch (err) {
    // The flash unit taken above was this request's (its guard refuses a repeat): it goes back.
    await steps.compensate(ctx.requestId);
    // A repeated request returns the first one's order, even if stock, seat or coupon are gone since.
    const existing = takeFirst ? null : await priorOrder(err, orderId);
    if (existing) return existing;
    throw err;
  }
  const lateTake = takeFirst ? undefined : decision.effects.find((e) => e.type === 'takeFlash');
  if (lateTake) {
    try {
      await reserve(ctx, lateTake, steps);
    } catch (err) {
      const existing = await priorOrder(err, orderId);
      if (existing) return existing;
      throw err;
    }
  }

  // The order is inserted with its OrderCreated event in its outbox: if the reservations fail, the
  // undo removes both; if the request dies after them, the sweep delivers the event.
  const order: Order = { ...decision.order, createdBy: ctx.requestId, ...recordEvents(decision.order, eventsOf(decision.effects)) };
  const reservations = decision.effects.filter((e) => e.type !== 'emit' && e.type !== 'takeFlash');
  if (!(await insertOrder(order))) {
    await steps.compensate(ctx.requestId);
    // A concurrent request with the same key won: answer with its order.
    const winner = await store.getById<Order>('orders', orderId);
    if (winner) return winner;
    throw new AppError('CONFLICT', 'the same order is being created, please retry');
  }
  await steps.run('order', async () => undefined, () => store.removeById('orders', orderId));
  try {
    for (const effect of reservations) await reserve(ctx, effect, steps);
  } catch (err) {
    await steps.compensate(ctx.requestId);
    throw err;
  }
  // Only the request that won the insert and reserved everything reaches here.
  const delivered = (await deliver(ctx, order)).order;
  if (input.fromCart) await takeOutOfCart(ctx, order.lines.map((l) => l.skuId));
  return delivered;
}

/**
 * Decides a flash buy from the sale's document alone and takes its unit (ONE guarded write on the
 * sale, undone by `steps`). Returns the order of a repeated request (the sale lists its id), else
 * null once the unit is taken; throws the refusal.
 */
async function takeFlashUnit(ctx: ActionContext, flashId: string, orderId: string, steps: Steps): Promise<Order | null> {
  try {
    // Not the sale's take records (the sweep's, growing with every take): every refused buyer of
    // a burst reads this document.
    const sale = flashSaleOf(await store.getById<unknown>('flash_sales', flashId, { takes: false }), flashId);
    const isNew = !sale.newCustomersOnly || (await isNewCustomer(ctx.openid));
    const { quantity, perUserLimit } = decideFlashBuy(sale, { openid: ctx.openid, isNewCustomer: isNew }, ctx.now);
    await reserve(ctx, { type: 'takeFlash', flashId, buyerKey: flashBuyerKey(ctx.openid), orderId, quantity, perUserLimit }, steps);
    return null;
  } catch (err) {
    const existing = await priorOrder(err, orderId);
    if (existing) return existing;
    throw err;
  }
}

/**
 * The order a previous request with this key made, or null. A flash refusal names the caller's
 * orders the sale lists: without this order among them there is nothing to look up.
 */
async function priorOrder(err: unknown, orderId: string): Promise<Order | null> {
  if (err instanceof FlashRefusal && !err.orderIds.includes(orderId)) return null;
  return (await store.getById<Order>('orders', orderId)) ?? null;
}

const UNATTRIBUTED: Attribution = { salesId: null, shareId: null, rootShareId: null, depth: 0, referrerOpenid: null, experiments: {}, campaign: null };

/**
 * Attributes a flash order whose unit is taken: the caller as read in the sale's aggregate, or —
 * a first-time caller, whom `flash.buy` (no platform caller load) has not registered — registered
 * now, in parallel with the attribution reads.
 */
async function attributeFlashBuyer(ctx: ActionContext, caller: UserDoc | null, shareId?: string): Promise<Attribution> {
  const buyer = caller ?? newCustomerDoc(ctx.openid, ctx.now);
  const [, attribution] = await Promise.all([caller ? true : store.insertOnce('users', buyer), attributeOrder(ctx, buyer, shareId)]);
  return attribution;
}

function withFixedPrice(cart: PreparedCart, fixed: FixedPrice): PreparedCart {
  return { ...cart, bargainId: fixed.bargainId, lines: cart.lines.map((l) => (l.skuId === fixed.skuId ? { ...l, listPriceFen: l.unitPriceFen, unitPriceFen: fixed.unitPriceFen } : l)) };
}

/** The ordered SKUs leave the caller's cart (one write; nothing when they are not in it). */
async function takeOutOfCart(ctx: ActionContext, skuIds: string[]): Promise<void> {
  const _ = store.command();
  await store.updateById('carts', ctx.openid, { items: _.pull({ skuId: _.in(skuIds) }), updatedAt: ctx.now });
}
