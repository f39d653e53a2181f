import type { ReactNode } from 'react';
import { Shell } from './shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from './states';
import type { CloudError } from '../services/errors';

/**
 * A page that is one server-paged list (`useCursorList`): the skeleton, or the error with a retry,
 * until its first page; then `head`, the empty text or the rows, the list's foot, and `tail`.
 */
export function CursorPage<T>(props: {
  list: { data: unknown; items: T[]; error: CloudError | undefined; reload: () => void; hasMore: boolean; loadMore: () => void };
  empty: string;
  hint?: string;
  head?: ReactNode;
  tail?: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { list } = props;
  if (list.data === undefined) return <Shell>{list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={5} />}</Shell>;
  return (
    <Shell>
      {props.head}
      {list.items.length === 0 ? <Empty text={props.empty} hint={props.hint} /> : props.children(list.items)}
      <CursorLoadMore list={list} />
      {props.tail}
    </Shell>
  );
}
