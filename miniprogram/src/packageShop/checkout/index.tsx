import { useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { CouponTicket } from '../../components/coupon-ticket';
import { listOf, toastError, useCloud } from '../../hooks/use-cloud';
import { couponApi, groupApi, newIdempotencyKey, orderApi, shelfApi } from '../../services/api';
import { rememberTeam } from '../../services/my-teams';
import { payOrder } from '../../services/order-actions';
import { quote, toCoupon, type CartLine } from '../../services/pricing';
import type { CouponInstance, ProductDetail } from '../../services/types';
import { formatFen } from '../../utils/money';
import { formatDay } from '../../utils/time';
import './index.css';

type Mode = 'single' | 'open' | 'join';

export default function CheckoutPage() {
  const { params } = useRouter();
  const mode = (params.mode as Mode) || 'single';
  const productId = params.productId || '';
  const qty = Math.max(1, Number(params.qty) || 1);
  const isGroup = mode !== 'single';
  const state = useCloud(async () => {
    const [product, mine] = await Promise.all([
      shelfApi.product(productId, { view: false }),
      couponApi.mine('unused').catch(() => [] as unknown),
    ]);
    return { product, coupons: listOf<CouponInstance>(mine, 'coupons').map(toCoupon) };
  }, [productId]);

  return (
    <Shell className="checkout">
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(d) => <Checkout product={d.product} coupons={d.coupons} mode={mode} qty={qty} skuId={params.skuId} dealId={params.dealId} teamId={params.teamId} isGroup={isGroup} />}
      </Loadable>
    </Shell>
  );
}

function Checkout(props: {
  product: ProductDetail;
  coupons: ReturnType<typeof toCoupon>[];
  mode: Mode;
  qty: number;
  skuId?: string;
  dealId?: string;
  teamId?: string;
  isGroup: boolean;
}) {
  const { product: p, coupons, mode, qty, isGroup } = props;
  const sku = p.skus?.find((s) => s.skuId === props.skuId) || p.skus?.[0];
  const unitFen = isGroup && p.groupDeal ? p.groupDeal.groupPriceFen : sku?.priceFen ?? p.priceFen;
  const lines: CartLine[] = [
    {
      lineId: 'l1',
      productId: p.id,
      skuId: sku?.skuId || '',
      title: p.title,
      skuName: sku?.name || '',
      qty,
      unitPriceFen: unitFen,
      listPriceFen: sku?.listPriceFen ?? p.listPriceFen ?? unitFen,
    },
  ];
  // undefined = "best coupon" (preselected); null = none chosen by the customer.
  const [couponChoice, setCouponChoice] = useState<string | null | undefined>(undefined);
  const [picker, setPicker] = useState(false);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const q = useMemo(() => quote(lines, coupons, couponChoice, isGroup), [coupons, couponChoice, unitFen, qty, isGroup]);
  const singleFen = (sku?.priceFen ?? p.priceFen) * qty;
  const groupSaveFen = isGroup ? Math.max(0, singleFen - q.priced.subtotalFen) : 0;
  const usable = q.options.filter((o) => o.applicable);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    try {
      const order =
        mode === 'open'
          ? await groupApi.open(props.dealId || p.groupDeal?.dealId || '', key.current)
          : mode === 'join'
            ? await groupApi.join(props.teamId || '', key.current)
            : await orderApi.create({
                items: [{ productId: p.id, skuId: sku?.skuId || undefined, qty }],
                couponId: q.chosenId || undefined,
                idempotencyKey: key.current,
              });
      const orderId = order.orderId || '';
      const teamId = order.teamId || props.teamId;
      if (teamId) rememberTeam(teamId);
      const paid = await payOrder(orderId);
      if (isGroup && teamId) Taro.redirectTo({ url: `/packageShop/team/index?id=${encodeURIComponent(teamId)}` });
      else Taro.redirectTo({ url: `/packageShop/order/index?id=${encodeURIComponent(orderId)}${paid ? '' : '&unpaid=1'}` });
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
      {isGroup ? (
        <View className="co-banner">{mode === 'join' ? '参与拼团：支付后占座，成团后发货' : `发起${p.groupDeal?.groupSize || ''}人团：支付后邀请好友参团`}</View>
      ) : null}
      <View className="card">
        <View className="row">
          {p.images?.[0] ? <Image className="co-img" src={p.images[0]} mode="aspectFill" /> : <View className="co-img" />}
          <View className="grow">
            <Text className="co-title">{p.title}</Text>
            <Text className="muted">{sku?.name}</Text>
            <View className="between co-unit">
              <Text className="price">{formatFen(unitFen)}</Text>
              <Text className="muted">×{qty}</Text>
            </View>
          </View>
        </View>
      </View>
      <View className="card">
        <View className="cell">
          <Text>商品金额</Text>
          <Text>{formatFen(isGroup ? singleFen : q.priced.subtotalFen)}</Text>
        </View>
        {isGroup ? (
          <View className="cell">
            <Text>拼团优惠</Text>
            <Text className="price">-{formatFen(groupSaveFen)}</Text>
          </View>
        ) : null}
        <View className="cell" onClick={() => !isGroup && setPicker(true)} data-testid="coupon-cell">
          <Text>优惠券</Text>
          {isGroup ? (
            <Text className="muted">拼团订单不可用券</Text>
          ) : q.chosenId ? (
            <Text className="price">
              -{formatFen(q.priced.couponDiscountFen)} <Text className="cell-arrow">›</Text>
            </Text>
          ) : (
            <Text className="muted">
              {usable.length ? `${usable.length}张可用` : '无可用'} <Text className="cell-arrow">›</Text>
            </Text>
          )}
        </View>
        <View className="cell">
          <Text>运费</Text>
          <Text>包邮</Text>
        </View>
        <View className="cell">
          <Text>合计</Text>
          <Text className="price co-total">{formatFen(q.priced.totalFen)}</Text>
        </View>
      </View>
      <View className="bottom-space" />
      <View className="bottom-bar between">
        <View>
          实付 <Text className="price co-total">{formatFen(q.priced.totalFen)}</Text>
          {q.priced.discountFen + groupSaveFen > 0 ? <Text className="muted"> 已省{formatFen(q.priced.discountFen + groupSaveFen)}</Text> : null}
        </View>
        <Button className="btn-primary co-submit" onClick={submit} disabled={busy} data-testid="submit-order">
          {busy ? '提交中…' : '提交订单并支付'}
        </Button>
      </View>
      {picker ? (
        <View className="mask" onClick={() => setPicker(false)}>
          <View className="sheet" onClick={(e) => e.stopPropagation()}>
            <View className="card-title">选择优惠券</View>
            {coupons.length === 0 ? <Text className="muted">暂无优惠券，去领券中心看看</Text> : null}
            {q.options.map((o) => {
              const c = coupons.find((x) => x._id === o.couponId)!;
              return (
                <View key={o.couponId} onClick={() => o.applicable && (setCouponChoice(o.couponId), setPicker(false))}>
                  <CouponTicket
                    c={c}
                    dim={!o.applicable}
                    sub={o.applicable ? `本单可减 ${formatFen(o.discountFen)} · 至${formatDay(c.validToAt)}` : '本单不可用'}
                    action={<Text className={q.chosenId === o.couponId ? 'co-check on' : 'co-check'}>{q.chosenId === o.couponId ? '✓' : ''}</Text>}
                  />
                </View>
              );
            })}
            <Button className="btn-plain" onClick={() => (setCouponChoice(null), setPicker(false))}>
              不使用优惠券
            </Button>
          </View>
        </View>
      ) : null}
    </View>
  );
}
