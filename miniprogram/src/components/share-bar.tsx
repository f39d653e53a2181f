import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, Image } from '@tarojs/components';
import { shareApi } from '../services/api';
import { h5Link, mintShare, shareCard, type ShareTargetType } from '../services/share';
import { toastError } from '../hooks/use-cloud';
import { composePoster, savePoster } from '../services/poster';

/**
 * Share actions for a target. weapp: the native "转发" button (page's useShareAppMessage builds
 * the card) + poster. h5: copy link + poster. Each channel mints its own share id.
 */
export function ShareBar({ type, id, page, label = '分享', title }: { type: ShareTargetType; id: string; page: string; label?: string; title?: string }) {
  // h5: the chat card the link would make in WeChat (the card experiment's title), shown after a copy
  const [cardTitle, setCardTitle] = useState<string>();
  const [poster, setPoster] = useState<{ img?: string; link: string; name: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const copyLink = async () => {
    setBusy(true);
    try {
      const m = await mintShare(type, id, 'card').catch(() => undefined);
      const link = h5Link(m ? m.path : page);
      if (m && title) setCardTitle(shareCard(m, title).title);
      await Taro.setClipboardData({ data: link });
      Taro.showToast({ title: '链接已复制', icon: 'success' });
    } finally {
      setBusy(false);
    }
  };

  const makePoster = async () => {
    setBusy(true);
    try {
      const m = await mintShare(type, id, 'poster');
      const r = await shareApi.poster(m.shareId).catch(() => undefined);
      // the composed poster (product, price, salesperson, code); the bare code if drawing fails
      const img = r ? await composePoster(r).catch(() => r.url) : undefined;
      setPoster({ img, link: h5Link(m.path), name: `poster-${m.shareId}` });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = (img: string, name: string) =>
    savePoster(img, name).then(
      () => Taro.showToast({ title: '已保存', icon: 'success' }),
      (e) => toastError(e),
    );

  return (
    <View className="share-bar row">
      {process.env.TARO_ENV === 'weapp' ? (
        <Button className="btn-primary share-btn" size="mini" openType="share">
          {label}给好友
        </Button>
      ) : (
        <Button className="btn-primary share-btn" size="mini" onClick={copyLink} disabled={busy} data-testid="copy-link">
          复制链接
        </Button>
      )}
      {cardTitle ? (
        <Text className="muted share-card-title" data-testid="card-title">
          {cardTitle}
        </Text>
      ) : null}
      <Button className="btn-ghost share-btn" size="mini" onClick={makePoster} disabled={busy} data-testid="make-poster">
        生成海报
      </Button>
      {poster ? (
        <View className="mask poster-mask" onClick={() => setPoster(null)}>
          <View className="sheet poster-sheet" onClick={(e) => e.stopPropagation()}>
            <View className="card-title">分享海报</View>
            <Text className="muted">扫码打开 · 分享记录在你名下</Text>
            {poster.img ? (
              <Image className="poster-img" src={poster.img} mode="widthFix" showMenuByLongpress data-testid="poster-img" />
            ) : (
              <Text className="muted">海报服务暂不可用，可复制链接分享</Text>
            )}
            {poster.img ? (
              <Button className="btn-primary" onClick={() => save(poster.img!, poster.name)} data-testid="poster-save">
                {process.env.TARO_ENV === 'h5' ? '下载海报' : '保存到相册'}
              </Button>
            ) : null}
            <Text className="muted poster-link">{process.env.TARO_ENV === 'h5' ? poster.link : '长按图片保存，发朋友圈或群聊'}</Text>
            <Button className="btn-plain" onClick={() => setPoster(null)}>
              关闭
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
