import { View, Text, Button } from '@tarojs/components';
import type { CloudError } from '../services/errors';
import './states.css';

/** Grey placeholder blocks while the first load runs. */
export function Skeleton({ rows = 3, grid = false }: { rows?: number; grid?: boolean }) {
  if (grid) {
    return (
      <View className="sk-grid">
        {Array.from({ length: rows * 2 }, (_, i) => (
          <View key={i} className="sk-card">
            <View className="sk-img" />
            <View className="sk-line" />
            <View className="sk-line short" />
          </View>
        ))}
      </View>
    );
  }
  return (
    <View className="sk-list">
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className="sk-row">
          <View className="sk-line" />
          <View className="sk-line short" />
        </View>
      ))}
    </View>
  );
}

export function Empty({ text = '这里还没有内容', hint }: { text?: string; hint?: string }) {
  return (
    <View className="state-box">
      <View className="state-icon">☐</View>
      <Text className="state-text">{text}</Text>
      {hint ? <Text className="state-hint">{hint}</Text> : null}
    </View>
  );
}

/** An error by code, in Chinese, with a retry button. */
export function ErrorView({ error, onRetry }: { error: CloudError; onRetry?: () => void }) {
  return (
    <View className="state-box" data-code={error.code}>
      <View className="state-icon err">!</View>
      <Text className="state-text">{error.message}</Text>
      {onRetry ? (
        <Button className="btn-ghost state-retry" size="mini" onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

/** Loading/error/empty switch for a loaded value. */
export function Loadable<T>(props: {
  state: { data: T | undefined; error: CloudError | undefined; loading: boolean; reload: () => void };
  skeleton?: JSX.Element;
  isEmpty?: (d: T) => boolean;
  empty?: JSX.Element;
  children: (d: T) => JSX.Element;
}) {
  const { data, error, loading, reload } = props.state;
  if (data === undefined) {
    if (error) return <ErrorView error={error} onRetry={reload} />;
    if (loading) return props.skeleton || <Skeleton />;
    return null;
  }
  if (props.isEmpty && props.isEmpty(data)) return props.empty || <Empty />;
  return props.children(data);
}

export function LoadMore({ hasMore, count }: { hasMore: boolean; count: number }) {
  if (count === 0) return null;
  return <View className="load-more">{hasMore ? '上拉加载更多' : '— 没有更多了 —'}</View>;
}

/** The foot of a server-paged list: "加载更多" while the server has more, then the end mark. */
export function CursorLoadMore({ list }: { list: { hasMore: boolean; loadMore: () => void; items: unknown[] } }) {
  if (list.hasMore) {
    return (
      <View className="load-more" onClick={list.loadMore} data-testid="load-more">
        加载更多
      </View>
    );
  }
  return <LoadMore hasMore={false} count={list.items.length} />;
}

/** The body of a server-paged list (`useCursorList`): its error while nothing is shown, the skeleton, the empty text, or its rows, then the foot. */
export function CursorListBody<T>({ list, empty, children }: {
  list: { items: T[]; first: unknown; error: CloudError | undefined; loading: boolean; hasMore: boolean; reload: () => void; loadMore: () => void };
  empty: string;
  children: (item: T) => JSX.Element;
}) {
  return (
    <>
      {list.error && list.items.length === 0 ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.first ? (
        <Skeleton rows={3} />
      ) : list.items.length === 0 ? (
        <Empty text={empty} />
      ) : (
        list.items.map(children)
      )}
      <CursorLoadMore list={list} />
    </>
  );
}

/** A row of tabs, one per status; the active one marked. */
export function StatusTabs<S extends string>({ tabs, value, text, onChange, testid }: { tabs: readonly S[]; value: S; text: Record<S, string>; onChange: (s: S) => void; testid: string }) {
  return (
    <View className="tabs">
      {tabs.map((s) => (
        <View key={s} className={`tab ${s === value ? 'active' : ''}`} onClick={() => onChange(s)} data-testid={`${testid}-${s}`}>
          {text[s]}
        </View>
      ))}
    </View>
  );
}
