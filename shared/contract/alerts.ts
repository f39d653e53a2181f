/** `alerts` (system only): delivers one queued alert to its salesperson. */
import { z } from 'zod';
import { defineContract } from './define';
import { idField } from './fields';

/** Where an alert ended: sent (by the Official Account or a subscribe message) or why not. */
export const ALERT_STATUSES = ['pending', 'sent', 'opted_out', 'capped', 'failed'] as const;

/** The actions of `alerts`. */
export const alerts = defineContract({
  /**
   * Delivers a queued alert once: the salesperson's opt-out, the daily cap (one slot per alert),
   * then the Official Account if they follow it, else a subscribe message. An alert already
   * delivered (or being delivered) is answered as it stands.
   */
  deliver: {
    input: { alertId: idField },
    reply: z.strictObject({ alertId: z.string(), status: z.enum(ALERT_STATUSES), channel: z.enum(['oa', 'subscribe']).nullable() }),
  },
});
