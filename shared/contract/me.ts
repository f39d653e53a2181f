/** `me`: the caller's own profile — the nickname and avatar a customer chose with WeChat's components. */
import { z } from 'zod';
import { ROLES } from '../roles';
import { nicknameField, uploadFileIdField } from '../profile/profile';
import { defineContract } from './define';

/** The caller's profile as the app shows it. */
const profileReply = z.strictObject({
  openid: z.string(),
  role: z.enum(ROLES),
  nickname: z.string().nullable(),
  /** The stored `cloud://` id of the avatar the caller uploaded, if any. */
  avatarFileId: z.string().nullable(),
  /** An avatar to show now: a temporary URL of the upload, else the one on file, else null. */
  avatarUrl: z.string().nullable(),
  /** Nickname and avatar both set: the app stops asking. */
  complete: z.boolean(),
});

/** The actions of `me`. */
export const me = defineContract({
  /** The caller's profile. */
  profile: { input: {}, reply: profileReply },
  /** Saves the nickname (≤ 20 characters) and, if given, an avatar the caller uploaded (`uploads/<their openid>/…`). */
  saveProfile: { input: { nickname: nicknameField, avatarFileId: uploadFileIdField.optional() }, reply: profileReply },
});
