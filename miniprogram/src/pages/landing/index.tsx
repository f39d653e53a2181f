import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { ErrorView, Skeleton } from '../../components/states';
import { CloudError } from '../../services/errors';
import { openShare, shareIdFromQuery, type ShareOpen } from '../../services/share';

/** Where a share's target is shown. */
function targetUrl(o: ShareOpen): { url: string; tab?: boolean } {
  const id = encodeURIComponent(o.target.id);
  switch (o.target.type) {
    case 'product':
      return { url: `/packageShop/product/index?id=${id}` };
    case 'group':
      return { url: `/packageShop/team/index?id=${id}` };
    case 'coupon':
      return { url: `/packageShop/coupons/index?tab=center` };
    case 'card':
      return { url: `/packageShop/card/index?salesId=${id}` };
    case 'material':
      return { url: `/packageShop/material/index?id=${id}` };
    case 'bargain':
      return { url: `/packageShop/bargain/index?id=${id}` };
    default:
      return { url: `/pages/shelf/index?salesId=${encodeURIComponent(o.salesId || o.target.id)}`, tab: true };
  }
}

/**
 * Entry of every shared card, poster QR and copied link: `/pages/landing/index?s=<shareId>`
 * (or `scene` from a QR). Records the open (share.open binds the customer), then shows the target.
 */
export default function LandingPage() {
  const { params } = useRouter();
  const [error, setError] = useState<CloudError>();
  const go = () => {
    const sid = shareIdFromQuery(params as Record<string, string>);
    if (!sid) {
      Taro.switchTab({ url: '/pages/shelf/index' });
      return;
    }
    openShare(sid)
      .then((o) => {
        const t = targetUrl(o);
        if (t.tab) Taro.reLaunch({ url: t.url });
        else Taro.redirectTo({ url: t.url });
      })
      .catch((e) => setError(e instanceof CloudError ? e : new CloudError('INTERNAL')));
  };
  useEffect(go, []);
  return (
    <Shell>
      {error ? (
        <View>
          <ErrorView error={error} onRetry={go} />
          <View className="landing-home">
            <Button className="btn-ghost" onClick={() => Taro.switchTab({ url: '/pages/shelf/index' })}>
              去货架看看
            </Button>
          </View>
        </View>
      ) : (
        <Skeleton grid rows={2} />
      )}
    </Shell>
  );
}
