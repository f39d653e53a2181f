import { View, Text, Image } from '@tarojs/components';
import type { ShelfProduct } from '../services/api';
import { Price } from './price';

/** One product in the shelf grid: image, title, price, promotion badges; `+` adds to the cart (`onAdd`). */
export function ProductCard({ p, onTap, onAdd }: { p: ShelfProduct; onTap: (p: ShelfProduct) => void; onAdd?: (p: ShelfProduct) => void }) {
  const soldOut = p.stock <= 0;
  const showFen = p.groupDeal ? Math.min(p.groupDeal.groupPriceFen, p.priceFen) : p.priceFen;
  return (
    <View className="pcard" onClick={() => onTap(p)} data-product={p.id}>
      <View className="pcard-img-wrap">
        {p.images[0] ? <Image className="pcard-img" src={p.images[0]} mode="aspectFill" lazyLoad /> : <View className="pcard-img" />}
        {soldOut ? <View className="pcard-soldout">已售罄</View> : null}
      </View>
      <View className="pcard-body">
        <Text className="pcard-title">{p.title}</Text>
        {p.subtitle ? <Text className="pcard-sub ellipsis">{p.subtitle}</Text> : null}
        <View className="pcard-badges">
          {p.badges.slice(0, 2).map((b, i) => (
            <Text key={i} className={`badge ${b.kind}`}>
              {b.text}
            </Text>
          ))}
        </View>
        <View className="between">
          <View>
            {p.groupDeal ? <Text className="pcard-group">{p.groupDeal.groupSize}人团</Text> : null}
            <Price fen={showFen} listFen={p.listPriceFen} />
          </View>
          {onAdd && !soldOut && !p.groupDeal ? (
            <View className="pcard-buy" onClick={(e) => (e.stopPropagation(), onAdd(p))} data-testid={`add-${p.id}`}>
              +
            </View>
          ) : (
            <View className="pcard-buy">{p.groupDeal ? '拼' : '+'}</View>
          )}
        </View>
      </View>
    </View>
  );
}
