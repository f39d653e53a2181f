import { useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, ErrorView, LoadMore, Skeleton } from '../../components/states';
import { listOf, toastError, useNow, usePaged } from '../../hooks/use-cloud';
import { salesApi } from '../../services/api';
import { formatCountdown, formatDateTime, toMs } from '../../utils/time';

interface Customer {
  openid: string;
  name?: string;
  avatarUrl?: string;
  boundAt?: string;
  bindingExpiresAt?: string | null;
  protectedUntil?: string | null;
  firstPaidAt?: string | null;
  lastViewedAt?: string | null;
}

interface Viewed {
  productId?: string;
  title?: string | null;
  lastAt?: string;
  at?: string;
  viewedAt?: string;
  count?: number;
}

export default function CustomersPage() {
  const state = usePaged<Customer>(async () => listOf<Customer>(await salesApi.customers(), 'customers'));
  const now = useNow(30000);
  const [open, setOpen] = useState<string>();
  const [detail, setDetail] = useState<Record<string, Record<string, unknown>>>({});

  const toggle = async (c: Customer) => {
    if (open === c.openid) return setOpen(undefined);
    setOpen(c.openid);
    if (!detail[c.openid]) {
      try {
        const d = await salesApi.customer(c.openid);
        setDetail((m) => ({ ...m, [c.openid]: d }));
      } catch (e) {
        toastError(e);
      }
    }
  };

  if (state.data === undefined) return <Shell>{state.error ? <ErrorView error={state.error} onRetry={state.reload} /> : <Skeleton rows={5} />}</Shell>;
  return (
    <Shell>
      {state.items.length === 0 ? (
        <Empty text="还没有绑定的客户" hint="去工作台分享货架，客户打开即绑定" />
      ) : (
        <View className="card">
          {state.items.map((c) => {
            const protectLeft = toMs(c.protectedUntil) - now;
            const d = detail[c.openid];
            const viewed = d ? listOf<Viewed>(d, 'viewed', 'views', 'recentViews', 'viewedProducts') : [];
            return (
              <View key={c.openid} className="cust" onClick={() => toggle(c)} data-openid={c.openid} data-testid="customer-row">
                <View className="row">
                  {c.avatarUrl ? <Image className="avatar sm" src={c.avatarUrl} /> : <View className="avatar sm" />}
                  <View className="grow cust-mid">
                    <Text data-testid="customer-name">{c.name || c.openid}</Text>
                    <Text className="muted">绑定于 {formatDateTime(c.boundAt)}</Text>
                  </View>
                  <View className="cust-tags">
                    {c.firstPaidAt ? <Text className="tag">已成交</Text> : <Text className="tag grey">未成交</Text>}
                    {protectLeft > 0 ? <Text className="tag warn">保护期 {formatCountdown(protectLeft)}</Text> : <Text className="tag grey">保护期已过</Text>}
                  </View>
                </View>
                {open === c.openid ? (
                  <View className="cust-detail">
                    <Text className="muted">
                      {c.bindingExpiresAt ? `绑定有效至 ${formatDateTime(c.bindingExpiresAt)}` : '永久绑定'} · 最近浏览 {c.lastViewedAt ? formatDateTime(c.lastViewedAt) : '—'}
                    </Text>
                    {!d ? <Text className="muted">加载中…</Text> : viewed.length === 0 ? <Text className="muted">暂无浏览记录</Text> : null}
                    {viewed.slice(0, 20).map((v, i) => (
                      <View key={i} className="between cust-view">
                        <Text className="ellipsis grow">{v.title || v.productId}</Text>
                        <Text className="muted">
                          {v.count ? `${v.count}次 · ` : ''}
                          {formatDateTime(v.lastAt || v.at || v.viewedAt)}
                        </Text>
                      </View>
                    ))}
                  </View>
                ) : null}
              </View>
            );
          })}
        </View>
      )}
      <LoadMore hasMore={state.hasMore} count={state.items.length} />
    </Shell>
  );
}
