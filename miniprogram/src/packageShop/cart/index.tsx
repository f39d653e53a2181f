import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { Price } from '../../components/price';
import { useBusy } from '../../hooks/use-busy';
import { useCloud } from '../../hooks/use-cloud';
import { cartApi, type CartLineView, type CartView } from '../../services/api';
import { formatFen } from '../../utils/money';
import './index.css';

/** Why a line cannot be bought as it stands (cart.get's `problem`). */
const PROBLEM_TEXT: Record<NonNullable<CartLineView['problem']>, string> = {
  off_sale: '已下架',
  sold_out: '已售罄',
  short_stock: '库存不足',
  gone: '商品已失效',
};

/**
 * The customer's cart, kept in the cloud: live titles, prices and stock; lines no longer on sale
 * marked; quantities changed and lines removed by setting the whole cart. Checkout prices the
 * available lines with the server's quote (checkout page, `mode=cart`).
 */
export default function CartPage() {
  const state = useCloud(() => cartApi.get());
  const [view, setView] = useState<CartView>();
  const { busy, run } = useBusy();
  const [firstShow, setFirstShow] = useState(true);
  useDidShow(() => {
    if (firstShow) setFirstShow(false);
    else void state.reload().then(() => setView(undefined));
  });

  const change = async (cart: CartView, skuId: string, qty: number) => {
    if (busy) return;
    await run(async () => {
      const items = cart.items.map((l) => ({ skuId: l.skuId, qty: l.skuId === skuId ? qty : l.qty })).filter((l) => l.qty > 0);
      setView(await cartApi.set(items));
    });
  };

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={3} />}>
        {(loaded) => {
          const cart = view ?? loaded;
          const available = cart.items.filter((l) => l.available);
          if (cart.items.length === 0) return <Empty text="购物车是空的" hint="去货架挑选好物吧" />;
          return (
            <View>
              <View className="card">
                {cart.items.map((l) => (
                  <View key={l.skuId} className={`row cart-line ${l.available ? '' : 'off'}`} data-testid={`cart-line-${l.skuId}`}>
                    {l.image ? <Image className="cart-img" src={l.image} mode="aspectFill" /> : <View className="cart-img" />}
                    <View className="grow">
                      <Text className="cart-title">{l.title}</Text>
                      <Text className="muted">{l.skuName}</Text>
                      {l.problem ? <Text className="tag warn">{PROBLEM_TEXT[l.problem]}</Text> : null}
                      <View className="between cart-qty">
                        <Price fen={l.unitPriceFen} listFen={l.listPriceFen} />
                        <View className="row">
                          <View className="qty-btn" onClick={() => change(cart, l.skuId, l.qty - 1)}>
                            －
                          </View>
                          <Text className="qty-num" data-testid="cart-qty">
                            {l.qty}
                          </Text>
                          <View className="qty-btn" onClick={() => change(cart, l.skuId, l.qty + 1)}>
                            ＋
                          </View>
                          <Text className="cart-remove" onClick={() => change(cart, l.skuId, 0)}>
                            删除
                          </Text>
                        </View>
                      </View>
                    </View>
                  </View>
                ))}
              </View>
              <View className="bottom-space" />
              <View className="bottom-bar between">
                <View>
                  商品合计 <Text className="price cart-total">{formatFen(cart.subtotalFen)}</Text>
                  <Text className="muted"> 运费、优惠结算时计算</Text>
                </View>
                <Button
                  className="btn-primary"
                  disabled={available.length === 0 || busy}
                  onClick={() => Taro.navigateTo({ url: '/packageShop/checkout/index?mode=cart' })}
                  data-testid="cart-checkout"
                >
                  去结算({available.length})
                </Button>
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
