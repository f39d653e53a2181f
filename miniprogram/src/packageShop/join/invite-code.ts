import { isInviteCode } from '../../../../shared/team/invite';

/**
 * The invitation code a page was opened with: `?code=` (links), or the QR's `scene` (the code
 * alone, URI-encoded by WeChat); '' when there is none or it is not a code.
 * @example inviteCodeOf({ scene: 'JoinTeamDemo' }) === 'JoinTeamDemo'
 */
export function inviteCodeOf(params: Record<string, string | undefined>): string {
  const raw = params.code ?? (params.scene ? decodeURIComponent(params.scene) : '');
  return isInviteCode(raw) ? raw : '';
}
