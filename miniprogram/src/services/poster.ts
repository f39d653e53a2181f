import Taro from '@tarojs/taro';
import type { Reply } from '../../../shared/contract';
import { drawPoster, POSTER_H, POSTER_W, type Draw2D, type PosterImages } from './poster-draw';

/** share.poster's reply. */
export type SharePoster = Reply<'share', 'poster'>;

interface Canvas2D<I> {
  width: number;
  height: number;
  getContext(kind: '2d'): unknown;
  createImage?: () => I;
}

/** An image being loaded: the browser's Image and WeChat's canvas image have these. */
type Loading = { onload: (() => void) | null; onerror: (() => void) | null; src: string };

/** Loads an image for the canvas; null when it is missing or fails (the poster leaves it out). */
function loadImage<I>(make: () => I, src: string | null): Promise<I | null> {
  if (!src) return Promise.resolve(null);
  return new Promise((resolve) => {
    const img = make();
    const loading = img as unknown as Loading;
    loading.onload = () => resolve(img);
    loading.onerror = () => resolve(null);
    loading.src = src;
  });
}

async function draw<I>(canvas: Canvas2D<I>, make: () => I, p: SharePoster): Promise<void> {
  const [product, avatar, code] = await Promise.all([loadImage(make, p.content.imageUrl), loadImage(make, p.content.salesAvatarUrl), loadImage(make, p.url)]);
  const images: PosterImages<I> = { product, avatar, code };
  drawPoster(canvas.getContext('2d') as Draw2D<I>, p.content, images);
}

/**
 * Composes the poster on the client canvas: h5 a DOM canvas (a PNG data URL), weapp an offscreen
 * canvas 2d (a temporary file, which the album accepts). Client-side because the device has the
 * CJK fonts and decodes every image format the shelf uses (SVG included); a server-side
 * compositor (jimp, pure JS) has neither.
 */
export async function composePoster(p: SharePoster): Promise<string> {
  if (process.env.TARO_ENV === 'h5') {
    const canvas = document.createElement('canvas');
    canvas.width = POSTER_W;
    canvas.height = POSTER_H;
    await draw<HTMLImageElement>(canvas as unknown as Canvas2D<HTMLImageElement>, () => Object.assign(new Image(), { crossOrigin: 'anonymous' }), p);
    return canvas.toDataURL('image/png');
  }
  const canvas = Taro.createOffscreenCanvas({ type: '2d', width: POSTER_W, height: POSTER_H }) as unknown as Canvas2D<unknown>;
  await draw<unknown>(canvas, () => canvas.createImage!(), p);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

/**
 * Keeps the poster: weapp saves it to the album (WeChat asks for scope.writePhotosAlbum; the
 * privacy guide must declare the album, see docs/growth.md), h5 downloads the PNG.
 */
export async function savePoster(image: string, name: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = image;
    a.download = `${name}.png`;
    a.click();
    return;
  }
  await Taro.saveImageToPhotosAlbum({ filePath: image });
}
