import { getTempFileUrls } from '../_platform';
import { INVITE_PAGE, inviteState, type Invite } from '../../shared/team';

/** The path an invitation opens in the mini-program (and, in the h5 build, after `#`). */
export function invitePath(code: string): string {
  return `/${INVITE_PAGE}?code=${code}`;
}

/** Temporary URLs of the invitations' QR images (one storage call). */
export function qrUrls(invites: Invite[]): Promise<Map<string, string>> {
  return getTempFileUrls(invites.flatMap((i) => (i.qrFileId ? [i.qrFileId] : [])));
}

/** An invitation as the boss sees it. */
export function presentInvite(invite: Invite, urls: Map<string, string>, now: Date) {
  return {
    code: invite._id,
    uses: invite.uses,
    usesLeft: Math.max(0, invite.usesLeft),
    state: inviteState(invite, now),
    createdAt: new Date(invite.createdAt),
    expiresAt: new Date(invite.expiresAt),
    qrUrl: invite.qrFileId ? urls.get(invite.qrFileId) ?? '' : '',
    path: invitePath(invite._id),
    acceptedBy: invite.acceptedBy ?? [],
  };
}
