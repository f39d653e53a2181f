/**
 * flash: flash sales (秒杀) — list / buy / remind. A buy is an order whose reservations begin with
 * one unit of the sale, taken by ONE guarded write on the sale's document (its `taken` count and
 * the caller's entry in `buyers`, both guarded): see docs/flash.md.
 */
import { action, defineFunction } from '../_platform';
import { flash as contract } from '../../shared/contract';
import { createOrder } from '../_commerce/orders/create-order';
import { orderView } from '../_commerce/orders/view';
import { listFlashSales } from './list';
import { remindFlashSale } from './remind';

export const main = defineFunction('flash', {
  list: action(contract.list)({
    run: (_input, ctx) => listFlashSales(ctx),
  }),

  buy: action(contract.buy)({
    // The caller is read in the sale's aggregate and registered only when a unit is taken.
    loadCaller: false,
    run: async (input, ctx) => orderView(await createOrder(ctx, input)),
  }),

  remind: action(contract.remind)({
    run: (input, ctx) => remindFlashSale(ctx, input.flashId),
  }),
});
