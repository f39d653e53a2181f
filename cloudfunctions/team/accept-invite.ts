import { AppError, store, type ActionContext } from '../_platform';
import { decideAcceptInvite, isInviteCode, salespersonFields, type Invite } from '../../shared/team';

/**
 * team.acceptInvite {code, name, title} → the caller is a salesperson with an empty shelf.
 * Decided by `decideAcceptInvite`; a use is taken with one guarded decrement (uses left > 0, not
 * expired, this person not yet in `acceptedBy`), so 10 people racing for 3 uses make 3
 * salespeople and one person twice takes one use. Then the caller's role is written, guarded on
 * still being a customer: a repeat (reply lost, double tap) answers the same, `repeated: true`.
 * Round trips: 1 caller + 1 invitation read + 1 decrement + 1 role write (a lost race: + 1 read).
 */
export async function acceptInvite(input: { code: string; name: string; title: string }, ctx: ActionContext) {
  if (!isInviteCode(input.code)) throw new AppError('NOT_FOUND', 'code: no such invitation');
  const who = { openid: ctx.openid, role: ctx.user.role };
  let invite = await store.getById<Invite>('invites', input.code);
  let decision = decideAcceptInvite(invite, who, ctx.now);
  if (decision.kind === 'take') {
    const _ = store.command();
    const taken = await store.guardedUpdate(
      'invites',
      { _id: input.code, usesLeft: _.gt(0), expiresAt: _.gt(ctx.now), acceptedBy: _.nin([ctx.openid]) },
      { usesLeft: _.inc(-1), acceptedBy: _.push([ctx.openid]) },
    );
    if (!taken) {
      // Someone took the last use, the invitation expired, or this person's other request won.
      invite = await store.getById<Invite>('invites', input.code);
      decision = decideAcceptInvite(invite, who, ctx.now);
      if (decision.kind === 'take') throw new AppError('CONFLICT', 'the invitation is busy, please retry');
    }
  }
  const fields = salespersonFields({ code: input.code, invitedBy: invite?.createdBy ?? '', name: input.name, title: input.title, now: ctx.now });
  const made = await store.guardedUpdate('users', { _id: ctx.openid, role: 'customer' }, fields);
  const repeated = !made;
  return {
    salesId: ctx.openid,
    name: repeated && typeof ctx.user.name === 'string' ? ctx.user.name : input.name,
    title: repeated && typeof ctx.user.title === 'string' ? ctx.user.title : input.title,
    repeated,
  };
}
