/**
 * How a customer is shown to their salesperson: the nickname and avatar they chose with WeChat's
 * components (`users.nickname`, `users.avatarFileId`, written by `me.saveProfile`), else the name
 * and avatar the account already has, else a placeholder.
 */

/** The user fields a customer's identity is read from. */
export interface IdentityFields {
  _id: string;
  nickname?: string | null;
  avatarFileId?: string | null;
  name?: string | null;
  avatarUrl?: string | null;
}

/**
 * The name and avatar reference to show (the app shows a grey placeholder for a null avatar).
 * @example customerIdentity({ _id: 'o_new_8f3a' }) // { nickname: '微信用户8f3a', avatar: null }
 */
export function customerIdentity(u: IdentityFields | undefined, openid: string): { nickname: string; avatar: string | null } {
  const nickname = u?.nickname?.trim() || u?.name?.trim() || `微信用户${openid.slice(-4)}`;
  return { nickname, avatar: u?.avatarFileId || u?.avatarUrl || null };
}
