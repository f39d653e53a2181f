import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { PriceBreakdown } from '../../components/price-breakdown';
import { ProfilePrompt } from '../../components/profile-prompt';
import { useCloud } from '../../hooks/use-cloud';
import { orderApi, type OrderView } from '../../services/api';
import { LINE_STATE_TEXT } from '../../services/aftersale-text';
import { cancelOrder, confirmReceipt, payOrder } from '../../services/order-actions';
import { usePayResult } from '../../services/pay-result';
import { canAskAfterSale, isPendingPay, orderStatusText } from '../../services/order-status';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';

/** The parcels of an order: carrier, tracking number (copyable), when, which lines. */
function Shipments({ o }: { o: OrderView }) {
  if (o.shipments.length === 0) return null;
  return (
    <View className="card" data-testid="order-shipments">
      <View className="card-title">物流信息</View>
      {o.shipments.map((s) => (
        <View key={s.shipmentId} className="cell" onClick={() => Taro.setClipboardData({ data: s.trackingNo })}>
          <View className="grow">
            <Text>{`${s.carrierName} `}</Text>
            <Text data-testid="tracking-no">{s.trackingNo}</Text>
            <View className="muted">{`${formatDateTime(s.shippedAt)} 发货 · ${o.lines.filter((l) => s.lineIds.includes(l.lineId)).map((l) => l.title).join('、')}`}</View>
          </View>
          <Text className="muted">复制</Text>
        </View>
      ))}
    </View>
  );
}

export default function OrderPage() {
  const { params } = useRouter();
  const orderId = params.id || params.orderId || '';
  const state = useCloud(() => orderApi.get(orderId), [orderId]);
  const done = (ok: boolean) => ok && state.reload();
  const payResult = usePayResult();
  // Back from a successful payment while WeChat Pay's notice is still on its way: read again, a few times.
  const confirming = payResult === 'ok' && state.data?.status === 'pending_pay';
  const [reads, setReads] = useState(0);
  useEffect(() => {
    if (!confirming || reads >= 10) return;
    const t = setTimeout(() => state.reload().then(() => setReads((n) => n + 1)), 1500);
    return () => clearTimeout(t);
  }, [confirming, reads, state]);

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(o: OrderView) => {
          const teamId = o.teamId;
          return (
            <View>
              <View className="card">
                <Text className={`order-status s-${o.status}`} data-testid="order-status">
                  {orderStatusText(o.status)}
                </Text>
                {confirming ? <View className="muted">支付结果确认中…</View> : null}
                <View className="muted">订单号 {o.orderId}</View>
                <View className="muted">下单时间 {formatDateTime(o.createdAt)}</View>
                {o.paidAt ? <View className="muted">支付时间 {formatDateTime(o.paidAt)}</View> : null}
                {o.receivedAt ? <View className="muted">{`收货时间 ${formatDateTime(o.receivedAt)}${o.receivedBy === 'auto' ? '（系统自动确认）' : ''}`}</View> : null}
                {o.completedAt ? <View className="muted">完成时间 {formatDateTime(o.completedAt)}</View> : null}
              </View>
              {o.address ? (
                <View className="card" data-testid="order-address">
                  <View>
                    {o.address.name} {o.address.phone}
                  </View>
                  <Text className="muted">{`${o.address.province}${o.address.city}${o.address.district} ${o.address.detail}`}</Text>
                </View>
              ) : null}
              <Shipments o={o} />
              <View className="card">
                {o.lines.map((l) => (
                  <View key={l.lineId} className="order-line row">
                    <View className="order-line-img" />
                    <View className="grow">
                      <Text className="order-line-title ellipsis">{l.title}</Text>
                      {l.skuName ? <Text className="muted">{l.skuName}</Text> : null}
                      {o.status !== 'pending_pay' ? <Text className="tag" data-testid={`line-state-${l.lineId}`}>{LINE_STATE_TEXT[l.state]}</Text> : null}
                      {l.refundedFen > 0 ? <Text className="tag warn">已退 {formatFen(l.refundedFen)}</Text> : null}
                      {l.afterSaleId ? (
                        <Text className="tag link" onClick={() => Taro.navigateTo({ url: `/packageShop/aftersale/index?id=${encodeURIComponent(l.afterSaleId ?? '')}` })}>
                          售后处理中 ›
                        </Text>
                      ) : null}
                    </View>
                    <View className="order-line-right">
                      <Text>{formatFen(l.unitPriceFen)}</Text>
                      <Text className="muted">×{l.qty}</Text>
                      <Text className="muted">实付{formatFen(l.paidFen)}</Text>
                    </View>
                  </View>
                ))}
              </View>
              <PriceBreakdown
                subtotalLabel="商品金额"
                price={o}
                totalLabel="实付"
                coupon={
                  o.couponDiscountFen > 0 ? (
                    <View className="cell">
                      <Text>优惠券</Text>
                      <Text className="price" data-testid="price-coupon" data-fen={o.couponDiscountFen}>
                        -{formatFen(o.couponDiscountFen)}
                      </Text>
                    </View>
                  ) : null
                }
              />
              {o.refundedFen > 0 ? (
                <View className="card cell">
                  <Text>已退款</Text>
                  <Text>{formatFen(o.refundedFen)}</Text>
                </View>
              ) : null}
              {teamId ? (
                <View className="card cell" onClick={() => Taro.navigateTo({ url: `/packageShop/team/index?id=${encodeURIComponent(teamId)}` })}>
                  <Text>查看拼团进度</Text>
                  <Text className="cell-arrow">›</Text>
                </View>
              ) : null}
              {o.paidAt ? <ProfilePrompt /> : null}
              <View className="bottom-space" />
              <View className="bottom-bar order-actions">
                {isPendingPay(o.status) ? (
                  <Button size="mini" className="btn-plain" onClick={async () => done(await cancelOrder(o.orderId))}>
                    取消订单
                  </Button>
                ) : null}
                {canAskAfterSale(o.status) ? (
                  <Button size="mini" className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packageShop/aftersale-apply/index?orderId=${encodeURIComponent(o.orderId)}` })} data-testid="ask-aftersale">
                    申请售后
                  </Button>
                ) : null}
                {o.status === 'shipped' ? (
                  <Button size="mini" className="btn-primary" onClick={async () => done(await confirmReceipt(o.orderId))} data-testid="confirm-receipt">
                    确认收货
                  </Button>
                ) : isPendingPay(o.status) ? (
                  <Button size="mini" className="btn-primary" onClick={async () => done((await payOrder(o.orderId, `/packageShop/order/index?id=${encodeURIComponent(o.orderId)}`)) === 'paid')} data-testid="pay">
                    去支付 {formatFen(o.totalFen)}
                  </Button>
                ) : (
                  <Button size="mini" className="btn-ghost" onClick={() => Taro.switchTab({ url: '/pages/shelf/index' })}>
                    继续逛逛
                  </Button>
                )}
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
