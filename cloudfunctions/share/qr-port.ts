/**
 * The poster's QR code: one port, two adapters. Locally the `qrcode` package encodes the h5 URL
 * of the landing page; in CloudBase `wxacode.getUnlimited` (云调用, no access_token to manage)
 * encodes the share id as the `scene` of the mini-program code.
 */
import QRCode from 'qrcode';
import { getApp } from '../_platform';
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
      const res = await getApp().callWxOpenApi({
        apiName: 'wxacode.getUnlimited',
        requestData: { scene: shareId, page: SHARE_LANDING_PAGE, check_path: false, width: 430 },
      });
      const result: unknown = res.result;
      const png = Buffer.isBuffer(result) ? result : Buffer.from(result as string, 'base64');
      return { png, encoded: `scene=${shareId}` };
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
