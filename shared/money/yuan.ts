/**
 * Integer fen as yuan with two decimals, no symbol, no thousands separator (a spreadsheet reads it
 * as a number; a subscribe message's `amount` puts ¥ before it).
 * @example yuanText(123456) // '1234.56'; yuanText(-5) // '-0.05'
 */
export function yuanText(fen: number): string {
  const n = Math.round(fen);
  const abs = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
