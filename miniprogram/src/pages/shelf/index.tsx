import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { SalesCard } from '../../components/sales-card';
import { ProductCard } from '../../components/product-card';
import { Empty, Loadable, LoadMore, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useCloud, PAGE_SIZE } from '../../hooks/use-cloud';
import { shelfApi } from '../../services/api';
import { mintShare, shareCard } from '../../services/share';
import { useMomentsShare } from '../../hooks/use-moments-share';
import type { ShelfProduct } from '../../services/api';
import { useState } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { SkuSheet } from '../../components/sku-sheet';
import { toastError } from '../../hooks/use-cloud';
import { addToCart } from '../../services/cart';
import './index.css';

const PAGE = '/pages/shelf/index';

export default function ShelfPage() {
  const { params } = useRouter();
  const salesId = params.salesId;
  const state = useCloud(() => shelfApi.view(salesId), [salesId]);
  const [shown, setShown] = useState(PAGE_SIZE);
  useReachBottom(() => setShown((n) => n + PAGE_SIZE));

  const shelfOwner = state.data?.sales.openid || salesId || 'default';
  const title = state.data ? `${state.data.sales.name} 为你精选好物` : 'LinkShelf 精选货架';

  useShareAppMessage(() => ({
    title,
    path: PAGE,
    promise: mintShare('shelf', shelfOwner).then((m) => shareCard(m, title)),
  }));
  useMomentsShare('shelf', state.data ? shelfOwner : undefined, title);

  const openProduct = (p: ShelfProduct) => Taro.navigateTo({ url: `/packageShop/product/index?id=${encodeURIComponent(p.id)}` });
  const [adding, setAdding] = useState<ShelfProduct>();
  const add = async (skuId: string, qty: number) => {
    setAdding(undefined);
    try {
      await addToCart(skuId, qty);
      Taro.showToast({ title: '已加入购物车', icon: 'success' });
    } catch (e) {
      toastError(e);
    }
  };

  // shelf.view: FAILED_PRECONDITION = the salesperson's shelf is not live yet (required training to finish).
  if (state.error?.code === 'FAILED_PRECONDITION' && !state.data) {
    return (
      <Shell className="shelf">
        <Empty text="货架还在准备中" hint="这位顾问完成上岗培训后，货架就会上线，稍后再来看看" />
      </Shell>
    );
  }
  return (
    <Shell className="shelf">
      <Loadable
        state={state}
        skeleton={
          <View>
            <View className="sales-card-sk" />
            <Skeleton grid rows={2} />
          </View>
        }
      >
        {(d) => (
          <View>
            <SalesCard sales={d.sales} brand={d.brand} />
            <View className="shelf-head between">
              <Text className="shelf-head-title">精选好物 · {d.products.length}件</Text>
              <ShareBar type="shelf" id={shelfOwner} page={PAGE} label="分享货架" />
            </View>
            {d.products.length === 0 ? (
              <Empty text="货架还是空的" hint="销售正在上新，稍后再来看看" />
            ) : (
              <View className="pgrid">
                {d.products.slice(0, shown).map((p) => (
                  <ProductCard key={p.id} p={p} onTap={openProduct} onAdd={setAdding} />
                ))}
              </View>
            )}
            <LoadMore hasMore={shown < d.products.length} count={d.products.length} />
            <View className="shelf-cart" onClick={() => Taro.navigateTo({ url: '/packageShop/cart/index' })} data-testid="shelf-cart">
              购物车
            </View>
            {adding ? <SkuSheet p={adding} mode="cart" aboveTabBar onClose={() => setAdding(undefined)} onConfirm={(sku, qty) => void add(sku.skuId, qty)} /> : null}
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
