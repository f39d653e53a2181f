import { getTempFileUrls } from '../_platform';

/**
 * Product images for a page: `cloud://` file ids (uploaded in the back office) become temporary
 * URLs — one storage call for the whole page, none when no image is in storage (the seed's
 * `/assets/` images); a file that is gone is left out rather than shown broken.
 * @example await withImageUrls([{ id: 'p1', images: ['cloud://…/a.png', '/assets/products/p01.svg'] }]) // images: ['https://…', '/assets/…']
 */
export async function withImageUrls<T extends { images: string[] }>(products: T[]): Promise<T[]> {
  const ids = [...new Set(products.flatMap((p) => p.images.filter((i) => i.startsWith('cloud://'))))];
  if (ids.length === 0) return products;
  const urls = await getTempFileUrls(ids);
  return products.map((p) => ({ ...p, images: p.images.flatMap((i) => (i.startsWith('cloud://') ? (urls.has(i) ? [urls.get(i) as string] : []) : [i])) }));
}
