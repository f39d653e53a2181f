import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image, Button, Switch } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { useBusy } from '../../hooks/use-busy';
import { useCloud } from '../../hooks/use-cloud';
import { shelfApi } from '../../services/api';
import { formatFen } from '../../utils/money';
import { curateItems, MAX_ON_SHELF, moveItem, shelfIds, type CurateItem as Item } from './items';

/** Curate the shelf from the whole catalogue (shelf.catalog): switch products on/off, order them, save with shelf.curate. */
export default function CuratePage() {
  const state = useCloud(() => shelfApi.catalog());
  const [items, setItems] = useState<Item[]>([]);
  const { busy, run } = useBusy();
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    if (!state.data) return;
    setItems(curateItems(state.data));
    setDirty(false);
  }, [state.data]);

  const update = (next: Item[]) => {
    setItems(next);
    setDirty(true);
  };
  const move = (i: number, d: number) => update(moveItem(items, i, d));
  // In place: the saved shelf is the switched-on products in list order.
  const toggle = (id: string, on: boolean) => update(items.map((x) => (x.id === id ? { ...x, on } : x)));
  const rank = new Map(items.filter((p) => p.on).map((p, k) => [p.id, k + 1]));

  const onCount = items.filter((p) => p.on).length;
  const save = async () => {
    const ids = shelfIds(items);
    if (!ids.length) {
      Taro.showToast({ title: '至少上架一件商品', icon: 'none' });
      return;
    }
    if (ids.length > MAX_ON_SHELF) {
      Taro.showToast({ title: `货架最多 ${MAX_ON_SHELF} 件`, icon: 'none' });
      return;
    }
    await run(async () => {
      await shelfApi.curate(ids);
      Taro.showToast({ title: '货架已更新', icon: 'success' });
      state.reload();
    });
  };

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />} isEmpty={(d) => d.products.length === 0} empty={<Empty text="商品库暂无在售商品" />}>
        {() => (
          <View>
            <View className="card curate-head">
              <Text>商品库 {items.length} 件 · 已上架 </Text>
              <Text className="curate-count" data-testid="curate-count">
                {onCount}
              </Text>
              <Text> 件</Text>
              <Text className="muted curate-hint">打开开关即上架，上移/下移调整货架顺序</Text>
            </View>
            <View className="card">
              {items.map((p, i) => (
                <View key={p.id} className={`cell ${p.on ? '' : 'curate-off'}`} data-curate={p.id} data-on={p.on ? '1' : '0'}>
                  <View className="row grow">
                    {p.images[0] ? <Image className="order-line-img" src={p.images[0]} mode="aspectFill" lazyLoad /> : <View className="order-line-img" />}
                    <View className="grow">
                      <Text className="order-line-title ellipsis">{p.title}</Text>
                      <Text className="muted">
                        {formatFen(p.priceFen)} · 库存 {p.stock}
                        {p.badges.length ? ` · ${p.badges[0].text}` : ''}
                      </Text>
                      <View className="row curate-moves">
                        <Text className={`tag ${p.on ? '' : 'grey'}`}>{p.on ? `货架第 ${rank.get(p.id)} 位` : '未上架'}</Text>
                        <Text className="tag grey curate-move" onClick={() => move(i, -1)} data-testid={`curate-up-${p.id}`}>
                          上移
                        </Text>
                        <Text className="tag grey curate-move" onClick={() => move(i, 1)} data-testid={`curate-down-${p.id}`}>
                          下移
                        </Text>
                      </View>
                    </View>
                  </View>
                  <Switch checked={p.on} color="#07c160" onChange={(e) => toggle(p.id, e.detail.value)} data-testid={`curate-switch-${p.id}`} />
                </View>
              ))}
            </View>
            <View className="bottom-space" />
            <View className="bottom-bar">
              <Button className="btn-primary grow" disabled={busy || !dirty} onClick={save} data-testid="curate-save">
                {dirty ? `保存货架（${onCount}件）` : `货架已保存（${onCount}件）`}
              </Button>
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
