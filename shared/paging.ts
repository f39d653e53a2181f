/**
 * Stable cursors for lists sorted by an instant then `_id` (descending): the cursor names the last
 * row shown, and the next page is every row strictly after it in that order.
 */

/** A decoded cursor: the last row's instant and id. */
export interface Cursor {
  at: Date;
  id: string;
}

/**
 * The cursor after a row. @example encodeCursor(new Date(0), 'e1') // '0_e1'
 */
export function encodeCursor(at: Date, id: string): string {
  return `${new Date(at).getTime()}_${id}`;
}

/**
 * A cursor from its text, or null when it is not one (the caller answers INVALID_ARGUMENT).
 * @example decodeCursor('0_e1') // { at: new Date(0), id: 'e1' }
 */
export function decodeCursor(text: string): Cursor | null {
  const m = /^(\d{1,15})_(.{1,64})$/.exec(text);
  if (!m) return null;
  const at = new Date(Number(m[1]));
  return Number.isNaN(at.getTime()) ? null : { at, id: m[2] };
}
