/**
 * `wxacode.getUnlimited` on the local cloud: WeChat's checks, then a real PNG QR code.
 * Rules (getUnlimitedQRCode reference): `scene` at most 32 visible characters from
 * [0-9A-Za-z!#$&'()*+,/:;=?@-._~] (else 40169); `page` without a leading `/` and without a query,
 * present in the released app unless `check_path` is false (else 41030); width 280–1280 px.
 * Departure: WeChat draws a round mini-program code that only WeChat can read. The local code is a
 * plain QR of `https://local.linkshelf/<page>?scene=<encodeURIComponent(scene)>` so tests and people
 * can decode it and see what the real code would open.
 */
import QRCode from 'qrcode';

export const WXACODE_HOST = 'https://local.linkshelf';
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface WxError {
  errcode: number;
  errmsg: string;
}

export interface GetUnlimitedRequest {
  scene?: unknown;
  page?: unknown;
  check_path?: unknown;
  width?: unknown;
  env_version?: unknown;
}

/** What a code encodes (also used by tests to check a decoded code). */
export function wxacodeContent(page: string, scene: string): string {
  return `${WXACODE_HOST}/${page}?scene=${encodeURIComponent(scene)}`;
}

export function checkGetUnlimited(req: GetUnlimitedRequest, pages: string[]): WxError | { page: string; scene: string; width: number } {
  if (typeof req.scene !== 'string' || !SCENE.test(req.scene)) {
    return { errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' };
  }
  const page = req.page === undefined || req.page === '' ? pages[0] : req.page;
  if (typeof page !== 'string' || page.startsWith('/') || page.includes('?')) return { errcode: 41030, errmsg: `invalid page: ${String(page)} (no leading '/', no query)` };
  if (req.check_path !== false && !pages.includes(page)) return { errcode: 41030, errmsg: `invalid page: ${page} is not a page of the released app` };
  if (req.env_version !== undefined && !['release', 'trial', 'develop'].includes(String(req.env_version))) {
    return { errcode: 40097, errmsg: 'invalid args: env_version' };
  }
  const width = req.width === undefined ? 430 : Number(req.width);
  if (!Number.isInteger(width) || width < 280 || width > 1280) return { errcode: 40097, errmsg: 'invalid args: width must be 280-1280' };
  return { page, scene: req.scene, width };
}

export async function renderWxacode(page: string, scene: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(wxacodeContent(page, scene), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width });
}
