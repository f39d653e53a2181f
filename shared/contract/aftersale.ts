/**
 * `aftersale` (售后): a buyer's requests on the lines of a paid order — ask, cancel, say the return
 * parcel left, list and read them; ops and the boss review, confirm the goods came back, and page
 * through the queue.
 */
import { z } from 'zod';
import { AFTERSALE_STATUSES } from '../lifecycle/tables';
import { defineContract } from './define';
import { cursorField, fen, fileIdField, idField, instant, nextCursorField } from './fields';
import { carrierField, fulfilLineSchema, lineIdField, trackingNoField } from './fulfil-fields';

/** A request as its pages show it (the buyer's own, or any for staff). */
export const afterSaleViewSchema = z.strictObject({
  requestId: z.string(),
  orderId: z.string(),
  buyerOpenid: z.string(),
  kind: z.enum(['refund', 'return']),
  reason: z.string(),
  /** The photos with a temporary URL to show them ('' when the file is gone). */
  photos: z.array(z.strictObject({ fileId: z.string(), url: z.string() })),
  status: z.enum(AFTERSALE_STATUSES),
  lineIds: z.array(z.string()),
  /** The requested lines as they are now. */
  lines: z.array(fulfilLineSchema),
  refundFen: fen,
  autoApproved: z.boolean(),
  note: z.string(),
  createdAt: instant,
  reviewedAt: instant.nullable(),
  returnShipment: z.strictObject({ carrier: z.string(), carrierName: z.string(), trackingNo: z.string(), shippedAt: instant }).nullable(),
  returnReceivedAt: instant.nullable(),
  refundedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
});

const page = z.strictObject({ items: z.array(afterSaleViewSchema), nextCursor: nextCursorField });
const byId = { requestId: idField };

/** The actions of `aftersale`. */
export const aftersale = defineContract({
  /**
   * The buyer asks for `refund` (not shipped, or goods not received) or `return` (return and
   * refund) on some lines, with a reason and up to 3 photos of their own uploads. A refund of
   * unshipped lines is paid at once when the brand's setting says so.
   */
  request: {
    input: {
      orderId: idField,
      lineIds: z.array(lineIdField).min(1).max(20),
      kind: z.enum(['refund', 'return']),
      reason: z.string().trim().min(1).max(200),
      photos: z.array(fileIdField).max(3).optional(),
    },
    reply: afterSaleViewSchema,
  },
  /** The buyer withdraws a request not yet paid out (its lines are free again). */
  cancel: { input: byId, reply: afterSaleViewSchema },
  /** The buyer's return parcel left: carrier and tracking number. */
  returnShipped: { input: { ...byId, carrier: carrierField, trackingNo: trackingNoField }, reply: afterSaleViewSchema },
  /** The caller's requests, latest first, 20 a page. */
  list: { input: { cursor: cursorField.optional() }, reply: page },
  /** One request (the buyer's own; staff may read any). */
  get: { input: byId, reply: afterSaleViewSchema },
  /** Ops/boss: approve (a refund pays now, a return waits for the goods) or reject, with a note to the buyer. */
  review: { input: { ...byId, approve: z.boolean(), note: z.string().trim().max(100) }, reply: afterSaleViewSchema },
  /** Ops/boss: the returned goods arrived: money and stock come back. */
  receiveReturn: { input: byId, reply: afterSaleViewSchema },
  /** Ops/boss: requests by status (every status when omitted), oldest first, 20 a page. */
  queue: { input: { status: z.enum(AFTERSALE_STATUSES).optional(), cursor: cursorField.optional() }, reply: page },
});
