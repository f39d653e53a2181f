import { useState } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { CursorPage } from '../../components/cursor-page';
import { Sheet } from '../../components/sheet';
import { ShareBar } from '../../components/share-bar';
import { useCursorList } from '../../hooks/use-cursor-list';
import { materialApi, type MaterialItem } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { mintShare } from '../../services/share';
import { KIND_TEXT } from '../../utils/briefcase-text';
import './index.css';

const PAGE = '/packageShop/material/index';

/** The materials library: browse by tag, preview, forward a material as a card with the salesperson's share id. */
export default function MaterialsPage() {
  const [tag, setTag] = useState<string>();
  const list = useCursorList((cursor) => materialApi.list(tag, cursor), [tag]);
  const [sending, setSending] = useState<MaterialItem>();
  const src = useImageSrcs(list.items.map((m) => m.cover));
  const tags = [...new Set(list.items.flatMap((m) => m.tags))];
  useShareAppMessage(() => {
    const m = sending;
    if (!m) return { title: '好内容分享', path: '/pages/shelf/index' };
    return { title: m.title, path: `${PAGE}?id=${m.materialId}`, promise: mintShare('material', m.materialId).then((s) => ({ title: m.title, path: s.path })) };
  });

  const head = (
    <View className="ml-tags">
      <Text className={`ml-tag ${tag ? '' : 'on'}`} onClick={() => setTag(undefined)}>
        全部
      </Text>
      {(tag && !tags.includes(tag) ? [tag, ...tags] : tags).map((t) => (
        <Text key={t} className={`ml-tag ${tag === t ? 'on' : ''}`} onClick={() => setTag(t)}>
          {t}
        </Text>
      ))}
    </View>
  );
  const tail = sending ? (
    <Sheet title={`转发「${sending.title}」`} onClose={() => setSending(undefined)} testid="material-share-sheet">
      <Text className="muted ml-tip">客户打开后绑定到你名下，阅读时长和进度会出现在雷达里。</Text>
      <ShareBar type="material" id={sending.materialId} page={`${PAGE}?id=${sending.materialId}`} label="转发素材" />
      <Button className="btn-plain ml-close" onClick={() => setSending(undefined)}>
        关闭
      </Button>
    </Sheet>
  ) : null;
  return (
    <CursorPage list={list} empty="还没有素材" hint="运营发布后会出现在这里" head={head} tail={tail}>
      {(items) =>
        items.map((m) => (
          <View key={m.materialId} className="card ml-item" data-testid="material-item" data-id={m.materialId}>
            {src[m.cover] ? <Image className="ml-cover" src={src[m.cover]} mode="aspectFill" /> : <View className="ml-cover" />}
            <View className="ml-mid">
              <Text className="ml-kind">{KIND_TEXT[m.kind] ?? m.kind}</Text>
              <Text className="ml-title">{m.title}</Text>
              {m.summary ? <Text className="muted ellipsis">{m.summary}</Text> : null}
              <View className="row ml-actions">
                <Button className="btn-plain" size="mini" onClick={() => Taro.navigateTo({ url: `${PAGE}?id=${m.materialId}` })}>
                  预览
                </Button>
                <Button className="btn-primary" size="mini" onClick={() => setSending(m)} data-testid="material-forward">
                  转发
                </Button>
              </View>
            </View>
          </View>
        ))
      }
    </CursorPage>
  );
}
