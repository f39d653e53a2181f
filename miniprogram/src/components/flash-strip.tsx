import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useCloud, useNow } from '../hooks/use-cloud';
import { cloudNowOf, flashStatusText, loadFlashSales } from '../services/flash';
import { formatFen } from '../utils/money';

/** The shelf's flash-sale strip: the next sale's price and countdown (or units left); opens the flash page. */
export function FlashStrip() {
  const state = useCloud(loadFlashSales);
  const now = useNow();
  const listed = state.data;
  const sale = listed?.sales.find((s) => s.phase === 'live') ?? listed?.sales.find((s) => s.phase === 'upcoming');
  if (!listed || !sale) return null;
  return (
    <View className="card row flash-strip" data-testid="flash-strip" onClick={() => Taro.navigateTo({ url: '/packageShop/flash/index' })}>
      <Text className="tag warn">秒杀</Text>
      <Text className="grow">
        {sale.title} <Text className="price">{formatFen(sale.flashPriceFen)}</Text>
      </Text>
      <Text data-testid="flash-strip-status">{flashStatusText(sale, cloudNowOf(listed, now))} ›</Text>
    </View>
  );
}
