/**
 * `team`: the sales team in the back office — invitations (boss), accepting one (a customer
 * becomes a salesperson), the team's list and deactivation with an heir (boss).
 */
import { z } from 'zod';
import { MAX_INVITE_DAYS, MAX_INVITE_USES } from '../team/invite';
import { defineContract } from './define';
import { count, cursorField, idempotencyKeyField, idField, instant, nextCursorField } from './fields';

/** An invitation as the boss sees it: code, uses, expiry, its QR (a temporary URL) and the path it opens. */
export const inviteRowSchema = z.strictObject({
  code: z.string(),
  uses: count,
  usesLeft: count,
  state: z.enum(['open', 'expired', 'used_up']),
  createdAt: instant,
  expiresAt: instant,
  /** The QR's PNG (`wxacode.getUnlimited`, cached in storage) as a temporary URL; '' if it is gone. */
  qrUrl: z.string(),
  /** The mini-program path of the invitation, e.g. `/packageShop/join/index?code=…`. */
  path: z.string(),
  acceptedBy: z.array(z.string()),
});

/** A member of the sales team: active (`sales`) or deactivated (`former_sales`, with the heir their customers went to). */
const memberSchema = z.strictObject({
  openid: z.string(),
  name: z.string(),
  title: z.string(),
  role: z.enum(['sales', 'former_sales']),
  heirId: z.string().nullable(),
  heirName: z.string().nullable(),
});

/** The actions of `team`. */
export const team = defineContract({
  /** Boss: a new invitation — single- or multi-use (`uses`), expiring after `expiresInDays` — with its QR. */
  invite: {
    input: {
      uses: z.number().int().min(1).max(MAX_INVITE_USES),
      expiresInDays: z.number().int().min(1).max(MAX_INVITE_DAYS),
      idempotencyKey: idempotencyKeyField,
    },
    reply: inviteRowSchema,
  },
  /** Boss: invitations, newest first, 20 a page, with uses left. */
  invites: {
    input: { cursor: cursorField.optional() },
    reply: z.strictObject({ invites: z.array(inviteRowSchema), nextCursor: nextCursorField }),
  },
  /** Anyone (a customer): joins the sales team with the invitation's code, a name and a title; the same person again gets the same answer. */
  acceptInvite: {
    input: { code: z.string().min(1).max(32), name: z.string().trim().min(1).max(20), title: z.string().trim().min(1).max(20) },
    reply: z.strictObject({ salesId: z.string(), name: z.string(), title: z.string(), repeated: z.boolean() }),
  },
  /** Boss: the sales team (active first-joined order by join time, then those who left), 20 a page. */
  members: {
    input: { cursor: cursorField.optional() },
    reply: z.strictObject({ members: z.array(memberSchema), nextCursor: nextCursorField }),
  },
  /**
   * Boss: deactivates a salesperson. Their customers move to `heirId` (audited, in batches of
   * 1000), their shares bind to the heir from now on, past orders keep their attribution.
   */
  deactivate: {
    input: { salesId: idField, heirId: idField },
    reply: z.strictObject({ salesId: z.string(), heirId: z.string(), auditId: z.string(), moved: count, heirsRepointed: count, repeated: z.boolean() }),
  },
});
