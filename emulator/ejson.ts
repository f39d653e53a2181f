/**
 * The SDK's wire format: canonical EJSON strings for queries, data, order and projection.
 * Parsing uses the `bson` package; two CloudBase extras are mapped here:
 * - `$regularExpression` arrives as BSONRegExp → converted to a JS RegExp for mingo;
 * - `{$tcb_server_date: {offset}}` (db.serverDate()) → a Date from the local cloud's clock.
 */
import { BSONRegExp, EJSON } from 'bson';

export type Doc = Record<string, unknown> & { _id?: unknown };

/** Parses one EJSON string from the SDK into plain JS values (numbers, Date, RegExp). */
export function parseWire(text: unknown, now: () => number, what: string): unknown {
  if (typeof text !== 'string') throw new WireError(`${what} must be an EJSON string`);
  let value: unknown;
  try {
    value = EJSON.parse(text, { relaxed: true });
  } catch (err) {
    throw new WireError(`${what} is not valid EJSON: ${(err as Error).message}`);
  }
  return normalize(value, now);
}

/** Serializes a stored document the way the service does (canonical EJSON). */
export function toWire(doc: unknown): string {
  return EJSON.stringify(doc as Record<string, unknown>, { relaxed: false });
}

function normalize(value: unknown, now: () => number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''));
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return value;
  if (Array.isArray(value)) return value.map((v) => normalize(v, now));
  const obj = value as Record<string, unknown>;
  if ('$tcb_server_date' in obj && Object.keys(obj).length === 1) {
    const spec = obj.$tcb_server_date as { offset?: unknown } | undefined;
    const offset = Number(spec?.offset ?? 0);
    return new Date(now() + (Number.isFinite(offset) ? offset : 0));
  }
  // bson's Long/Int32/Double in relaxed mode are already numbers; other BSON types pass through.
  if (typeof (obj as { _bsontype?: unknown })._bsontype === 'string') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = normalize(v, now);
  return out;
}

/** A request the service would refuse: answered as an error reply, never a crash. */
export class WireError extends Error {
  constructor(
    message: string,
    readonly code = 'INVALID_PARAM',
  ) {
    super(message);
  }
}

/**
 * Deep copy of a stored document (Dates and RegExps kept). Not structuredClone: under Jest that
 * creates Dates of another realm, which fail `instanceof Date` checks (zod's z.date()).
 */
export function clone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map((v) => clone(v)) as T;
  if (typeof (value as { _bsontype?: unknown })._bsontype === 'string') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = clone(v);
  return out as T;
}
