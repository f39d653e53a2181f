import { View, Text, Image } from '@tarojs/components';
import type { Brand, SalesCardInfo } from '../services/api';
import './sales-card.css';

/** The salesperson's card on top of the shelf (empty strings: not set by the brand or the salesperson). */
export function SalesCard({ sales, brand }: { sales: SalesCardInfo; brand: Brand }) {
  return (
    <View className="sales-card">
      <View className="row">
        {sales.avatarUrl ? <Image className="avatar" src={sales.avatarUrl} mode="aspectFill" /> : <View className="avatar sales-initial">{(sales.name || brand.name || '店').slice(0, 1)}</View>}
        <View className="grow sales-info">
          <View className="row">
            <Text className="sales-name">{sales.name || brand.name || '品牌小店'}</Text>
            {sales.title ? <Text className="sales-title">{sales.title}</Text> : null}
          </View>
          <Text className="sales-slogan">{sales.slogan || `${brand.name} 官方货架`}</Text>
        </View>
        {brand.logoUrl ? <Image className="brand-logo" src={brand.logoUrl} mode="aspectFit" /> : null}
      </View>
    </View>
  );
}
