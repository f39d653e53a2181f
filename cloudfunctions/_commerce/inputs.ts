import { z } from 'zod';

/** Ids in events: short non-empty strings. */
export const idField = z.string().min(1).max(64);

/** One cart item. Quantities are positive integers. */
export const itemSchema = z.object({ productId: idField, skuId: idField.optional(), qty: z.number().int().positive().max(99) }).strict();

/** Cart fields shared by order.create and order.quote. */
export const cartFields = {
  items: z.array(itemSchema).min(1).max(20).optional(),
  dealId: idField.optional(),
  teamId: idField.optional(),
  couponId: idField.optional(),
};

/** A client-generated key that makes a create request safe to repeat. */
export const idempotencyKeyField = z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
