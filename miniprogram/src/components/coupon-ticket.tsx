import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { couponCondition, couponFace, type CouponLike } from '../utils/coupon-text';

/** A coupon drawn as a ticket; `action` goes on the right. */
export function CouponTicket({ c, sub, action, dim = false }: { c: CouponLike; sub?: string; action?: ReactNode; dim?: boolean }) {
  return (
    <View className={`ticket ${dim ? 'dim' : ''}`}>
      <View className="ticket-left">
        <Text className="ticket-face">{couponFace(c)}</Text>
        <Text className="ticket-cond">{couponCondition(c)}</Text>
      </View>
      <View className="ticket-mid grow">
        <Text className="ticket-title ellipsis">{c.title}</Text>
        {sub ? <Text className="muted">{sub}</Text> : null}
      </View>
      {action ? <View className="ticket-action">{action}</View> : null}
    </View>
  );
}
