/**
 * A customer's own profile: the nickname and avatar they chose with WeChat's components
 * (`<input type="nickname">`, `<button open-type="chooseAvatar">`), stored on `users/{openid}` as
 * `nickname` and `avatarFileId` (a `cloud://` file id). The customer 360 (issue 15 part B) reads
 * the same two fields.
 */
import { z } from 'zod';

/** WeChat's nickname input allows at most 20 characters. */
export const NICKNAME_MAX = 20;

/**
 * A nickname: trimmed, 1–20 characters (counted as the person sees them, so an emoji is one), no
 * control characters.
 * @example nicknameField.parse('  小美 ') // '小美'
 */
export const nicknameField = z
  .string()
  .max(200)
  .trim()
  .min(1)
  .refine((s) => Array.from(s).length <= NICKNAME_MAX, `at most ${NICKNAME_MAX} characters`)
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'no control characters');

/**
 * A file a user uploaded from the app: `cloud://<env>.<bucket>/uploads/<openid>/<path>` (the app's
 * storage service writes every upload there; the storage rules let a user write only under
 * `uploads/`). Whose it is: `isOwnUpload` in `shared/uploads`.
 * @example 'cloud://local.6c6f-local-1300000000/uploads/o_cust_1/avatar/1717-ab.png'
 */
export const uploadFileIdField = z
  .string()
  .max(500)
  .regex(/^cloud:\/\/[^/\s]+\/uploads\/[A-Za-z0-9_-]+\/[^\s]+$/, 'a cloud:// file id under uploads/<openid>/')
  .refine((id) => !id.split('/').some((seg) => seg === '..' || seg === '.'), 'no . or .. in the path');

/** The profile fields of a user document. */
export interface ProfileFields {
  nickname?: string;
  avatarFileId?: string;
}

/** True when the customer has both a nickname and an avatar (the app stops asking). */
export function isProfileComplete(u: ProfileFields): boolean {
  return !!u.nickname && !!u.avatarFileId;
}
