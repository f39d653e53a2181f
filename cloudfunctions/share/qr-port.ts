/**
 * A share's mini-program code: `wxacode.getUnlimited` through CloudBase's cloud call (no
 * access_token to manage), the share id as its `scene`, the landing page as its `page`. The same
 * call everywhere: the local cloud answers with a PNG that decodes to
 * `https://local.linkshelf/<page>?scene=<id>`, telling what WeChat's round code would open.
 */
import { callOpenApi, readImageReply } from '../_platform';
import { SHARE_LANDING_PAGE } from '../../shared/growth';

/** The PNG of a share's code and what it encodes (`<page>?scene=<shareId>`). */
export async function renderShareCode(shareId: string): Promise<{ png: Buffer; encoded: string }> {
  // check_path stays on: a landing page missing from the released app is an error, not a dead code.
  const result = await callOpenApi('wxacode.getUnlimited', { scene: shareId, page: SHARE_LANDING_PAGE, width: 430 });
  const { bytes } = readImageReply('wxacode.getUnlimited', result);
  return { png: bytes, encoded: `${SHARE_LANDING_PAGE}?scene=${shareId}` };
}
