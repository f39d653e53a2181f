import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { CursorPage } from '../../components/cursor-page';
import { CustomerFace } from '../../components/customer-face';
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
    </CursorPage>
  );
}
