import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Sheet } from '../../components/sheet';
import { Loadable, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useCloud } from '../../hooks/use-cloud';
import { useVisitProgress } from '../../hooks/use-visit-progress';
import { cardApi, type CardReply } from '../../services/api';
import { useImageSrcs } from '../../services/images';
import { mintShare } from '../../services/share';
import { KIND_TEXT } from '../../utils/briefcase-text';
import { formatFen } from '../../utils/money';
import './index.css';

const PAGE = '/packageShop/card/index';

/** A salesperson's business card as a customer sees it: who, how to reach them, what they recommend. */
export default function CardPage() {
  const { params } = useRouter();
  const salesId = params.salesId || '';
  const state = useCloud(() => cardApi.get(salesId), [salesId]);
  const [qr, setQr] = useState(false);
  const c = state.data?.card;
  const src = useImageSrcs(c ? [c.photo, c.wechatQr, ...c.featuredMaterials.map((m) => m.cover)] : []);
  useVisitProgress(state.data?.visitId, '.card-page');
  const title = c ? `${c.name}的名片` : '名片';
  useShareAppMessage(() => ({ title, path: `${PAGE}?salesId=${salesId}`, promise: mintShare('card', salesId).then((s) => ({ title, path: s.path })) }));

  const tap = (d: CardReply, what: 'phone' | 'wechat') => {
    if (d.visitId) cardApi.tap(d.visitId, what).catch(() => undefined);
    if (what === 'wechat') return setQr(true);
    if (!d.card.phone) return;
    const phone = d.card.phone.replace(/[\s-]/g, '');
    if (process.env.TARO_ENV === 'weapp') {
      Taro.addPhoneContact({ firstName: d.card.name, mobilePhoneNumber: phone, title: d.card.title, organization: d.card.brandName ?? '' }).catch(() => Taro.makePhoneCall({ phoneNumber: phone }));
    } else {
      Taro.showModal({ title: d.card.name, content: `电话 ${d.card.phone}`, showCancel: false });
    }
  };

  return (
    <Shell className="card-page">
      <Loadable state={state} skeleton={<Skeleton rows={5} />}>
        {(d) => (
          <View>
            <View className="bc-head">
              {d.card.photo && src[d.card.photo] ? <Image className="bc-photo" src={src[d.card.photo]} mode="aspectFill" /> : <View className="bc-photo" />}
              <View className="bc-who">
                <Text className="bc-name" data-testid="card-name">{d.card.name}</Text>
                <Text className="bc-title">{d.card.title}</Text>
                {d.card.brandName ? <Text className="bc-brand">{d.card.brandName}</Text> : null}
              </View>
            </View>
            {d.card.intro ? (
              <View className="card">
                <Text className="bc-intro" data-testid="card-intro">{d.card.intro}</Text>
              </View>
            ) : null}
            <View className="card row bc-actions">
              <Button className="btn-primary grow" disabled={!d.card.phone} onClick={() => tap(d, 'phone')} data-testid="card-save-phone">
                保存电话
              </Button>
              <Button className="btn-ghost grow" disabled={!d.card.wechatQr} onClick={() => tap(d, 'wechat')} data-testid="card-add-wechat">
                加我微信
              </Button>
            </View>
            {d.card.featuredProducts.length ? (
              <View className="card">
                <View className="card-title">推荐好物</View>
                {d.card.featuredProducts.map((p) => (
                  <View key={p.productId} className="cell" onClick={() => Taro.navigateTo({ url: `/packageShop/product/index?id=${p.productId}` })}>
                    <View className="row grow">
                      {p.imageUrl ? <Image className="bc-thumb" src={p.imageUrl} /> : <View className="bc-thumb" />}
                      <Text className="ellipsis grow">{p.title}</Text>
                    </View>
                    <Text className="price">{formatFen(p.priceFen)}</Text>
                  </View>
                ))}
              </View>
            ) : null}
            {d.card.featuredMaterials.length ? (
              <View className="card">
                <View className="card-title">我的分享</View>
                {d.card.featuredMaterials.map((m) => (
                  <View key={m.materialId} className="cell" onClick={() => Taro.navigateTo({ url: `/packageShop/material/index?id=${m.materialId}` })} data-testid="card-material">
                    <View className="row grow">
                      {src[m.cover] ? <Image className="bc-thumb" src={src[m.cover]} mode="aspectFill" /> : <View className="bc-thumb" />}
                      <View className="grow">
                        <Text className="ellipsis bc-mtitle">{m.title}</Text>
                        <Text className="muted">{KIND_TEXT[m.kind] ?? m.kind}</Text>
                      </View>
                    </View>
                    <Text className="cell-arrow">›</Text>
                  </View>
                ))}
              </View>
            ) : null}
            <View className="card">
              <Button className="btn-plain" onClick={() => Taro.reLaunch({ url: `/pages/shelf/index?salesId=${salesId}` })}>
                逛逛{d.card.name}的货架
              </Button>
              <ShareBar type="card" id={salesId} page={`${PAGE}?salesId=${salesId}`} label="分享名片" />
            </View>
            {qr ? (
              <Sheet title={`长按识别二维码，加${d.card.name}微信`} onClose={() => setQr(false)} className="bc-qr-sheet" testid="card-qr">
                {d.card.wechatQr && src[d.card.wechatQr] ? <Image className="bc-qr" src={src[d.card.wechatQr]} mode="aspectFit" showMenuByLongpress /> : null}
                <Button className="btn-plain" onClick={() => setQr(false)}>
                  关闭
                </Button>
              </Sheet>
            ) : null}
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
