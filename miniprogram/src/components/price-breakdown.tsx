import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { formatFen } from '../utils/money';

/**
 * The server's price breakdown of a quote or an order (fen): subtotal, leader perk (when there is
 * one), the coupon row the page draws, shipping, total. Each figure carries `data-fen`.
 */
export function PriceBreakdown(p: {
  subtotalLabel: string;
  subtotalFen: number;
  activityDiscountFen: number;
  coupon: ReactNode;
  /** On the order, after the discounts; 0 shows 包邮. */
  shippingFen: number;
  /** Goods paid at or above this ship free (a quote's hint); null or absent: no hint. */
  freeShippingOverFen?: number | null;
  totalLabel: string;
  totalFen: number;
}) {
  return (
    <View className="card">
      <View className="cell">
        <Text>{p.subtotalLabel}</Text>
        <Text data-testid="price-subtotal" data-fen={p.subtotalFen}>
          {formatFen(p.subtotalFen)}
        </Text>
      </View>
      {p.activityDiscountFen > 0 ? (
        <View className="cell">
          <Text>团长优惠</Text>
          <Text className="price" data-testid="price-activity" data-fen={p.activityDiscountFen}>
            -{formatFen(p.activityDiscountFen)}
          </Text>
        </View>
      ) : null}
      {p.coupon}
      <View className="cell">
        <Text>
          运费
          {p.shippingFen > 0 && p.freeShippingOverFen ? <Text className="muted">（满{formatFen(p.freeShippingOverFen)}包邮）</Text> : null}
        </Text>
        <Text data-testid="price-shipping" data-fen={p.shippingFen}>
          {p.shippingFen > 0 ? formatFen(p.shippingFen) : '包邮'}
        </Text>
      </View>
      <View className="cell">
        <Text>{p.totalLabel}</Text>
        <Text className="price co-total" data-testid="price-total" data-fen={p.totalFen}>
          {formatFen(p.totalFen)}
        </Text>
      </View>
    </View>
  );
}
