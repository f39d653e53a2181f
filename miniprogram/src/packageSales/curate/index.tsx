import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image, Button, Switch } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { toastError, useCloud } from '../../hooks/use-cloud';
import { shelfApi } from '../../services/api';
import { myOpenid } from '../../services/role';
import type { Product } from '../../services/types';
import { formatFen } from '../../utils/money';

/**
 * Curate the shelf: switch products on/off and order them; saved with shelf.curate.
 * The contract has no catalog action yet, so the choices are the products on the shelf plus
 * those taken off earlier on this device.
 */
const KEY = 'linkshelf.curate.known';

export default function CuratePage() {
  const me = myOpenid();
  const state = useCloud(() => shelfApi.view(me || undefined));
  const [items, setItems] = useState<Array<Product & { on: boolean }>>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!state.data) return;
    const onShelf = state.data.products;
    const known = ((Taro.getStorageSync(KEY) as Product[] | '') || []).filter((k) => !onShelf.some((p) => p.id === k.id));
    setItems([...onShelf.map((p) => ({ ...p, on: true })), ...known.map((p) => ({ ...p, on: false }))]);
  }, [state.data]);

  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= items.length) return;
    const next = items.slice();
    [next[i], next[j]] = [next[j], next[i]];
    setItems(next);
  };

  const save = async () => {
    const ids = items.filter((p) => p.on).map((p) => p.id);
    if (!ids.length) {
      Taro.showToast({ title: '至少上架一件商品', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await shelfApi.curate(ids);
      Taro.setStorageSync(KEY, items.map(({ on: _on, ...p }) => p));
      Taro.showToast({ title: '货架已更新', icon: 'success' });
      state.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />} isEmpty={(d) => d.products.length === 0 && items.length === 0} empty={<Empty text="货架为空" />}>
        {() => (
          <View>
            <View className="card">
              {items.map((p, i) => (
                <View key={p.id} className="cell">
                  <View className="row grow">
                    {p.images?.[0] ? <Image className="order-line-img" src={p.images[0]} mode="aspectFill" /> : null}
                    <View className="grow">
                      <Text className="order-line-title ellipsis">{p.title}</Text>
                      <Text className="muted">
                        {formatFen(p.priceFen)} · 库存 {p.stock}
                      </Text>
                      <View className="row">
                        <Text className="tag grey" onClick={() => move(i, -1)}>
                          上移
                        </Text>
                        <Text className="tag grey curate-down" onClick={() => move(i, 1)}>
                          下移
                        </Text>
                      </View>
                    </View>
                  </View>
                  <Switch checked={p.on} color="#07c160" onChange={(e) => setItems(items.map((x) => (x.id === p.id ? { ...x, on: e.detail.value } : x)))} />
                </View>
              ))}
            </View>
            <View className="bottom-space" />
            <View className="bottom-bar">
              <Button className="btn-primary grow" disabled={busy} onClick={save}>
                保存货架（{items.filter((p) => p.on).length}件）
              </Button>
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
