import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { AfterSaleCard } from '../../components/aftersale-card';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { aftersaleApi, type AfterSaleStatus } from '../../services/api';
import { AFTERSALE_STATUS_TEXT } from '../../services/aftersale-text';
import '../backoffice.css';

const TABS: AfterSaleStatus[] = ['requested', 'approved', 'return_shipped', 'refunded', 'rejected'];

/** 售后申请 (ops, boss): requests by state, oldest first; a card opens its review. */
export default function AfterSaleQueuePage() {
  const router = useRouter();
  const [status, setStatus] = useState<AfterSaleStatus>((TABS as string[]).includes(router.params.status ?? '') ? (router.params.status as AfterSaleStatus) : 'requested');
  const list = useCursorList((cursor) => aftersaleApi.queue(status, cursor), [status]);
  // Back from a review: the request may have left this tab.
  useDidShow(() => {
    if (list.first) void list.reload();
  });
  return (
    <Shell>
      <View className="tabs">
        {TABS.map((s) => (
          <View key={s} className={`tab ${s === status ? 'active' : ''}`} onClick={() => setStatus(s)} data-testid={`as-tab-${s}`}>
            {AFTERSALE_STATUS_TEXT[s]}
          </View>
        ))}
      </View>
      {list.error && list.items.length === 0 ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.first ? (
        <Skeleton rows={3} />
      ) : list.items.length === 0 ? (
        <Empty text="没有这个状态的售后申请" />
      ) : (
        list.items.map((r) => <AfterSaleCard key={r.requestId} r={r} onClick={() => Taro.navigateTo({ url: `/packageBoss/aftersale-detail/index?id=${encodeURIComponent(r.requestId)}` })} />)
      )}
      <CursorLoadMore list={list} />
    </Shell>
  );
}
