import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Gallery } from '../../components/gallery';
import { Shell } from '../../components/shell';
import { useClaimCoupon } from '../../hooks/use-claim-coupon';
import { Loadable, Skeleton } from '../../components/states';
import { Price } from '../../components/price';
import { CouponTicket } from '../../components/coupon-ticket';
import { ShareBar } from '../../components/share-bar';
import { toastError, useCloud, useNow } from '../../hooks/use-cloud';
import { SkuSheet, type SkuSheetMode } from '../../components/sku-sheet';
import { useVisitProgress } from '../../hooks/use-visit-progress';
import { useMomentsShare } from '../../hooks/use-moments-share';
import { useShareOnlyRedirect } from '../../hooks/use-share-only-redirect';
import { shelfApi, type ProductDetail, type Sku } from '../../services/api';
import { addToCart } from '../../services/cart';
import { mintShare, shareCard } from '../../services/share';
import { formatFen } from '../../utils/money';
import { formatCountdown, toMs } from '../../utils/time';
import { checkoutUrl } from '../checkout/url';
import { BargainEntry } from '../bargain/entry';
import { DealSizes, withChosenDeal } from '../../components/deal-sizes';
import './index.css';

const PAGE = '/packageShop/product/index';
const CART_PAGE = '/packageShop/cart/index';

