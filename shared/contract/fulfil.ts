/**
 * `fulfil` (ops and the boss): the to-ship list, shipping one order's lines, and shipping many
 * orders at once from pasted rows (each row's outcome reported; a row shipped again is reported
 * `already_shipped`, nothing changes).
 */
import { z } from 'zod';
import { defineContract } from './define';
import { cursorField, fen, idField, instant, nextCursorField } from './fields';
import { carrierField, fulfilLineSchema, lineIdField, shipmentSchema, trackingNoField } from './fulfil-fields';
import { orderStatusField } from './order-view';

/** An order waiting to ship, oldest paid first. */
export const toShipRowSchema = z.strictObject({
  orderId: z.string(),
  kind: z.enum(['normal', 'group']),
  buyerOpenid: z.string(),
  buyerName: z.string(),
  paidAt: instant,
  totalFen: fen,
  lines: z.array(fulfilLineSchema),
  shipments: z.array(shipmentSchema),
});

/** What shipping did to one order. */
export const shipOutcomeSchema = z.strictObject({
  orderId: z.string(),
  status: orderStatusField,
  shipmentId: z.string(),
  lineIds: z.array(z.string()),
  /** The same parcel (carrier and tracking number) was shipped before: nothing changed. */
  alreadyShipped: z.boolean(),
});

/** The actions of `fulfil`. */
export const fulfil = defineContract({
  /** Orders to ship (`to_ship`), oldest paid first, 20 a page. */
  toShip: {
    input: { cursor: cursorField.optional() },
    reply: z.strictObject({ items: z.array(toShipRowSchema), nextCursor: nextCursorField }),
  },
  /** Ships `lineIds` of one order in one parcel; the last unshipped lines make it `shipped`. */
  ship: {
    input: { orderId: idField, lineIds: z.array(lineIdField).min(1).max(20), carrier: carrierField, trackingNo: trackingNoField },
    reply: shipOutcomeSchema,
  },
  /** Ships every unshipped line of each row's order (a pasted CSV, parsed in the app); each row's outcome. */
  shipMany: {
    input: { rows: z.array(z.strictObject({ orderId: idField, carrier: carrierField, trackingNo: trackingNoField })).min(1).max(100) },
    reply: z.strictObject({
      results: z.array(
        z.strictObject({
          orderId: z.string(),
          outcome: z.enum(['shipped', 'already_shipped', 'refused']),
          status: orderStatusField.nullable(),
          shipmentId: z.string().nullable(),
          /** Why a row was refused (a contract error code) and what to fix. */
          code: z.string().nullable(),
          message: z.string().nullable(),
        }),
      ),
    }),
  },
});
