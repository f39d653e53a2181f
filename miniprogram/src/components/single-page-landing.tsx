import { View, Text, Button } from '@tarojs/components';
import { reloadWithout } from '../utils/reload-without';

/**
 * What a page shows in WeChat's single-page mode (opened from Moments): no call is made (no
 * caller yet); the share id from the query is kept, and the open is recorded once the user taps
 * "前往小程序" and the full mini-program shows the same page. WeChat draws that bar itself; the h5
 * build stands in for it with a button that drops `mode=timeline` from the URL.
 */
export function SinglePageLanding() {
  return (
    <View className="card single-page" data-testid="single-page">
      <View className="card-title">好友分享给你</View>
      <Text className="muted">点击下方「前往小程序」查看商品、领券和下单</Text>
      {process.env.TARO_ENV === 'h5' ? (
        <Button className="btn-primary" onClick={() => reloadWithout('mode')} data-testid="open-full">
          前往小程序
        </Button>
      ) : null}
    </View>
  );
}
