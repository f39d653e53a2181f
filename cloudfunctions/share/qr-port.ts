/**
 * The poster's QR code: one port, two adapters. `wxacodeQr` is the production one:
 * `wxacode.getUnlimited` (云调用, no access_token to manage) encodes the share id as the `scene` of
 * the mini-program code; it runs against the local cloud too, which answers with a PNG that
 * decodes to `https://local.linkshelf/<page>?scene=<id>`. `localQr` encodes the h5 landing URL for
 * people scanning a poster of the h5 build. `qrPort()` still picks localQr on the local cloud
 * (phase 2 of issue 10 switches share.poster to wxacode everywhere).
 */
import QRCode from 'qrcode';
import { callOpenApi, readImageReply } from '../_platform';
import { readConfig } from '../_platform/config';
import { SHARE_LANDING_PAGE } from '../../shared/growth';

/** Makes the PNG of a share's code. */
export interface QrPort {
  readonly kind: 'h5-qrcode' | 'wxacode';
  render(shareId: string): Promise<{ png: Buffer; encoded: string }>;
}

// A share's code never changes: keep the last few PNGs (rendering costs tens of ms).
const rendered = new Map<string, Buffer>();
const RENDERED_MAX = 256;

/** Local adapter: a plain QR code of the h5 landing URL (≈ 220 px). */
export function localQr(h5BaseUrl: string): QrPort {
  return {
    kind: 'h5-qrcode',
    async render(shareId) {
      const url = `${h5BaseUrl.replace(/\/$/, '')}/#/${SHARE_LANDING_PAGE}?s=${encodeURIComponent(shareId)}`;
      let png = rendered.get(url);
      if (!png) {
        png = await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 });
        if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value as string);
        rendered.set(url, png);
      }
      return { png, encoded: url };
    },
  };
}

/** Cloud adapter: `wxacode.getUnlimited` through CloudBase's open-API call. */
export function wxacodeQr(): QrPort {
  return {
    kind: 'wxacode',
    async render(shareId) {
      // check_path stays on: a landing page missing from the released app is an error, not a dead code.
      const result = await callOpenApi('wxacode.getUnlimited', { scene: shareId, page: SHARE_LANDING_PAGE, width: 430 });
      const { bytes } = readImageReply('wxacode.getUnlimited', result);
      return { png: bytes, encoded: `${SHARE_LANDING_PAGE}?scene=${shareId}` };
    },
  };
}

/** The adapter for where this function runs (the platform config is the only switch). */
export function qrPort(): QrPort {
  const config = readConfig();
  if (config.serviceUrl) {
    const base = process.env.LINKSHELF_H5_URL || config.serviceUrl.replace(/\/admin$/, '');
    return localQr(base);
  }
  return wxacodeQr();
}
