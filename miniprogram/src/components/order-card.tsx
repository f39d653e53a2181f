import Taro from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import type { Order } from '../services/types';
import { formatFen } from '../utils/money';
import { formatDateTime } from '../utils/time';
import { isPendingPay, isRefundable, orderStatusText } from '../services/order-status';
import { cancelOrder, payOrder, refundOrder } from '../services/order-actions';

/** One order in a list, with the actions its state allows. */
export function OrderCard({ o, onChanged, readOnly = false }: { o: Order; onChanged?: () => void; readOnly?: boolean }) {
  const id = o.orderId || o.id || '';
  const go = () => Taro.navigateTo({ url: `/packageShop/order/index?id=${encodeURIComponent(id)}` });
  const done = (ok: boolean) => ok && onChanged?.();
  const lines = o.lines || [];
  const qty = lines.reduce((n, l) => n + (l.qty || 0), 0);
  return (
    <View className="card order-card" data-order={id}>
      <View className="between" onClick={go}>
        <Text className="muted">{formatDateTime(o.createdAt)}</Text>
        <Text className={`order-status s-${o.status}`}>{orderStatusText(o.status)}</Text>
      </View>
      {lines.slice(0, 3).map((l) => (
        <View key={l.lineId} className="order-line row" onClick={go}>
          {l.image ? <Image className="order-line-img" src={l.image} mode="aspectFill" /> : <View className="order-line-img" />}
          <View className="grow">
            <Text className="order-line-title ellipsis">{l.title}</Text>
            {l.skuName ? <Text className="muted">{l.skuName}</Text> : null}
          </View>
          <View className="order-line-right">
            <Text>{formatFen(l.unitPriceFen ?? l.priceFen ?? 0)}</Text>
            <Text className="muted">×{l.qty}</Text>
          </View>
        </View>
      ))}
      <View className="order-sum">
        共{qty}件 实付 <Text className="price">{formatFen(o.payableFen ?? o.totalFen)}</Text>
      </View>
      {readOnly ? null : (
        <View className="order-actions">
          {o.teamId ? (
            <Button size="mini" className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packageShop/team/index?id=${encodeURIComponent(o.teamId!)}` })}>
              查看拼团
            </Button>
          ) : null}
          {isPendingPay(o.status) ? (
            <Button size="mini" className="btn-plain" onClick={async () => done(await cancelOrder(id))}>
              取消订单
            </Button>
          ) : null}
          {isRefundable(o.status) ? (
            <Button size="mini" className="btn-plain" onClick={async () => done(await refundOrder(id))}>
              申请退款
            </Button>
          ) : null}
          {isPendingPay(o.status) ? (
            <Button size="mini" className="btn-primary" onClick={async () => done(await payOrder(id))} data-testid="pay">
              去支付
            </Button>
          ) : null}
        </View>
      )}
    </View>
  );
}
