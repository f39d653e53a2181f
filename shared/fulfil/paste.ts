/**
 * Rows pasted into the to-ship page (a CSV/TSV export of a carrier's system, or typed): one
 * parcel per row, `orderId, carrier, trackingNo`. Pure; the app parses, shows each row's problem,
 * and sends the good rows to `fulfil.shipMany`.
 */
import { carrierOf, normalizeTrackingNo, TRACKING_NO_RULE, type CarrierCode } from './carriers';

/** A row ready to ship. */
export interface PastedRow {
  orderId: string;
  carrier: CarrierCode;
  trackingNo: string;
}

/** What a pasted text gave: good rows, and each bad line with its problem (line numbers from 1). */
export interface PastedShipments {
  rows: PastedRow[];
  problems: Array<{ line: number; text: string; problem: string }>;
}

/** At most this many rows per paste (one `shipMany` call). */
export const MAX_PASTED_ROWS = 100;

/** Splits one line on a comma, a Chinese comma, a tab or a semicolon; strips quotes around cells. */
function cellsOf(line: string): string[] {
  return line.split(/[,，\t;；]/).map((c) => c.trim().replace(/^"(.*)"$/, '$1').trim());
}

const HEADER = /^(订单|order)/i;

/**
 * Parses pasted rows. A first line that names the columns (starts with 订单 / order) is skipped;
 * blank lines are ignored; the same order twice keeps the first row.
 * @example parsePastedShipments('o1,顺丰,SF1234567890123').rows // [{ orderId: 'o1', carrier: 'SF', trackingNo: 'SF1234567890123' }]
 */
export function parsePastedShipments(text: string): PastedShipments {
  const out: PastedShipments = { rows: [], problems: [] };
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || (i === 0 && HEADER.test(line))) return;
    const problem = (p: string) => out.problems.push({ line: i + 1, text: line, problem: p });
    const [orderId = '', carrierText = '', trackingText = '', ...extra] = cellsOf(line);
    if (extra.some((c) => c !== '')) return problem('expected 3 columns: orderId, carrier, trackingNo');
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) return problem('orderId: letters, digits, _ and - only');
    const carrier = carrierOf(carrierText);
    if (!carrier) return problem(`carrier: unknown "${carrierText}"`);
    const trackingNo = normalizeTrackingNo(trackingText);
    if (!trackingNo) return problem(`trackingNo: ${TRACKING_NO_RULE}`);
    if (seen.has(orderId)) return problem(`orderId: ${orderId} is listed twice`);
    if (out.rows.length >= MAX_PASTED_ROWS) return problem(`at most ${MAX_PASTED_ROWS} rows per paste`);
    seen.add(orderId);
    out.rows.push({ orderId, carrier, trackingNo });
  });
  return out;
}
