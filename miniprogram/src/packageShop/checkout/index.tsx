import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Sheet } from '../../components/sheet';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { CouponTicket } from '../../components/coupon-ticket';
import { Price } from '../../components/price';
import { PriceBreakdown } from '../../components/price-breakdown';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { addressApi, cartApi, couponApi, newIdempotencyKey, orderApi, shelfApi, type BookAddress, type Cart, type MyCoupon, type Quote } from '../../services/api';
import { chosenAddressId } from '../../services/address-choice';
import { CloudError } from '../../services/errors';
import { rememberTeam } from '../../services/my-teams';
import { payOrder } from '../../services/order-actions';
import { formatFen } from '../../utils/money';
import { formatDay } from '../../utils/time';
import './index.css';

type Mode = 'single' | 'open' | 'join' | 'cart';

/** What is bought, with a picture per product (the quote's lines carry none). */
interface Purchase {
  cart: Cart;
  images: Record<string, string | null>;
  coupons: MyCoupon[];
  /** The lines come from the cloud cart: they leave it once ordered. */
  fromCart: boolean;
}

/**
 * Checkout shows the server's price (order.quote): the best coupon preselected, every coupon of the
 * customer ranked for this cart, the shipping to the chosen address, the breakdown. The order is
 * created through the one door (order.create) with the same cart, coupon and address, so it
 * charges what the page shows. `mode=cart` checks out the available lines of the cloud cart.
 */
export default function CheckoutPage() {
  const { params } = useRouter();
  const mode = (params.mode as Mode) || 'single';
  const productId = params.productId || '';
  const qty = Math.max(1, Number(params.qty) || 1);
  const state = useCloud(async (): Promise<Purchase> => {
    const mine = couponApi.mine('unused').catch(() => undefined);
    if (mode === 'cart') {
      const cart = await cartApi.get();
      const lines = cart.items.filter((l) => l.available);
      return {
        cart: { items: lines.map((l) => ({ productId: l.productId, skuId: l.skuId, qty: l.qty })) },
        images: Object.fromEntries(lines.map((l) => [l.productId, l.image])),
        coupons: (await mine)?.coupons ?? [],
        fromCart: true,
      };
    }
    // The product for its image; the customer's coupons to draw the tickets (their figures come from the quote).
    const product = await shelfApi.product(productId, { view: false });
    const cart: Cart = mode === 'open' ? { dealId: params.dealId } : mode === 'join' ? { teamId: params.teamId } : { items: [{ productId, skuId: params.skuId, qty }] };
    return { cart, images: { [product.id]: product.images[0] ?? null }, coupons: (await mine)?.coupons ?? [], fromCart: false };
  }, [productId, mode]);

  return (
    <Shell className="checkout">
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(d) => (d.cart.items?.length === 0 ? <Empty text="购物车里没有可结算的商品" /> : <Checkout purchase={d} mode={mode} />)}
      </Loadable>
    </Shell>
  );
}

/** The address for this checkout: the one picked on the address page if still in the book, else the default. */
function useCheckoutAddress() {
  const book = useCloud(() => addressApi.list());
  const [picked, setPicked] = useState(chosenAddressId());
  useDidShow(() => {
    const now = chosenAddressId();
    if (now !== picked) setPicked(now);
    void book.reload();
  });
  const addresses = book.data?.addresses ?? [];
  const address: BookAddress | undefined = addresses.find((a) => a.addressId === picked) ?? addresses.find((a) => a.addressId === book.data?.defaultId);
  // A book that failed to load still lets the checkout quote (without an address).
  return { address, loaded: book.data !== undefined || book.error !== undefined };
}

/** The quote refused the address's region (shipping rules: regions not served). */
function notDelivered(error: unknown): boolean {
  return error instanceof CloudError && error.code === 'NOT_ELIGIBLE' && error.detail.startsWith('address:');
}

function AddressCell({ address }: { address: BookAddress | undefined }) {
  const open = () => Taro.navigateTo({ url: '/packageShop/address/index?select=1' });
  return (
    <View className="card cell" onClick={open} data-testid="checkout-address">
      {address ? (
        <View className="grow">
          <View>
            {address.name} {address.phone}
          </View>
          <Text className="muted">{`${address.province}${address.city}${address.district} ${address.detail}`}</Text>
        </View>
      ) : (
        <Text className="grow">添加收货地址</Text>
      )}
      <Text className="cell-arrow">›</Text>
    </View>
  );
}

