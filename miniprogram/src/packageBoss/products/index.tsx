import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, ErrorView, LoadMore, Skeleton } from '../../components/states';
import { toastError } from '../../hooks/use-cloud';
import { useCursorList } from '../../hooks/use-cursor-list';
import { catalogApi, type CatalogProduct } from '../../services/api';
import { formatFen } from '../../utils/money';
import '../backoffice.css';

type Filter = 'all' | CatalogProduct['status'];
const FILTERS: Array<[Filter, string]> = [
  ['all', '全部'],
  ['on', '在售'],
  ['off', '未上架'],
];

function priceRange(p: CatalogProduct): string {
  if (p.skus.length === 0) return '—';
  const prices = p.skus.map((s) => s.priceFen);
  const [lo, hi] = [Math.min(...prices), Math.max(...prices)];
  return lo === hi ? formatFen(lo) : `${formatFen(lo)}–${formatFen(hi)}`;
}

/** Products of the brand (catalog.list, 20 a page): status, stock, price; on/off the brand pool; edit. */
export default function ProductsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const list = useCursorList(
    (cursor) => catalogApi.list(cursor, filter === 'all' ? undefined : filter).then((r) => ({ items: r.products, nextCursor: r.nextCursor })),
    [filter],
  );
  const [busy, setBusy] = useState('');
  // Back from the edit page: show what was saved.
  useDidShow(() => {
    if (list.data) void list.reload();
  });

  const toggle = async (p: CatalogProduct) => {
    const status = p.status === 'on' ? 'off' : 'on';
    setBusy(p.productId);
    try {
      await catalogApi.setStatus(p.productId, status);
      list.mapItems((x) => (x.productId === p.productId ? { ...x, status } : x));
      Taro.showToast({ title: status === 'on' ? '已上架' : '已下架', icon: 'success' });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy('');
    }
  };
  const edit = (productId?: string) => Taro.navigateTo({ url: `/packageBoss/product-edit/index${productId ? `?id=${encodeURIComponent(productId)}` : ''}` });

  return (
    <Shell>
      <View className="tabs">
        {FILTERS.map(([key, text]) => (
          <View key={key} className={`tab ${filter === key ? 'active' : ''}`} onClick={() => setFilter(key)} data-testid={`products-filter-${key}`}>
            {text}
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card-title">
          <Text>商品</Text>
          <Button className="btn-primary" size="mini" onClick={() => edit()} data-testid="product-new">
            新建商品
          </Button>
        </View>
        {list.data === undefined ? (
          list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={4} />
        ) : list.data.length === 0 ? (
          <Empty text="还没有商品" hint="点“新建商品”添加第一件" />
        ) : (
          list.data.map((p) => (
            <View key={p.productId} className="bo-row" data-testid="product-row" data-product-id={p.productId} data-status={p.status}>
              {p.images[0]?.url ? <Image className="bo-thumb" src={p.images[0].url} mode="aspectFill" lazyLoad /> : <View className="bo-thumb" />}
              <View className="grow" onClick={() => edit(p.productId)}>
                <Text className="order-line-title ellipsis">{p.title}</Text>
                <Text className="muted">
                  {priceRange(p)} · 库存 <Text data-testid={`product-stock-${p.productId}`}>{p.stock}</Text> · {p.skus.length} 个规格
                </Text>
                <View className="row">
                  <Text className={`tag ${p.status === 'on' ? 'bo-tag-on' : 'bo-tag-off'}`} data-testid={`product-status-${p.productId}`}>
                    {p.status === 'on' ? '在售' : '未上架'}
                  </Text>
                  {p.stock === 0 ? <Text className="tag bo-tag-warn">缺货</Text> : null}
                </View>
              </View>
              <Button className={p.status === 'on' ? 'btn-plain' : 'btn-ghost'} size="mini" disabled={busy === p.productId} onClick={() => toggle(p)} data-testid={`product-toggle-${p.productId}`}>
                {p.status === 'on' ? '下架' : '上架'}
              </Button>
            </View>
          ))
        )}
        {list.hasMore ? (
          <Button className="btn-plain" size="mini" onClick={list.loadMore} disabled={list.loading} data-testid="products-more">
            加载更多
          </Button>
        ) : (
          <LoadMore hasMore={false} count={list.data?.length ?? 0} />
        )}
      </View>
    </Shell>
  );
}
