import { z } from 'zod';

/** The id of the payout setting in `settings` (an ops-editable document). */
export const PAYOUT_SETTINGS_ID = 'payouts';

/** Schema of `settings/payouts`: the smallest amount a salesperson may withdraw. */
export const payoutSettingsSchema = z
  .object({
    _id: z.literal(PAYOUT_SETTINGS_ID),
    /** Fen, ≥ ¥1. */
    minAmountFen: z.number().int().min(100),
    updatedAt: z.coerce.date().optional(),
    createdAt: z.coerce.date().optional(),
  })
  .strict();

/** A valid payout setting. */
export type PayoutSettings = z.infer<typeof payoutSettingsSchema>;

/** Used while the document is missing or invalid (¥10): a broken setting never blocks payouts, it is reported. */
export const DEFAULT_PAYOUT_SETTINGS: PayoutSettings = { _id: PAYOUT_SETTINGS_ID, minAmountFen: 1000 };