function Checkout({ purchase, mode }: { purchase: Purchase; mode: Mode }) {
  const { cart, coupons, images, fromCart } = purchase;
  const { address, loaded } = useCheckoutAddress();
  const addressId = address?.addressId;
  // undefined = the server's best coupon; null = none (the customer's choice); an id = that coupon.
  const [couponChoice, setCouponChoice] = useState<string | null | undefined>(undefined);
  // Quoted once the address book is read: the shipping is the chosen address's.
  const quote = useCloud(() => orderApi.quote(cart, couponChoice, addressId), [couponChoice, addressId], { skip: !loaded });
  const [picker, setPicker] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());

  const submit = async (q: Quote) => {
    if (busy || quote.loading) return;
    if (q.shipsGoods && !addressId) {
      Taro.showToast({ title: '请先添加收货地址', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const order = await orderApi.create(cart, { couponId: q.couponId ?? undefined, addressId: q.shipsGoods ? addressId : undefined, fromCart, idempotencyKey: key.current });
      const teamId = order.teamId;
      if (teamId) rememberTeam(teamId);
      // Paid or not, the buyer lands on the team or the order (h5: coming back from the cashier).
      const next = teamId ? `/packageShop/team/index?id=${encodeURIComponent(teamId)}` : `/packageShop/order/index?id=${encodeURIComponent(order.orderId)}`;
      if ((await payOrder(order.orderId, next)) !== 'away') Taro.redirectTo({ url: next });
    } catch (e) {
      toastError(e);
      // A definite refusal ends this attempt; the next tap is a new order.
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      {loaded ? <AddressCell address={address} /> : null}
      {notDelivered(quote.error) ? (
        <View className="card co-banner" data-testid="not-delivered">
          {`${address?.province ?? '该地区'}暂不发货，请选择其他收货地址`}
        </View>
      ) : null}
      <Loadable state={quote} skeleton={<Skeleton rows={4} />}>
      {(q) => {
        const line = q.lines[0];
        const usable = q.coupons.filter((o) => o.applicable);
        return (
          <View>
            {q.dealTerms ? (
              <View className="co-banner">{mode === 'join' ? '参与拼团：支付后占座，成团后发货' : `发起${q.dealTerms.groupSize}人团：支付后邀请好友参团`}</View>
            ) : null}
            <View className="card">
              {q.lines.map((l) => (
                <View key={l.lineId} className="row">
                  {images[l.productId] ? <Image className="co-img" src={images[l.productId] as string} mode="aspectFill" /> : <View className="co-img" />}
                  <View className="grow">
                    <Text className="co-title">{l.title}</Text>
                    <Text className="muted">{l.skuName}</Text>
                    <View className="between co-unit">
                      <Price fen={l.unitPriceFen} listFen={l.listPriceFen} />
                      <Text className="muted">×{l.qty}</Text>
                    </View>
                  </View>
                </View>
              ))}
            </View>
            <PriceBreakdown
              subtotalLabel={q.dealTerms ? '拼团价' : '商品金额'}
              price={q}
              totalLabel="合计"
              coupon={
                <View className="cell" onClick={() => setPicker(true)} data-testid="coupon-cell">
                  <Text>优惠券</Text>
                  {q.couponId ? (
                    <Text className="price" data-testid="price-coupon" data-fen={q.couponDiscountFen}>
                      -{formatFen(q.couponDiscountFen)} <Text className="cell-arrow">›</Text>
                    </Text>
                  ) : (
                    <Text className="muted" data-testid="price-coupon" data-fen={0}>
                      {usable.length ? `${usable.length}张可用` : '本单无可用券'} <Text className="cell-arrow">›</Text>
                    </Text>
                  )}
                </View>
              }
            />
            <View className="bottom-space" />
            <View className="bottom-bar between">
              <View>
                实付{' '}
                <Text className="price co-total">{formatFen(q.totalFen)}</Text>
                {q.discountFen > 0 ? <Text className="muted"> 已省{formatFen(q.discountFen)}</Text> : null}
              </View>
              <Button className="btn-primary co-submit" onClick={() => submit(q)} disabled={busy || quote.loading || !line} data-testid="submit-order">
                {busy ? '提交中…' : '提交订单并支付'}
              </Button>
            </View>
            {picker ? (
              <Sheet title="选择优惠券" onClose={() => setPicker(false)}>
                {q.coupons.length === 0 ? <Text className="muted">暂无优惠券，去领券中心看看</Text> : null}
                {q.coupons.map((o) => {
                  const c = coupons.find((x) => x.couponId === o.couponId);
                  if (!c) return null;
                  const chosen = q.couponId === o.couponId;
                  return (
                    <View key={o.couponId} onClick={() => o.applicable && (setCouponChoice(o.couponId), setPicker(false))} data-testid={`coupon-option-${o.couponId}`}>
                      <CouponTicket
                        c={c}
                        dim={!o.applicable}
                        sub={o.applicable ? `本单可减 ${formatFen(o.discountFen)} · 至${formatDay(c.validToAt)}` : '本单不可用'}
                        action={<Text className={chosen ? 'co-check on' : 'co-check'}>{chosen ? '✓' : ''}</Text>}
                      />
                    </View>
                  );
                })}
                <Button className="btn-plain" onClick={() => (setCouponChoice(null), setPicker(false))} data-testid="coupon-none">
                  不使用优惠券
                </Button>
              </Sheet>
            ) : null}
          </View>
        );
      }}
      </Loadable>
    </View>
  );
}
