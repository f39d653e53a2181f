import { action, AppError, getTempFileUrls, store, uploadFile, withFileUrls } from '../_platform';
import { share as contract } from '../../shared/contract';
import { isShareId, SHARE_LANDING_PAGE, type ShareDoc } from '../../shared/growth';
import { renderShareCode } from './qr-port';
import { loadPosterContent } from './poster-content';

/** Where a share's code is kept in storage. */
export const posterPath = (shareId: string) => `posters/${shareId}.png`;

/** Renders the share's code and keeps it in storage; its file id is written on the share. */
async function renderAndKeep(shareId: string): Promise<string> {
  const { png } = await renderShareCode(shareId);
  const fileId = await uploadFile(posterPath(shareId), png);
  await store.updateById('shares', shareId, { posterFileId: fileId });
  return fileId;
}

/**
 * share.poster {shareId} → the share's mini-program code (wxacode.getUnlimited, scene = the share
 * id) as a temporary URL, and the poster's content (title, image, price, salesperson); the app
 * composes the poster on its canvas. The PNG is rendered once per share
 * and kept in storage (`posters/<shareId>.png`, its file id on the share as `posterFileId`): later
 * posters cost one getTempFileURL; a kept file that was deleted is rendered again.
 * Round trips: 1 caller read (platform) + 1 share read + the content (salesperson; + product
 * aggregate for a product; + team for a group) (+ 1 write when rendered).
 */
export const poster = action(contract.poster)({
  async run(input, ctx) {
    if (!isShareId(input.shareId)) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const share = await store.getById<ShareDoc>('shares', input.shareId);
    if (!share) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const [kept, content] = await Promise.all([share.posterFileId ?? renderAndKeep(share._id), loadPosterContent(share, ctx.now)]);
    let fileId = kept;
    // the code, the product image and the avatar in one getTempFileURL ('' for a file that is gone)
    const shown = await withFileUrls({ url: fileId, imageUrl: content.image, salesAvatarUrl: content.salesAvatar });
    let url: string | undefined = shown.url;
    if (!url) {
      fileId = await renderAndKeep(share._id);
      url = (await getTempFileUrls([fileId])).get(fileId);
    }
    if (!url) throw new Error(`share.poster: storage has no ${fileId} right after its upload`);
    const { title, priceFen, priceKind, groupSize, salesName } = content;
    const [imageUrl, salesAvatarUrl] = [shown.imageUrl || null, shown.salesAvatarUrl || null];
    return {
      shareId: share._id,
      mime: 'image/png',
      encoded: `${SHARE_LANDING_PAGE}?scene=${share._id}`,
      fileId,
      url,
      content: { title, priceFen, priceKind, groupSize, imageUrl, salesName, salesAvatarUrl },
    };
  },
});
