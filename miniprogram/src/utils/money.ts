/**
 * The one money formatter of the app: integer fen → "¥12.90".
 * @example formatFen(1290) === '¥12.90'; formatFen(-500) === '-¥5.00'
 */
export function formatFen(fen: number | undefined | null, opts: { symbol?: boolean } = {}): string {
  const n = Number.isFinite(fen as number) ? Math.round(fen as number) : 0;
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${opts.symbol === false ? '' : '¥'}${yuan}.${cents}`;
}

/** Yuan part and cents part separately, for the big-yuan/small-cents price style. */
export function splitFen(fen: number): { yuan: string; cents: string } {
  const n = Math.max(0, Math.round(fen || 0));
  return { yuan: String(Math.floor(n / 100)), cents: String(n % 100).padStart(2, '0') };
}

/** Compact yuan for charts and KPIs: 123456 fen → "¥1,234.56"; ≥ 1e6 fen → "¥1.2万". */
export function formatFenCompact(fen: number): string {
  const yuan = (fen || 0) / 100;
  if (Math.abs(yuan) >= 10000) return `¥${(yuan / 10000).toFixed(1)}万`;
  return `¥${yuan.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 })}`;
}

/**
 * Yuan typed by a person ("12", "12.5", "12.50") → integer fen; null when it is not an amount with
 * at most two decimals.
 * @example parseYuan('12.5') === 1250; parseYuan('1.234') === null
 */
export function parseYuan(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const [yuan, cents = ''] = t.split('.');
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}
