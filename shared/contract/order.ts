/**
 * `order`: the one door for every order — plain (`items`), a new team of a group deal (`dealId`) or
 * a seat in a team (`teamId`) — each with a coupon where the rules allow it; then pay, cancel,
 * refund, list, get. `quote` prices the same request without writing anything.
 */
import { z } from 'zod';
import { REFUND_STATUSES } from '../lifecycle/tables';
import { MESSAGE_MOMENTS, type MessageMoment } from '../settings/fulfilment';
import { couponOptionSchema } from './coupon-terms';
import { dealTermsSchema } from './deal-terms';
import { defineContract } from './define';
import { addressSnapshotSchema } from './address';
import { cursorField, fen, idField, idempotencyKeyField, nextCursorField, orderFiguresFields } from './fields';
import { orderStatusField, orderViewSchema, pricedLineSchema } from './order-view';

/**
 * The parameters of `wx.requestPayment` as cloudPay.unifiedOrder answers them (`appId` besides the
 * five the pay sheet needs); loose: whatever else WeChat Pay adds is passed on untouched.
 */
export const requestPaymentSchema = z.looseObject({ timeStamp: z.string(), nonceStr: z.string(), package: z.string(), signType: z.string(), paySign: z.string() });

/** One cart item. Quantities are positive integers. */
export const itemSchema = z.strictObject({ productId: idField, skuId: idField.optional(), qty: z.number().int().positive().max(99) });

/** What to buy: exactly one of `items`, `dealId` (open a team) or `teamId` (join one), and maybe a coupon. */
export const cartFields = {
  items: z.array(itemSchema).min(1).max(20).optional(),
  dealId: idField.optional(),
  teamId: idField.optional(),
  couponId: idField.optional(),
};

/** The actions of `order`. */
export const order = defineContract({
  /** Creates (or, for a repeated idempotency key, returns) the caller's order; a group order reserves its seat. */
  create: {
    input: {
      ...cartFields,
      /** From the caller's address book; required unless nothing in the order ships. */
      addressId: idField.optional(),
      /** The items come from the caller's cart: they leave it once the order is made. */
      fromCart: z.boolean().optional(),
      shareId: idField.optional(),
      idempotencyKey: idempotencyKeyField,
    },
    reply: orderViewSchema,
  },
  /**
   * Prices a cart as `create` would, with the best coupon chosen (or the one named; `couponId: null`
   * = none) and every coupon of the caller ranked for this cart, and the shipping to `addressId`
   * (without one: the fee before any region check). No writes.
   */
  quote: {
    input: { ...cartFields, couponId: idField.nullable().optional(), addressId: idField.optional() },
    reply: z.strictObject({
      lines: z.array(pricedLineSchema),
      ...orderFiguresFields,
      /** Goods paid (after discounts) at or above this ship free; null: never free. */
      freeShippingOverFen: fen.nullable(),
      /** False when nothing in the cart needs delivery (no address needed). */
      shipsGoods: z.boolean(),
      /** The address the shipping was quoted for (null: none given). */
      address: addressSnapshotSchema.nullable(),
      /** Subtotal (after the activity discount) of the lines in the chosen coupon's scope. */
      couponEligibleFen: fen,
      couponId: z.string().nullable(),
      bestCoupon: couponOptionSchema.nullable(),
      coupons: z.array(couponOptionSchema),
      dealTerms: dealTermsSchema.nullable(),
    }),
  },
  /**
   * Starts the payment: WeChat Pay's charge for the order (its `outTradeNo`) and the parameters of
   * `wx.requestPayment` (`payment`, passed on as WeChat Pay issued them). The pay sheet's success is
   * not proof: the order is paid when WeChat Pay's notice arrives (payNotify); the app reloads it.
   */
  pay: {
    input: { orderId: idField },
    reply: z.strictObject({ orderId: z.string(), outTradeNo: z.string(), payment: requestPaymentSchema }),
  },
  /** The buyer cancels an unpaid order (stock, seat and coupon return). */
  cancel: {
    input: { orderId: idField },
    reply: z.strictObject({ orderId: z.string(), status: z.literal('cancelled') }),
  },
  /**
   * Staff (ops, boss): refunds some lines (or every kept line) of a paid order at once — an
   * unshipped line with its stock, a shipped one without (buyers ask through `aftersale`).
   */
  refund: {
    input: { orderId: idField, lineIds: z.array(z.string().min(1).max(8)).min(1).max(20).optional(), reason: z.string().max(100).optional() },
    reply: z.strictObject({
      orderId: z.string(),
      refundId: z.string(),
      refundFen: fen,
      /** The refund record's state (shared/lifecycle refund table): `pending` until WeChat Pay's refund notice. */
      refundStatus: z.enum(REFUND_STATUSES),
      status: orderStatusField,
      refundedFen: fen,
    }),
  },
  /** The caller's orders, latest first, a page at a time (`nextCursor` → the next page's `cursor`). */
  list: {
    input: { status: orderStatusField.optional(), limit: z.number().int().min(1).max(50).optional(), cursor: cursorField.optional() },
    reply: z.strictObject({ orders: z.array(orderViewSchema), nextCursor: nextCursorField }),
  },
  /** One of the caller's orders (boss and ops may read anyone's). */
  get: {
    input: { orderId: idField },
    reply: orderViewSchema,
  },
  /** The buyer confirms a shipped order arrived (again: the same answer); the after-sale window starts. */
  confirmReceipt: {
    input: { orderId: idField },
    reply: orderViewSchema,
  },
  /**
   * The subscribe-message template ids (settings) to ask for right after the tap that leads to a
   * moment: `pay` (paid, shipped, team result), `aftersale` (its result, a refund), `commission`
   * (a salesperson's commission settled). At most 3, as WeChat allows.
   */
  messageTemplates: {
    input: { moment: z.enum(Object.keys(MESSAGE_MOMENTS) as [MessageMoment, ...MessageMoment[]]) },
    reply: z.strictObject({ templateIds: z.array(z.string()).max(3) }),
  },
});
