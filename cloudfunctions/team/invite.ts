import { callOpenApi, readImageReply, seededBytes, store, uploadFile, type ActionContext } from '../_platform';
import { INVITE_PAGE, mintInviteCode, newInvite, type Invite } from '../../shared/team';
import { presentInvite, qrUrls } from './present';

/**
 * team.invite {uses, expiresInDays, idempotencyKey} → a new invitation with its QR. The code is
 * minted from the boss and the key: a repeated request makes the same code and answers the
 * invitation it finds. The QR is `wxacode.getUnlimited` (its `scene` is the code alone, its page
 * the join page), stored once under `invites/<code>.png` and answered as a temporary URL.
 * Round trips: 1 caller + 1 read + 1 cloud call (wxacode) + 1 upload + 1 insert + 1 storage call
 * (URL); a repeat: 1 caller + 1 read + 1 storage call.
 */
export async function createInvite(input: { uses: number; expiresInDays: number; idempotencyKey: string }, ctx: ActionContext) {
  const code = mintInviteCode(seededBytes('invite', ctx.openid, input.idempotencyKey));
  const existing = await store.getById<Invite>('invites', code);
  if (existing) return presentInvite(existing, await qrUrls([existing]), ctx.now);
  // check_path stays on: a join page missing from the released app is an error, not a dead code.
  const png = readImageReply('wxacode.getUnlimited', await callOpenApi('wxacode.getUnlimited', { scene: code, page: INVITE_PAGE, width: 280 }));
  const qrFileId = await uploadFile(`invites/${code}.png`, png.bytes);
  const invite = newInvite({ code, uses: input.uses, expiresInDays: input.expiresInDays, by: ctx.openid, now: ctx.now, qrFileId });
  const stored = (await store.insertOnce('invites', invite)) ? invite : ((await store.getById<Invite>('invites', code)) ?? invite);
  return presentInvite(stored, await qrUrls([stored]), ctx.now);
}

/** Invitations a page shows. */
export const INVITES_PAGE = 20;

/** team.invites {cursor?} → invitations newest first with uses left. Round trips: 1 caller + 1 page + 1 storage call (QR URLs). */
export async function listInvites(input: { cursor?: string }, ctx: ActionContext) {
  const page = await store.findPage<Invite>('invites', {}, { orderBy: ['createdAt', 'desc'], limit: INVITES_PAGE, cursor: input.cursor });
  const urls = await qrUrls(page.items);
  return { invites: page.items.map((i) => presentInvite(i, urls, ctx.now)), nextCursor: page.nextCursor };
}
