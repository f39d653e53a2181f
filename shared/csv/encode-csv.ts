import { stringify } from 'csv-stringify/sync';
import { yuanText } from '../money/yuan';

/**
 * CSV that Excel and WPS open with Chinese text: UTF-8 with a byte order mark (without it Excel
 * reads the bytes as the system code page, GBK on Chinese Windows), CRLF line ends, RFC 4180
 * quoting (a field with a comma, quote or line break is quoted, quotes doubled — csv-stringify
 * does this). Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the
 * start) gets a leading `'` (OWASP's CSV-injection rule); numbers and money are written as they are.
 */

/** A cell: text, a number, money in fen (written in yuan with two decimals), or empty. */
export type CsvCell = string | number | null | undefined | { fen: number };

/** The byte order mark Excel needs to read UTF-8. */
export const UTF8_BOM = '\uFEFF';

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'object') return yuanText(cell.fen);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The CSV text of a header and rows (BOM first, CRLF after every record).
 * @example encodeCsv(['商品', '金额(元)'], [['茶, 特级', { fen: 1990 }]]) // '\uFEFF商品,金额(元)\r\n"茶, 特级",19.90\r\n'
 */
export function encodeCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  const records = [header.map(cellText), ...rows.map((r) => r.map(cellText))];
  // With CRLF records csv-stringify quotes only a full CRLF: a bare LF or CR must be quoted too.
  return UTF8_BOM + stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
