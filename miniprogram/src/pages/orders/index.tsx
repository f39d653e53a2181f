import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { OrderCard } from '../../components/order-card';
import { Empty, ErrorView, LoadMore, Skeleton } from '../../components/states';
import { usePaged } from '../../hooks/use-cloud';
import { orderApi } from '../../services/api';
import { ORDER_TABS } from '../../services/order-status';
import { usePayResult } from '../../services/pay-result';

export default function OrdersPage() {
  const [tab, setTab] = useState('all');
  const match = ORDER_TABS.find((t) => t.key === tab)!.match;
  const state = usePaged(async () => (await orderApi.list()).orders, []);
  const filtered = (state.all || []).filter((o) => match(o.status));
  const [firstShow, setFirstShow] = useState(true);
  usePayResult();
  useDidShow(() => {
    if (firstShow) setFirstShow(false);
    else state.reload();
  });
  return (
    <Shell>
      <View className="tabs">
        {ORDER_TABS.map((t) => (
          <View key={t.key} className={`tab ${tab === t.key ? 'active' : ''}`} onClick={() => setTab(t.key)}>
            {t.text}
          </View>
        ))}
      </View>
      {state.data === undefined ? (
        state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : <Skeleton rows={3} />
      ) : filtered.length === 0 ? (
        <Empty text="还没有订单" hint="去货架逛逛吧" />
      ) : (
        <View>
          {filtered.slice(0, state.items.length || 20).map((o) => (
            <OrderCard key={o.orderId} o={o} onChanged={state.reload} />
          ))}
          <LoadMore hasMore={filtered.length > state.items.length} count={filtered.length} />
        </View>
      )}
    </Shell>
  );
}
