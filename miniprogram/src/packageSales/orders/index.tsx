import { View } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { OrderCard } from '../../components/order-card';
import { Empty, ErrorView, LoadMore, Skeleton } from '../../components/states';
import { listOf, usePaged } from '../../hooks/use-cloud';
import { salesApi } from '../../services/api';
import type { Order } from '../../services/types';

/** Orders attributed to me (snapshot at order time), read-only. */
export default function SalesOrdersPage() {
  const state = usePaged<Order>(async () => listOf<Order>(await salesApi.orders(), 'orders'));
  if (state.data === undefined) return <Shell>{state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : <Skeleton rows={4} />}</Shell>;
  return (
    <Shell>
      {state.items.length === 0 ? <Empty text="还没有成交订单" hint="分享货架给客户试试" /> : null}
      <View>
        {state.items.map((o) => (
          <OrderCard key={o.orderId || o.id} o={o} readOnly />
        ))}
      </View>
      <LoadMore hasMore={state.hasMore} count={state.items.length} />
    </Shell>
  );
}
