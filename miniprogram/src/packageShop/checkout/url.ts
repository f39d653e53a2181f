/** Builds the checkout URL; `mode` open = start a team, join = join `teamId`, single = buy alone. */
export function checkoutUrl(p: { productId: string; skuId?: string; qty?: number; mode: 'single' | 'open' | 'join'; dealId?: string; teamId?: string }): string {
  const q = Object.entries(p)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `/packageShop/checkout/index?${q}`;
}
