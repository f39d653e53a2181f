/**
 * `groupbuy`: a team as its page shows it. Teams are opened and joined through `order.create`
 * (`{dealId}` / `{teamId}`), the one door that also takes a coupon where the deal allows it.
 */
import { z } from 'zod';
import { TEAM_STATUSES } from '../lifecycle/tables';
import { dealTermsSchema } from './deal-terms';
import { defineContract } from './define';
import { count, fen, idField, instant } from './fields';

/** The actions of `groupbuy`. */
export const groupbuy = defineContract({
  /** A team: seats, deadline, the deal's terms and its current members (refunded members are not listed). */
  get: {
    input: { teamId: idField },
    reply: z.strictObject({
      teamId: z.string(),
      dealId: z.string(),
      status: z.enum(TEAM_STATUSES),
      size: count,
      seatsTaken: count,
      paidCount: count,
      seatsLeft: count,
      expiresAt: instant,
      terms: dealTermsSchema,
      /** A ladder team's tier: the one reached once it succeeded, else the one its paid members reach now (null below the first, and for a plain team). */
      tier: z.strictObject({ size: count, priceFen: fen }).nullable(),
      members: z.array(z.strictObject({ openid: z.string(), paid: z.boolean(), isLeader: z.boolean(), name: z.string(), avatarUrl: z.string() })),
    }),
  },
});
