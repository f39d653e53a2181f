import { cartApi } from './api';

/**
 * Adds `qty` of a SKU to the cloud cart (the server keeps the whole cart: read it, set it with
 * this line added; the server caps quantities and lines and says so).
 */
export async function addToCart(skuId: string, qty: number): Promise<void> {
  const cart = await cartApi.get();
  const items = cart.items.map((l) => ({ skuId: l.skuId, qty: l.qty }));
  const line = items.find((l) => l.skuId === skuId);
  if (line) line.qty += qty;
  else items.push({ skuId, qty });
  await cartApi.set(items);
}
