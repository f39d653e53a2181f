/** Fields of the fulfilment and after-sale contracts: carriers, tracking numbers, shipments, lines. */
import { z } from 'zod';
import { CARRIER_CODES, normalizeTrackingNo, TRACKING_NO_RULE } from '../fulfil/carriers';
import { LINE_STATES } from '../lifecycle/tables';
import { count, fen, instant } from './fields';

/** A carrier code of shared/fulfil/carriers.ts (`OTHER` for the rest). */
export const carrierField = z.enum(CARRIER_CODES);

/** A tracking number under the loose rule of shared/fulfil/carriers.ts (stored normalized). */
export const trackingNoField = z.string().max(40).refine((v) => normalizeTrackingNo(v) !== undefined, TRACKING_NO_RULE);

/** An order line id. @example 'L1' */
export const lineIdField = z.string().min(1).max(8);

/** A parcel of some lines, as pages show it. */
export const shipmentSchema = z.strictObject({
  shipmentId: z.string(),
  lineIds: z.array(z.string()),
  carrier: z.string(),
  carrierName: z.string(),
  trackingNo: z.string(),
  shippedAt: instant,
});

/** A line of an order as the fulfilment and after-sale pages show it. */
export const fulfilLineSchema = z.strictObject({
  lineId: z.string(),
  title: z.string(),
  skuName: z.string(),
  qty: count,
  paidFen: fen,
  state: z.enum(LINE_STATES),
  afterSaleId: z.string().nullable(),
});
