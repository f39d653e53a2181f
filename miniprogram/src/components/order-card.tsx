import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import type { OrderView } from '../services/api';
import { formatFen } from '../utils/money';
import { formatDateTime } from '../utils/time';
import { canAskAfterSale, isPendingPay, orderStatusText } from '../services/order-status';
import { cancelOrder, confirmReceipt, payOrder } from '../services/order-actions';

/** One of the buyer's orders in a list, with the actions its state allows. */
export function OrderCard({ o, onChanged }: { o: OrderView; onChanged?: () => void }) {
  const id = o.orderId;
  const go = () => Taro.navigateTo({ url: `/packageShop/order/index?id=${encodeURIComponent(id)}` });
  const done = (ok: boolean) => ok && onChanged?.();
  const qty = o.lines.reduce((n, l) => n + l.qty, 0);
  const teamId = o.teamId;
  return (
    <View className="card order-card" data-order={id}>
      <View className="between" onClick={go}>
        <Text className="muted">{formatDateTime(o.createdAt)}</Text>
        <Text className={`order-status s-${o.status}`}>{orderStatusText(o.status)}</Text>
      </View>
      {o.lines.slice(0, 3).map((l) => (
        <View key={l.lineId} className="order-line row" onClick={go}>
          <View className="order-line-img" />
          <View className="grow">
            <Text className="order-line-title ellipsis">{l.title}</Text>
            {l.skuName ? <Text className="muted">{l.skuName}</Text> : null}
          </View>
          <View className="order-line-right">
            <Text>{formatFen(l.unitPriceFen)}</Text>
            <Text className="muted">×{l.qty}</Text>
          </View>
        </View>
      ))}
      <View className="order-sum">
        共{qty}件 实付 <Text className="price">{formatFen(o.totalFen)}</Text>
      </View>
      <View className="order-actions">
        {teamId ? (
          <Button size="mini" className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packageShop/team/index?id=${encodeURIComponent(teamId)}` })}>
            查看拼团
          </Button>
        ) : null}
        {isPendingPay(o.status) ? (
          <Button size="mini" className="btn-plain" onClick={async () => done(await cancelOrder(id))}>
            取消订单
          </Button>
        ) : null}
        {canAskAfterSale(o.status) ? (
          <Button size="mini" className="btn-plain" onClick={() => Taro.navigateTo({ url: `/packageShop/aftersale-apply/index?orderId=${encodeURIComponent(id)}` })}>
            申请售后
          </Button>
        ) : null}
        {o.status === 'shipped' ? (
          <Button size="mini" className="btn-primary" onClick={async () => done(await confirmReceipt(id))}>
            确认收货
          </Button>
        ) : null}
        {isPendingPay(o.status) ? (
          <Button size="mini" className="btn-primary" onClick={async () => done((await payOrder(id, '/pages/orders/index')) === 'paid')} data-testid="pay">
            去支付
          </Button>
        ) : null}
      </View>
    </View>
  );
}
