import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CustomerFace } from '../../components/customer-face';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { materialApi } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { formatSeconds, KIND_TEXT } from '../../utils/briefcase-text';
import { formatDateTime } from '../../utils/time';

/** The read radar: who of my customers read what, when, how long and how far — newest first. */
export default function RadarPage() {
  const list = useCursorList((cursor) => materialApi.radar(cursor));
  const src = useImageSrcs(list.items.map((i) => i.avatar));
  if (list.data === undefined) return <Shell>{list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={5} />}</Shell>;
  return (
    <Shell>
      {list.items.length === 0 ? (
        <Empty text="还没有客户阅读记录" hint="去素材库转发内容，客户打开后这里会显示" />
      ) : (
        <View className="card">
          {list.items.map((r) => (
            <View key={r.visitId} className="cell" onClick={() => Taro.navigateTo({ url: `/packageSales/customer/index?openid=${r.openid}` })} data-testid="radar-row" data-visit={r.visitId}>
              <View className="row grow">
                <CustomerFace src={r.avatar ? src[r.avatar] : undefined} name={r.nickname} />
                <View className="grow radar-mid">
                  <Text className="ellipsis">
                    <Text className="radar-who">{r.nickname}</Text> 阅读了《{r.title}》
                  </Text>
                  <Text className="muted">
                    {KIND_TEXT[r.kind] ?? r.kind} · {formatDateTime(r.openedAt)}
                  </Text>
                </View>
              </View>
              <View className="radar-stats">
                <Text className="radar-time" data-testid="radar-seconds">
                  {formatSeconds(r.seconds)}
                </Text>
                <Text className="muted" data-testid="radar-depth">
                  读到 {r.depth}%
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
      <CursorLoadMore list={list} />
    </Shell>
  );
}
