import { decodeCursor, encodeCursor } from '../../shared/paging';
import { AppError } from '../../shared/errors';
import { command, type Fields } from './store';

/**
 * A filter for the page after `cursor` of a list sorted by `field` then `_id`, both descending:
 * `where` and (`field` < at, or `field` = at and `_id` < id). A cursor that does not decode is
 * INVALID_ARGUMENT.
 */
export function afterCursor(where: Fields, field: string, cursor: string | undefined): Fields {
  if (!cursor) return where;
  const c = decodeCursor(cursor);
  if (!c) throw new AppError('INVALID_ARGUMENT', 'cursor: not a cursor of this list');
  const _ = command();
  return _.and([where, _.or([{ [field]: _.lt(c.at) }, { [field]: c.at, _id: _.lt(c.id) }])]) as unknown as Fields;
}

/**
 * One page out of `limit + 1` rows read: the first `limit`, and the cursor after the last of them
 * when there is more.
 */
export function pageOf<T extends { _id: string }>(rows: T[], limit: number, atOf: (row: T) => Date): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(atOf(last), last._id) : null };
}
