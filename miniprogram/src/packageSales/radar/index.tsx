import { View, Text } from '@tarojs/components';
import { CursorPage } from '../../components/cursor-page';
import { CustomerCell } from '../../components/customer-cell';
import { useCursorList } from '../../hooks/use-cursor-list';
import { materialApi } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { formatSeconds, KIND_TEXT } from '../../utils/briefcase-text';
import { formatDateTime } from '../../utils/time';

/** The read radar: who of my customers read what, when, how long and how far — newest first. */
export default function RadarPage() {
  const list = useCursorList((cursor) => materialApi.radar(cursor));
  const src = useImageSrcs(list.items.map((i) => i.avatar));
  return (
    <CursorPage list={list} empty="还没有客户阅读记录" hint="去素材库转发内容，客户打开后这里会显示">
      {(items) => (
        <View className="card">
          {items.map((r) => (
            <CustomerCell
              key={r.visitId}
              customer={r}
              srcs={src}
              testid="radar-row"
              visitId={r.visitId}
              aside={
                <View className="radar-stats">
                  <Text className="radar-time" data-testid="radar-seconds">
                    {formatSeconds(r.seconds)}
                  </Text>
                  <Text className="muted" data-testid="radar-depth">
                    读到 {r.depth}%
                  </Text>
                </View>
              }
            >
              <Text className="ellipsis">
                <Text className="radar-who">{r.nickname}</Text> 阅读了《{r.title}》
              </Text>
              <Text className="muted">
                {KIND_TEXT[r.kind] ?? r.kind} · {formatDateTime(r.openedAt)}
              </Text>
            </CustomerCell>
          ))}
        </View>
      )}
    </CursorPage>
  );
}
