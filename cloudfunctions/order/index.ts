/**
 * order: create / quote / pay / cancel / refund (staff) / list / get / confirmReceipt /
 * messageTemplates. Thin: parse, load, decide with shared/, write atomically, answer. See
 * docs/commerce.md for round trips per action.
 */
import { AppError, action, defineFunction, store, type ActionContext } from '../_platform';
import { order as contract } from '../../shared/contract';
import { chooseBestCoupon, type Coupon } from '../../shared/coupons';
import { decideStartPayment } from '../../shared/lifecycle';
import type { Order } from '../../shared/orders';
import { priceCart } from '../../shared/pricing';
import { decideDelivery } from '../../shared/shipping';
import { createOrder } from '../_commerce/orders/create-order';
import { prepareCart } from '../_commerce/orders/prepare';
import { releaseOrder } from '../_commerce/orders/release-order';
import { refundOrder } from '../_commerce/orders/refund-order';
import { confirmReceipt } from '../_commerce/orders/confirm-receipt';
import { templatesFor } from '../_commerce/message-templates';
import { orderView } from '../_commerce/orders/view';
import { deliver } from '../_commerce/outbox';
import { paymentPort } from '../_commerce/payment';
import type { Team } from '../../shared/groupbuy';

async function loadOwnOrder(ctx: ActionContext, orderId: string, staffMayRead = false): Promise<Order> {
  const order = await store.getById<Order>('orders', orderId);
  const staff = staffMayRead && (ctx.user.role === 'boss' || ctx.user.role === 'ops');
  if (!order || (order.buyerOpenid !== ctx.openid && !staff)) throw new AppError('NOT_FOUND', `no order ${orderId}`);
  return order;
}

export const main = defineFunction('order', {
  create: action(contract.create)({
    run: async (input, ctx) => orderView(await createOrder(ctx, input)),
  }),

  quote: action(contract.quote)({
    run: async (input, ctx) => {
      const [read, coupons] = await Promise.all([
        prepareCart(ctx, input),
        store.find<Coupon>('coupons', { ownerOpenid: ctx.openid, status: 'unused' }, { limit: 100 }),
      ]);
      const { cart } = read;
      const delivery = decideDelivery({ ...read, addressId: input.addressId, requireAddress: false });
      const isGroupOrder = cart.terms !== null;
      const dealAllowsCoupon = cart.terms?.allowCoupon === true;
      const { best, options } = chooseBestCoupon(cart.lines, coupons, ctx.now, {
        isGroupOrder,
        dealAllowsCoupon,
        activityDiscountFen: cart.activityDiscountFen,
        shipping: delivery.shipping,
      });
      let chosen = best ? coupons.find((c) => c._id === best.couponId) ?? null : null;
      if (input.couponId === null) chosen = null;
      else if (input.couponId !== undefined) {
        chosen = coupons.find((c) => c._id === input.couponId) ?? null;
        const option = options.find((o) => o.couponId === input.couponId);
        if (!chosen || !option?.applicable) throw new AppError('NOT_ELIGIBLE', 'this coupon does not apply to this cart');
      }
      const priced = priceCart({ lines: cart.lines, activityDiscountFen: cart.activityDiscountFen, coupon: chosen, shipping: delivery.shipping });
      return {
        ...priced,
        freeShippingOverFen: delivery.shipping.freeOverFen,
        shipsGoods: read.shipsGoods,
        address: delivery.address,
        couponId: chosen?._id ?? null,
        bestCoupon: best,
        coupons: options,
        dealTerms: cart.terms,
      };
    },
  }),

  pay: action(contract.pay)({
    run: async (input, ctx) => {
      const order = await loadOwnOrder(ctx, input.orderId);
      decideStartPayment(order, order.teamId ? ((await store.getById<Team>('teams', order.teamId)) ?? null) : null, ctx.now);
      // The same order asks for the same charge again (WeChat Pay answers the same prepay): a retry is safe.
      const charge = await paymentPort().startCharge({
        orderId: order._id,
        totalFen: order.totalFen,
        body: order.lines.map((l) => l.title).join(', ').slice(0, 120),
        buyerOpenid: order.buyerOpenid,
      });
      return { orderId: order._id, outTradeNo: charge.outTradeNo, payment: charge.payment };
    },
  }),

  cancel: action(contract.cancel)({
    run: async (input, ctx) => {
      const order = await loadOwnOrder(ctx, input.orderId);
      const outcome = await releaseOrder(ctx, order, { type: 'cancel' });
      if (outcome === 'paid') throw new AppError('FAILED_PRECONDITION', 'the order was paid meanwhile: it is kept');
      if (outcome === 'lost') throw new AppError('FAILED_PRECONDITION', 'the order changed meanwhile (paid or closed)');
      return { orderId: order._id, status: 'cancelled' };
    },
  }),

  // Buyers ask through `aftersale` (within the window, reviewed); staff may refund at once.
  refund: action(contract.refund)({
    access: ['ops', 'boss'],
    run: async (input, ctx) => {
      const r = await refundOrder(ctx, input.orderId, input.lineIds, input.reason ?? 'staff_refund');
      await deliver(ctx, r.order);
      return {
        orderId: input.orderId,
        refundId: r.refund._id,
        refundFen: r.refund.refundFen,
        refundStatus: r.refund.status,
        status: r.order.status,
        refundedFen: r.order.refundedFen,
      };
    },
  }),

  list: action(contract.list)({
    run: async (input, ctx) => {
      const where: Record<string, unknown> = { buyerOpenid: ctx.openid };
      if (input.status) where.status = input.status;
      const page = await store.findPage<Order>('orders', where, { orderBy: ['createdAt', 'desc'], limit: input.limit ?? 20, cursor: input.cursor });
      return { orders: page.items.map(orderView), nextCursor: page.nextCursor };
    },
  }),

  get: action(contract.get)({
    run: async (input, ctx) => orderView(await loadOwnOrder(ctx, input.orderId, true)),
  }),

  confirmReceipt: action(contract.confirmReceipt)({
    run: async (input, ctx) => orderView((await confirmReceipt(ctx, await loadOwnOrder(ctx, input.orderId), 'buyer')).order),
  }),

  messageTemplates: action(contract.messageTemplates)({
    run: async (input, ctx) => ({ templateIds: await templatesFor(ctx, input.moment) }),
  }),
});
