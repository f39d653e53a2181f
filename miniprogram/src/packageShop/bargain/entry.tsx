import Taro from '@tarojs/taro';
import { View, Text, Button } from '@tarojs/components';
import { useCloud } from '../../hooks/use-cloud';
import { bargainApi } from '../../services/api';
import { formatFen } from '../../utils/money';

/** The product page's 砍价 card: shown when the product has a live bargain deal. */
export function BargainEntry({ productId }: { productId: string }) {
  const offer = useCloud(() => bargainApi.offer(productId), [productId]).data;
  const deal = offer?.deal;
  if (!deal) return null;
  const open = () =>
    Taro.navigateTo({
      url: offer.myBargainId ? `/packageShop/bargain/index?id=${encodeURIComponent(offer.myBargainId)}` : `/packageShop/bargain/index?productId=${encodeURIComponent(productId)}&skuId=${encodeURIComponent(deal.skuId)}`,
    });
  return (
    <View className="card between" data-testid="bargain-offer">
      <View className="grow">
        <Text className="card-title">砍价 · {deal.title}</Text>
        <Text className="muted">
          {deal.helpersNeeded}位好友帮砍，最低 <Text className="price">{formatFen(deal.floorPriceFen)}</Text>
        </Text>
      </View>
      <Button size="mini" className="btn-warn" onClick={open} data-testid="start-bargain">
        {offer.myBargainId ? '继续砍价' : '发起砍价'}
      </Button>
    </View>
  );
}
