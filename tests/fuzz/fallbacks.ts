/**
 * Descriptions for functions whose exported `main` does not carry `main.actions` (a wrapper around
 * the platform's handler). Mirrors of their event schemas, so they are fuzzed all the same; the
 * suite also has a test that fails while any function lacks its description.
 */
import { z } from 'zod';
import type { DescribedAction } from '../support/functions';

export const FALLBACK_ACTIONS: Record<string, Record<string, DescribedAction>> = {
  payNotify: {
    sandbox: {
      access: 'system',
      schema: z
        .object({
          action: z.literal('sandbox'),
          outTradeNo: z.string().min(1).max(64),
          transactionId: z.string().min(1).max(64),
          totalFee: z.number().int().nonnegative(),
          resultCode: z.enum(['SUCCESS', 'FAIL']),
          sign: z.string().min(1).max(128),
        })
        .strict(),
    },
    cloudpay: { access: 'system', schema: z.object({ action: z.literal('cloudpay'), payload: z.record(z.string(), z.unknown()) }).strict() },
  },
  sweep: { run: { access: 'system', schema: z.object({ action: z.literal('run') }).strict() } },
};
