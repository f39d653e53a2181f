/** An order as its buyer sees it (order.create / get / list), and the priced lines of a quote. */
import { z } from 'zod';
import { LINE_STATES, ORDER_STATUSES } from '../lifecycle/tables';
import { addressSnapshotSchema } from './address';
import { dealTermsSchema } from './deal-terms';
import { count, fen, instant, orderFiguresFields } from './fields';
import { shipmentSchema } from './fulfil-fields';

/** One of the order states of shared/lifecycle/tables.ts. */
export const orderStatusField = z.enum(ORDER_STATUSES);

/** A priced cart line (shared/pricing): `paidFen = subtotalFen − activityDiscountFen − couponDiscountFen`. */
export const pricedLineSchema = z.strictObject({
  lineId: z.string(),
  productId: z.string(),
  skuId: z.string(),
  title: z.string(),
  skuName: z.string(),
  qty: count,
  unitPriceFen: fen,
  listPriceFen: fen,
  subtotalFen: fen,
  activityDiscountFen: fen,
  couponDiscountFen: fen,
  discountFen: fen,
  paidFen: fen,
});

/** An order line: priced, plus what has been refunded of it, where it is (the line machine) and its open after-sale request. */
export const orderLineSchema = pricedLineSchema.extend({
  refundedFen: fen,
  refundId: z.string().nullable(),
  state: z.enum(LINE_STATES),
  shipmentId: z.string().nullable(),
  afterSaleId: z.string().nullable(),
});

/** What the buyer sees of an order. `totalFen = subtotalFen − discountFen + shippingFen`. */
export const orderViewSchema = z.strictObject({
  orderId: z.string(),
  status: orderStatusField,
  kind: z.enum(['normal', 'group']),
  lines: z.array(orderLineSchema),
  ...orderFiguresFields,
  paidFen: fen,
  refundedFen: fen,
  couponId: z.string().nullable(),
  teamId: z.string().nullable(),
  dealTerms: dealTermsSchema.nullable(),
  /** Where the goods go, as the address was when ordered (null: nothing ships). */
  address: addressSnapshotSchema.nullable(),
  createdAt: instant,
  payDeadlineAt: instant,
  paidAt: instant.nullable(),
  closedAt: instant.nullable(),
  closeReason: z.string().nullable(),
  /** The parcels, with carrier and tracking number. */
  shipments: z.array(shipmentSchema),
  shippedAt: instant.nullable(),
  receivedAt: instant.nullable(),
  /** `buyer` confirmed, or `auto` (the sweep, N days after shipping). */
  receivedBy: z.enum(['buyer', 'auto']).nullable(),
  completedAt: instant.nullable(),
});
