import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { TrainingCourses } from '../services/api';

/** Why the salesperson's shelf is not live yet (required courses to complete), with a way to them. */
export function ShelfLiveBanner({ shelf }: { shelf: TrainingCourses['shelf'] }) {
  if (shelf.live) return null;
  return (
    <View className="tr-banner" data-testid="shelf-not-live" onClick={() => Taro.navigateTo({ url: '/packageSales/training/index' })}>
      <Text>
        你的货架尚未上线：完成必修课程「{shelf.blocking.map((b) => b.title).join('」「')}」后，客户才能打开你分享的货架。去学习 ›
      </Text>
    </View>
  );
}
