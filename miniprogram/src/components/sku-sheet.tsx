import { useState } from 'react';
import { View, Text, Image, Button } from '@tarojs/components';
import type { ShelfProduct, Sku } from '../services/api';
import { Price } from './price';
import './sku-sheet.css';

/** What the sheet is for: buy alone, open a team (the deal's SKU, one unit), or add to the cart. */
export type SkuSheetMode = 'single' | 'open' | 'cart';

const CONFIRM: Record<SkuSheetMode, string> = { single: '确定', open: '确定开团', cart: '加入购物车' };

/**
 * The SKU picker: a SKU in stock, a quantity (1 for a team), then `onConfirm`. `aboveTabBar`: on a
 * tab page, where the h5 tab bar is drawn over the page (weapp's is outside it).
 */
export function SkuSheet(props: { p: ShelfProduct; mode: SkuSheetMode; aboveTabBar?: boolean; onClose: () => void; onConfirm: (sku: Sku, qty: number) => void }) {
  const { p, mode, onClose, onConfirm } = props;
  const skus = p.skus;
  const dealSku = mode === 'open' ? p.groupDeal?.skuId : undefined;
  const [skuId, setSkuId] = useState(dealSku || skus.find((s) => s.stock > 0)?.skuId || skus[0]?.skuId);
  const [qty, setQty] = useState(1);
  const sku = skus.find((s) => s.skuId === skuId) ?? skus[0];
  if (!sku) return null;
  const unit = mode === 'open' && p.groupDeal ? p.groupDeal.groupPriceFen : sku.priceFen;
  const maxQty = mode === 'open' ? 1 : Math.max(1, Math.min(sku.stock, 99));
  return (
    <View className="mask" onClick={onClose}>
      <View className={props.aboveTabBar && process.env.TARO_ENV === 'h5' ? 'sheet sku-sheet-tab' : 'sheet'} onClick={(e) => e.stopPropagation()}>
        <View className="row">
          {p.images[0] ? <Image className="sku-img" src={p.images[0]} mode="aspectFill" /> : null}
          <View>
            <Price fen={unit} />
            <Text className="muted sku-stock">库存 {sku.stock}</Text>
          </View>
        </View>
        <View className="sku-label">规格</View>
        <View className="sku-list">
          {skus.map((s) => (
            <View
              key={s.skuId}
              className={`sku ${s.skuId === sku.skuId ? 'on' : ''} ${s.stock <= 0 || (dealSku && s.skuId !== dealSku) ? 'off' : ''}`}
              onClick={() => s.stock > 0 && !(dealSku && s.skuId !== dealSku) && setSkuId(s.skuId)}
              data-testid={`sku-${s.skuId}`}
            >
              {s.name}
            </View>
          ))}
        </View>
        <View className="between sku-qty">
          <Text>数量{mode === 'open' ? '（拼团限1件）' : ''}</Text>
          <View className="row">
            <View className="qty-btn" onClick={() => setQty(Math.max(1, qty - 1))}>
              －
            </View>
            <Text className="qty-num">{qty}</Text>
            <View className="qty-btn" onClick={() => setQty(Math.min(maxQty, qty + 1))} data-testid="sku-more">
              ＋
            </View>
          </View>
        </View>
        <Button className="btn-primary" disabled={sku.stock <= 0} onClick={() => onConfirm(sku, qty)} data-testid="sku-confirm">
          {CONFIRM[mode]}
        </Button>
      </View>
    </View>
  );
}