export default function ProductPage() {
  const { params } = useRouter();
  const productId = params.id || params.productId || '';
  const redirecting = useShareOnlyRedirect(productId, params);
  const state = useCloud(() => shelfApi.product(productId), [productId], { skip: redirecting });
  const [sheet, setSheet] = useState<SkuSheetMode | null>(null);
  const [dealId, setDealId] = useState<string>();
  const { claimed, claim } = useClaimCoupon();
  const now = useNow();
  const p = state.data;
  const title = p ? `${p.groupDeal ? `${p.groupDeal.groupSize}人团 ${formatFen(p.groupDeal.groupPriceFen)} ` : ''}${p.title}` : '好物推荐';
  const image = p?.images[0];
  useVisitProgress(p?.visitId, '.product');

  useShareAppMessage(() => ({
    title,
    path: PAGE,
    imageUrl: image,
    promise: mintShare('product', productId).then((m) => shareCard(m, title, image)),
  }));
  useMomentsShare('product', p?.id, title, image);


  const confirm = async (d: ProductDetail, mode: SkuSheetMode, sku: Sku, qty: number) => {
    setSheet(null);
    if (mode !== 'cart') {
      Taro.navigateTo({ url: checkoutUrl({ productId: d.id, skuId: sku.skuId, qty, mode, dealId: mode === 'open' ? d.groupDeal?.dealId : undefined }) });
      return;
    }
    try {
      await addToCart(sku.skuId, qty);
      Taro.showToast({ title: '已加入购物车', icon: 'success' });
    } catch (e) {
      toastError(e);
    }
  };

  const join = (teamId: string) => {
    if (!p?.groupDeal) return;
    Taro.navigateTo({ url: checkoutUrl({ productId, mode: 'join', teamId }) });
  };

  return (
    <Shell className="product">
      <Loadable state={state} skeleton={<View><View className="pd-img-sk" /><Skeleton rows={3} /></View>}>
        {(reply: ProductDetail) => {
          const d = withChosenDeal(reply, dealId);
          const teams = d.openTeams.filter((t) => toMs(t.expiresAt) > now && t.missing > 0 && (!d.groupDeal || t.dealId === d.groupDeal.dealId));
          const coupons = d.coupons;
          const soldOut = d.stock <= 0;
          return (
            <View>
              <Gallery className="pd-swiper" images={d.images} />
              <View className="card pd-info">
                <View className="between">
                  <Price fen={d.groupDeal ? d.groupDeal.groupPriceFen : d.priceFen} listFen={d.listPriceFen} />
                  <Text className="muted">{soldOut ? '已售罄' : `库存 ${d.stock}`}</Text>
                </View>
                {d.groupDeal ? (
                  <Text className="pd-group-tip">
                    {d.groupDeal.groupSize}人成团价 · 单买 {formatFen(d.priceFen)}
                  </Text>
                ) : null}
                <DealSizes deals={d.groupDeals} selected={d.groupDeal?.dealId} onSelect={setDealId} />
                <Text className="pd-title">{d.title}</Text>
                {d.subtitle ? <Text className="muted">{d.subtitle}</Text> : null}
                <View className="pd-badges">
                  {d.badges.map((b, i) => (
                    <Text key={i} className={`badge ${b.kind}`}>
                      {b.text}
                    </Text>
                  ))}
                </View>
                <ShareBar type="product" id={productId} page={PAGE} label="分享商品" title={title} />
              </View>

              {coupons.length ? (
                <View className="card">
                  <View className="card-title">领券</View>
                  {coupons.map((c) => {
                    const tid = c.templateId;
                    const done = claimed[tid];
                    return (
                      <CouponTicket
                        key={tid}
                        c={c}
                        sub={`剩余 ${c.remaining} 张`}
                        action={
                          <Button size="mini" className={done ? 'btn-plain' : 'btn-warn'} disabled={!!done} onClick={() => claim(tid)} data-testid={`claim-${tid}`}>
                            {done ? '已领取' : '领取'}
                          </Button>
                        }
                      />
                    );
                  })}
                </View>
              ) : null}

              {d.groupDeal ? (
                <View className="card">
                  <View className="card-title">
                    <Text>{d.groupDeal.groupSize}人拼团</Text>
                    <Text className="muted">{teams.length ? `${teams.length}个团正在拼，可直接参与` : '暂无可参与的团，来开一个吧'}</Text>
                  </View>
                  {teams.slice(0, 5).map((t) => (
                    <View key={t.teamId} className="team-row between" data-team={t.teamId}>
                      <View className="row grow">
                        {t.leaderAvatarUrl ? <Image className="avatar sm" src={t.leaderAvatarUrl} /> : <View className="avatar sm team-initial">{(t.leaderName || '团').slice(0, 1)}</View>}
                        <View className="team-row-mid">
                          <Text className="ellipsis">{t.leaderName || '团长'}的团</Text>
                          <Text className="team-missing">
                            还差 <Text className="price">{t.missing}</Text> 人 · 剩余 {formatCountdown(toMs(t.expiresAt) - now)}
                          </Text>
                        </View>
                      </View>
                      <Button size="mini" className="btn-warn" onClick={() => join(t.teamId)} data-testid="join-team">
                        去参团
                      </Button>
                    </View>
                  ))}
                </View>
              ) : null}

              <BargainEntry productId={d.id} />

              <View className="bottom-space" />

              <View className="bottom-bar">
                <View className="pd-home" onClick={() => Taro.switchTab({ url: '/pages/shelf/index' })}>
                  <Text>货架</Text>
                </View>
                <View className="pd-home" onClick={() => Taro.navigateTo({ url: CART_PAGE })} data-testid="open-cart">
                  <Text>购物车</Text>
                </View>
                {d.groupDeal ? (
                  <View className="row grow pd-buy2">
                    <Button className="btn-ghost pd-btn" disabled={soldOut} onClick={() => setSheet('single')}>
                      单独购买 {formatFen(d.priceFen)}
                    </Button>
                    <Button className="btn-primary pd-btn" disabled={soldOut} onClick={() => setSheet('open')} data-testid="open-team">
                      发起拼团 {formatFen(d.groupDeal.groupPriceFen)}
                    </Button>
                  </View>
                ) : (
                  <View className="row grow pd-buy2">
                    <Button className="btn-ghost pd-btn" disabled={soldOut} onClick={() => setSheet('cart')} data-testid="add-to-cart">
                      加入购物车
                    </Button>
                    <Button className="btn-primary pd-btn" disabled={soldOut} onClick={() => setSheet('single')} data-testid="buy">
                      {soldOut ? '已售罄' : '立即购买'}
                    </Button>
                  </View>
                )}
              </View>
              {sheet ? <SkuSheet p={d} mode={sheet} onClose={() => setSheet(null)} onConfirm={(sku, qty) => void confirm(d, sheet, sku, qty)} /> : null}
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
