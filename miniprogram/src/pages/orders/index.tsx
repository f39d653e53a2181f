import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { OrderCard } from '../../components/order-card';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { orderApi } from '../../services/api';
import { ORDER_TABS } from '../../services/order-status';
import { usePayResult } from '../../services/pay-result';

/** My orders, latest first, a server page at a time ("加载更多"); the tabs filter what is loaded. */
export default function OrdersPage() {
  const [tab, setTab] = useState('all');
  const match = ORDER_TABS.find((t) => t.key === tab)!.match;
  const list = useCursorList((cursor) => orderApi.list(cursor));
  const filtered = list.items.filter((o) => match(o.status));
  const [firstShow, setFirstShow] = useState(true);
  usePayResult();
  useDidShow(() => {
    if (firstShow) setFirstShow(false);
    else void list.reload();
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
      {list.data === undefined ? (
        list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={3} />
      ) : filtered.length === 0 && !list.hasMore ? (
        <Empty text="还没有订单" hint="去货架逛逛吧" />
      ) : (
        <View>
          {filtered.map((o) => (
            <OrderCard key={o.orderId} o={o} onChanged={list.reload} />
          ))}
          <CursorLoadMore list={list} />
        </View>
      )}
    </Shell>
  );
}
