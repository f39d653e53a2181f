/**
 * Invitations to the sales team (`team.invite` / `team.acceptInvite`): the boss makes a code —
 * single- or multi-use, expiring — and a QR (`wxacode.getUnlimited`, whose `scene` carries only the
 * code); a customer who opens it and gives a name and title becomes a salesperson with an empty
 * shelf. Pure: codes come from a random source passed in, time is an argument.
 */
import { AppError } from '../errors';
import { mintShareId, SHARE_ID_ALPHABET, type RandomBytes } from '../growth/share-id';

/**
 * Length of an invitation code: 12 base-58 characters (58^12 ≈ 1.4e21, unguessable), longer than
 * any share id (≤ 10), so a QR `scene` of an invitation is never taken for a share.
 */
export const INVITE_CODE_LENGTH = 12;

/** The page an invitation's QR and link open (the `page` of `wxacode.getUnlimited`, no leading `/`). */
export const INVITE_PAGE = 'packageShop/join/index';

/** Most uses and days an invitation may have. */
export const MAX_INVITE_USES = 50;
export const MAX_INVITE_DAYS = 30;

const DAY_MS = 86_400_000;

/** Mints an invitation code. @example mintInviteCode((n) => crypto.randomBytes(n)) // 'k3Vq9ZtAb7Rm' */
export function mintInviteCode(random: RandomBytes): string {
  return mintShareId(random, INVITE_CODE_LENGTH);
}

/** True for a well-formed invitation code (refuses junk before any read). */
export function isInviteCode(s: string): boolean {
  return s.length === INVITE_CODE_LENGTH && [...s].every((c) => SHARE_ID_ALPHABET.includes(c));
}

/** `invites/{code}`: one invitation. `usesLeft` is taken by a guarded decrement. */
export interface Invite {
  _id: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  uses: number;
  usesLeft: number;
  /** Who accepted it, in order (each person once). */
  acceptedBy: string[];
  /** The QR's PNG in storage (cached: made once per invitation). */
  qrFileId: string | null;
}

/**
 * A new invitation, expiring `expiresInDays` after `now`.
 * @example newInvite({ code: 'k3Vq9ZtAb7Rm', uses: 3, expiresInDays: 7, by: 'o_boss', now }).usesLeft // 3
 */
export function newInvite(a: { code: string; uses: number; expiresInDays: number; by: string; now: Date; qrFileId: string | null }): Invite {
  return {
    _id: a.code,
    createdBy: a.by,
    createdAt: a.now,
    expiresAt: new Date(a.now.getTime() + a.expiresInDays * DAY_MS),
    uses: a.uses,
    usesLeft: a.uses,
    acceptedBy: [],
    qrFileId: a.qrFileId,
  };
}

/** How an invitation stands at `now`: `open`, `expired` or `used_up`. */
export type InviteState = 'open' | 'expired' | 'used_up';

/** @example inviteState({ ...invite, usesLeft: 0 }, now) // 'used_up' */
export function inviteState(invite: Pick<Invite, 'usesLeft' | 'expiresAt'>, now: Date): InviteState {
  if (invite.expiresAt.getTime() <= now.getTime()) return 'expired';
  return invite.usesLeft > 0 ? 'open' : 'used_up';
}

/** Who is accepting. */
export interface Acceptor {
  openid: string;
  role: string;
}

/** `take`: a use is to be taken (guarded decrement); `already`: this person accepted it before (a repeat). */
export type AcceptDecision = { kind: 'take' } | { kind: 'already' };

/**
 * Decides an acceptance. A person who accepted this invitation before gets the same answer again
 * (idempotent); otherwise only a customer may join, while the invitation is open.
 * Refusals: unknown code → NOT_FOUND; staff → FAILED_PRECONDITION; expired → EXPIRED; no use
 * left → LIMIT_REACHED. The decrement re-checks uses, expiry and the person atomically.
 * @example decideAcceptInvite(invite, { openid: 'o_cust_9', role: 'customer' }, now) // { kind: 'take' }
 */
export function decideAcceptInvite(invite: Invite | undefined, who: Acceptor, now: Date): AcceptDecision {
  if (!invite) throw new AppError('NOT_FOUND', 'code: no such invitation');
  if (invite.acceptedBy.includes(who.openid)) return { kind: 'already' };
  if (who.role !== 'customer') throw new AppError('FAILED_PRECONDITION', `you are already ${who.role}: only a customer can join the sales team`);
  const state = inviteState(invite, now);
  if (state === 'expired') throw new AppError('EXPIRED', 'code: this invitation has expired');
  if (state === 'used_up') throw new AppError('LIMIT_REACHED', 'code: this invitation has been used up');
  return { kind: 'take' };
}

/**
 * The fields that make the acceptor a salesperson: role, name and title, an empty shelf, where
 * they came from. Their own binding as a customer ends (staff are never bound).
 */
export function salespersonFields(a: { code: string; invitedBy: string; name: string; title: string; now: Date }) {
  return {
    role: 'sales' as const,
    name: a.name,
    title: a.title,
    slogan: '',
    shelfProductIds: [] as string[],
    inviteCode: a.code,
    invitedBy: a.invitedBy,
    joinedTeamAt: a.now,
    boundSalesId: null,
    bindingExpiresAt: null,
    protectedUntil: null,
  };
}
