import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { formatFen } from '../utils/money';

/**
 * The server's price breakdown of a quote or an order (fen): subtotal, leader perk (when there is
 * one), the coupon row the page draws, shipping, total. Each figure carries `data-fen`.
 */
export function PriceBreakdown({ price, ...p }: {
  subtotalLabel: string;
  /** The quote's or order's figures; `shippingFen` after the discounts (0 shows 包邮); `freeShippingOverFen`, a quote's hint (null or absent: none). */
  price: { subtotalFen: number; activityDiscountFen: number; shippingFen: number; freeShippingOverFen?: number | null; totalFen: number };
  coupon: ReactNode;
  totalLabel: string;
}) {
  return (
    <View className="card">
      <View className="cell">
        <Text>{p.subtotalLabel}</Text>
        <Text data-testid="price-subtotal" data-fen={price.subtotalFen}>
          {formatFen(price.subtotalFen)}
        </Text>
      </View>
      {price.activityDiscountFen > 0 ? (
        <View className="cell">
          <Text>团长优惠</Text>
          <Text className="price" data-testid="price-activity" data-fen={price.activityDiscountFen}>
            -{formatFen(price.activityDiscountFen)}
          </Text>
        </View>
      ) : null}
      {p.coupon}
      <View className="cell">
        <Text>
          运费
          {price.shippingFen > 0 && price.freeShippingOverFen ? <Text className="muted">（满{formatFen(price.freeShippingOverFen)}包邮）</Text> : null}
        </Text>
        <Text data-testid="price-shipping" data-fen={price.shippingFen}>
          {price.shippingFen > 0 ? formatFen(price.shippingFen) : '包邮'}
        </Text>
      </View>
      <View className="cell">
        <Text>{p.totalLabel}</Text>
        <Text className="price co-total" data-testid="price-total" data-fen={price.totalFen}>
          {formatFen(price.totalFen)}
        </Text>
      </View>
    </View>
  );
}
