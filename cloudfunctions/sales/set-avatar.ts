import { action, AppError, getTempFileUrls, store } from '../_platform';
import { sales } from '../../shared/contract';
import { isOwnUpload } from '../../shared/uploads';

/** The folder purpose of avatar uploads (`uploads/<openid>/avatar/…`). */
export const AVATAR_PURPOSE = 'avatar';

/**
 * sales.setAvatar {fileId | null} → the salesperson's avatar on their shelf card. A file id must be
 * the caller's own avatar upload (by its path: never someone else's file, nor a brand asset) and
 * exist in storage. Answers the caller's own upload it replaced (`previousFileId`), which the app
 * deletes. Round trips: 1 caller read (platform) + 1 write; 1 getTempFileURL.
 */
export const setAvatar = action(sales.setAvatar)({
  access: ['sales'],
  async run(input, ctx) {
    const previous = typeof ctx.user.avatarFileId === 'string' ? ctx.user.avatarFileId : null;
    let url: string | null = null;
    if (input.fileId !== null) {
      if (!isOwnUpload(input.fileId, ctx.openid, AVATAR_PURPOSE)) throw new AppError('PERMISSION_DENIED', 'fileId: not an avatar you uploaded');
      url = (await getTempFileUrls([input.fileId])).get(input.fileId) ?? null;
      if (!url) throw new AppError('NOT_FOUND', 'fileId: no such file in storage');
    }
    await store.updateById('users', ctx.openid, { avatarFileId: input.fileId, updatedAt: ctx.now });
    // The upload it replaced, for the app to delete (a seeded or brand file is never named).
    const replaced = previous && previous !== input.fileId && isOwnUpload(previous, ctx.openid, AVATAR_PURPOSE) ? previous : null;
    return { avatarFileId: input.fileId, avatarUrl: url, previousFileId: replaced };
  },
});
