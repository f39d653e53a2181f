import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { salesApi, type SalesOrder } from '../../services/api';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';

/** Paid orders attributed to me (snapshot at order time), read-only: what was paid, refunded and my commission. */
export default function SalesOrdersPage() {
  const state = useCursorList((cursor) => salesApi.orders(cursor));
  if (state.data === undefined) return <Shell>{state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : <Skeleton rows={4} />}</Shell>;
  return (
    <Shell>
      {state.items.length === 0 ? <Empty text="还没有成交订单" hint="分享货架给客户试试" /> : null}
      <View>
        {state.items.map((o) => (
          <SalesOrderCard key={o.orderId} o={o} />
        ))}
      </View>
      <CursorLoadMore list={state} />
    </Shell>
  );
}

function SalesOrderCard({ o }: { o: SalesOrder }) {
  const qty = o.lines.reduce((n, l) => n + l.qty, 0);
  return (
    <View className="card order-card" data-order={o.orderId}>
      <View className="between">
        <Text className="muted">{formatDateTime(o.paidAt)}</Text>
        <Text className="muted">订单 {o.orderId}</Text>
      </View>
      {o.lines.map((l) => (
        <View key={l.lineId} className="between order-line">
          <Text className="ellipsis grow">
            {l.productId} ×{l.qty}
          </Text>
          <Text className="muted">实付 {formatFen(l.paidFen)}</Text>
        </View>
      ))}
      <View className="order-sum">
        共{qty}件 实付 <Text className="price">{formatFen(o.totalFen)}</Text>
        {o.refundedFen > 0 ? <Text className="muted"> · 已退 {formatFen(o.refundedFen)}</Text> : null}
      </View>
      <View className="order-sum">
        佣金 <Text className="ledger-plus">{formatFen(o.commissionFen)}</Text>
      </View>
    </View>
  );
}
