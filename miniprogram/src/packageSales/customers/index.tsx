import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { CursorPage } from '../../components/cursor-page';
import { useCursorList } from '../../hooks/use-cursor-list';
import { toastError, useNow } from '../../hooks/use-cloud';
import { salesApi, type BoundCustomer, type CustomerDetail } from '../../services/api';
import { formatCountdown, formatDateTime, toMs } from '../../utils/time';

export default function CustomersPage() {
  const state = useCursorList((cursor) => salesApi.customers(cursor));
  const now = useNow(30000);
  const [open, setOpen] = useState<string>();
  const [detail, setDetail] = useState<Record<string, CustomerDetail>>({});

  const toggle = async (c: BoundCustomer) => {
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

  return (
    <CursorPage list={state} empty="还没有绑定的客户" hint="去工作台分享货架，客户打开即绑定">
      {(items) => (
        <View className="card">
          {items.map((c) => {
            const protectLeft = toMs(c.protectedUntil) - now;
            const d = detail[c.openid];
            const viewed = d ? d.views : [];
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
                    <View className="cell" onClick={(e) => { e.stopPropagation(); Taro.navigateTo({ url: `/packageSales/customer/index?openid=${c.openid}` }); }} data-testid="customer-360-link">
                      <Text>客户详情 · 动态 · 标签 · 跟进</Text>
                      <Text className="cell-arrow">›</Text>
                    </View>
                    {viewed.slice(0, 20).map((v) => (
                      <View key={v.productId} className="between cust-view">
                        <Text className="ellipsis grow">{v.title || v.productId}</Text>
                        <Text className="muted">
                          {v.count}次 · {formatDateTime(v.lastAt)}
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
    </CursorPage>
  );
}
