import { action, AppError, store } from '../_platform';
import { share as contract } from '../../shared/contract';
import { isShareId, type ShareDoc } from '../../shared/growth';
import { qrPort } from './qr-port';

/**
 * share.poster {shareId} → a PNG QR code for the share as a data URL (the client draws the poster
 * around it). Round trips: 1 caller read (platform) + 1 share read.
 */
export const poster = action(contract.poster)({
  async run(input) {
    if (!isShareId(input.shareId)) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const share = await store.getById<ShareDoc>('shares', input.shareId);
    if (!share) throw new AppError('NOT_FOUND', `shareId: no share ${input.shareId}`);
    const port = qrPort();
    const { png, encoded } = await port.render(share._id);
    return { shareId: share._id, mime: 'image/png', kind: port.kind, encoded, dataUrl: `data:image/png;base64,${png.toString('base64')}` };
  },
});
