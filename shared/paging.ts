/**
 * Paging cursors: a page ends at its last row, and the next page starts strictly after that row's
 * sort key and `_id` (ties on the key are ordered by `_id`, so every row is seen exactly once even
 * when many share a key). The cursor is opaque to the app: base64url of `[kind, value, _id]`.
 */

/** A sort value a cursor can carry. */
export type CursorValue = string | number | Date | null;

/** Where a page ends: the last row's sort value and id. */
export interface CursorPosition {
  value: CursorValue;
  id: string;
}

const toBase64Url = (s: string) => btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64Url = (s: string) => atob(s.replace(/-/g, '+').replace(/_/g, '/'));

/**
 * The cursor after a row. @example encodeCursor({ value: new Date(0), id: 'o1' }) // 'WyJkIiwwLCJvMSJd'
 */
export function encodeCursor(at: CursorPosition): string {
  const v = at.value;
  const tagged = v instanceof Date ? ['d', v.getTime()] : v === null ? ['z', 0] : [typeof v === 'number' ? 'n' : 's', v];
  return toBase64Url(JSON.stringify([...tagged, at.id]));
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): CursorPosition | undefined {
  try {
    const raw: unknown = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(raw) || raw.length !== 3 || typeof raw[2] !== 'string' || raw[2].length === 0) return undefined;
    const [kind, v, id] = raw as [unknown, unknown, string];
    if (kind === 'd' && typeof v === 'number' && Number.isFinite(v)) return { value: new Date(v), id };
    if (kind === 'n' && typeof v === 'number' && Number.isFinite(v)) return { value: v, id };
    if (kind === 's' && typeof v === 'string') return { value: v, id };
    if (kind === 'z') return { value: null, id };
    return undefined;
  } catch {
    return undefined;
  }
}
