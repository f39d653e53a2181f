import { action, AppError, store } from '../_platform';
import { bargain as contract } from '../../shared/contract';
import { decideOrder, releaseChange, type Bargain } from '../../shared/bargain';
import { applyChange } from '../_commerce/effects';
import { createOrder, orderIdOf } from '../_commerce/orders/create-order';
import { orderView } from '../_commerce/orders/view';

/**
 * bargain.buy {bargainId, idempotencyKey, addressId?}: the starter's one order at the reached
 * price. The bargain moves to `ordered` with the order's id first (guarded: still open, before the
 * deadline, no help counted since the price was read), then the core's order creation makes the
 * order (stock reserved, paid as any order); an order that cannot be made gives the bargain back.
 * A repeat with the same key finds the bargain holding its order and answers that order.
 * Round trips: caller + bargain + the move + order.create's (no coupon on a bargain order).
 */
export const buy = action(contract.buy)({
  async run(input, ctx) {
    const bargain = await store.getById<Bargain>('bargains', input.bargainId);
    if (!bargain) throw new AppError('NOT_FOUND', `no bargain ${input.bargainId}`);
    const orderId = orderIdOf(ctx.openid, input.idempotencyKey);
    const { change, priceFen } = decideOrder(bargain, ctx.openid, orderId, ctx.now);
    if (change && !(await applyChange(change))) {
      const again = await store.getById<Bargain>('bargains', input.bargainId);
      if (!again || decideOrder(again, ctx.openid, orderId, ctx.now).change) throw new AppError('CONFLICT', 'the bargain changed meanwhile, please retry');
    }
    try {
      const order = await createOrder(ctx, {
        items: [{ productId: bargain.productId, skuId: bargain.skuId, qty: 1 }],
        addressId: input.addressId,
        idempotencyKey: input.idempotencyKey,
        fixedPrice: { skuId: bargain.skuId, unitPriceFen: priceFen, bargainId: bargain._id },
      });
      return orderView(order);
    } catch (err) {
      if (change) await applyChange(releaseChange(bargain, orderId, ctx.now));
      throw err;
    }
  },
});
