import { z } from 'zod';
import { positiveFenField, skuPromotionBase } from './fields';

/**
 * `flash_sales/{id}`: an ops-editable 秒杀 on one SKU. `quantity` units sell at `flashPriceFen`
 * (below the SKU's `listPriceFen`) inside `[startAt, endAt)`, at most `perUserLimit` per customer,
 * only to customers with no paid order yet when `newCustomersOnly`.
 *
 * Three fields are written by `flash.buy`, its releases and the sweep, never by hand: `taken` (units
 * held by unpaid orders or sold; starts at 0), `buyers` (per customer key, the orders that took a
 * unit) and `takes` (each take's order id, customer key and instant, until the sweep has seen its
 * order or given an orphaned unit back). They live on the sale itself so that a buy is ONE guarded
 * write on this document.
 */
export const flashSaleSchema = z
  .object({
    ...skuPromotionBase,
    flashPriceFen: positiveFenField,
    /** The SKU's price the flash price is shown against (struck through). */
    listPriceFen: positiveFenField,
    quantity: z.number().int().min(1).max(100_000),
    perUserLimit: z.number().int().min(1).max(20),
    newCustomersOnly: z.boolean().optional(),
    taken: z.number().int().min(0),
    buyers: z.record(z.string(), z.array(z.string())).optional(),
    takes: z.array(z.object({ orderId: z.string(), buyerKey: z.string(), takenAt: z.date() }).strict()).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.endAt.getTime() <= d.startAt.getTime()) ctx.addIssue({ code: 'custom', path: ['endAt'], message: 'endAt must be after startAt' });
    if (d.flashPriceFen >= d.listPriceFen) ctx.addIssue({ code: 'custom', path: ['flashPriceFen'], message: 'flash price must be below the list price' });
    if (d.taken > d.quantity) ctx.addIssue({ code: 'custom', path: ['taken'], message: 'more taken than the quantity' });
  });

/** A valid `flash_sales` document (dates parsed). */
export type FlashSale = z.infer<typeof flashSaleSchema>;
