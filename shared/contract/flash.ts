/**
 * `flash`: flash sales (秒杀). `list` shows what is on and coming (countdown, units left), `buy`
 * takes one unit and makes its order (then `order.pay`), `remind` asks for a subscribe message
 * when a sale starts.
 */
import { z } from 'zod';
import { defineContract } from './define';
import { count, fen, idField, idempotencyKeyField, instant } from './fields';
import { orderViewSchema } from './order-view';

/** One flash sale as the shelf shows it, for the caller. */
export const flashSaleViewSchema = z.strictObject({
  flashId: z.string(),
  title: z.string(),
  productId: z.string(),
  skuId: z.string(),
  flashPriceFen: fen,
  listPriceFen: fen,
  quantity: count,
  /** Units not taken (held by an unpaid order or sold): the shelf's "N left". */
  remaining: count,
  perUserLimit: count,
  newCustomersOnly: z.boolean(),
  startAt: instant,
  endAt: instant,
  phase: z.enum(['upcoming', 'live', 'sold_out', 'ended']),
  /** Units the caller holds or bought. */
  mine: count,
});

/** The actions of `flash`. */
export const flash = defineContract({
  /**
   * Sales that are on or coming (active, not ended), soonest first; at most 20. `now` is the
   * cloud's clock: the app counts down from it, not from the phone's.
   */
  list: {
    input: {},
    reply: z.strictObject({ sales: z.array(flashSaleViewSchema), now: instant }),
  },
  /** One unit at the flash price: an order to pay (`order.pay`) before its deadline, or the refusal's code. */
  buy: {
    input: { flashId: idField, idempotencyKey: idempotencyKeyField, addressId: idField.optional() },
    reply: orderViewSchema,
  },
  /** A reminder at the sale's start (a subscribe message, once per sale and customer). */
  remind: {
    input: { flashId: idField },
    reply: z.strictObject({ flashId: z.string(), remindAt: instant }),
  },
});
