/**
 * me: the caller's own profile — the nickname and avatar a customer chose with WeChat's
 * components — stored on `users/{openid}` as `nickname` and `avatarFileId` (the customer 360 reads
 * the same fields).
 *   profile                              the caller's profile (1 round trip: the platform's read of the caller)
 *   saveProfile {nickname, avatarFileId?}  the avatar must be the caller's own upload (uploads/<openid>/avatar/…)
 */
import { AppError, action, defineFunction, deleteFiles, getTempFileUrls, store, type UserDoc } from '../_platform';
import { me } from '../../shared/contract';
import { isProfileComplete } from '../../shared/profile/profile';
import { isOwnUpload } from '../../shared/uploads';

/** The upload purpose of avatars: the app's profile sheet uploads under it (as the workbench does for sales.setAvatar). */
const AVATAR = 'avatar';

interface ProfileUser extends UserDoc {
  nickname?: string;
  avatarFileId?: string;
  avatarUrl?: string;
}

async function present(u: ProfileUser) {
  const temp = u.avatarFileId ? (await getTempFileUrls([u.avatarFileId])).get(u.avatarFileId) : undefined;
  return {
    openid: u._id,
    role: u.role,
    nickname: u.nickname ?? null,
    avatarFileId: u.avatarFileId ?? null,
    avatarUrl: temp || u.avatarUrl || null,
    complete: isProfileComplete(u),
  };
}

export const main = defineFunction('me', {
  profile: action(me.profile)({
    run: async (_input, ctx) => present(ctx.user as ProfileUser),
  }),

  /**
   * Saves the nickname and, when given, the avatar: a file the caller uploaded under their own
   * `uploads/<openid>/avatar/` folder that exists (PERMISSION_DENIED for anyone else's, NOT_FOUND when it
   * is gone). A replaced avatar the caller uploaded is deleted (best effort). Repeating the call
   * changes nothing. Round trips: caller + 1 update.
   */
  saveProfile: action(me.saveProfile)({
    run: async (input, ctx) => {
      const user = ctx.user as ProfileUser;
      if (input.avatarFileId) {
        if (!isOwnUpload(input.avatarFileId, ctx.openid, AVATAR)) throw new AppError('PERMISSION_DENIED', 'avatarFileId: not an avatar you uploaded');
        if (!(await getTempFileUrls([input.avatarFileId])).has(input.avatarFileId)) throw new AppError('NOT_FOUND', 'avatarFileId: no such file');
      }
      const avatarFileId = input.avatarFileId ?? user.avatarFileId;
      await store.updateById('users', ctx.openid, { nickname: input.nickname, ...(avatarFileId ? { avatarFileId } : {}), profileUpdatedAt: ctx.now });
      const previous = user.avatarFileId;
      if (previous && previous !== avatarFileId && isOwnUpload(previous, ctx.openid, AVATAR)) {
        await deleteFiles([previous]).catch((err: unknown) => console.warn(`[me] old avatar ${previous} not deleted: ${String(err)}`));
      }
      return present({ ...user, nickname: input.nickname, avatarFileId });
    },
  }),
});
