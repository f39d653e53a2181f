import { useState } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { useClaimCoupon } from '../../hooks/use-claim-coupon';
import { Empty, Loadable, LoadMore, Skeleton } from '../../components/states';
import { CouponTicket } from '../../components/coupon-ticket';
import { PAGE_SIZE, useCloud } from '../../hooks/use-cloud';
import { couponApi, type CouponStatus } from '../../services/api';
import { mintShare } from '../../services/share';
import { formatDay } from '../../utils/time';
import { useReachBottom } from '@tarojs/taro';

const PAGE = '/packageShop/coupons/index';
const MINE_TABS: Array<{ key: CouponStatus; text: string }> = [
  { key: 'unused', text: '未使用' },
  { key: 'used', text: '已使用' },
  { key: 'expired', text: '已过期' },
];

export default function CouponsPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState(params.tab === 'mine' ? 'mine' : 'center');
  const [status, setStatus] = useState<CouponStatus>('unused');
  const [shown, setShown] = useState(PAGE_SIZE);
  useReachBottom(() => setShown((n) => n + PAGE_SIZE));
  const center = useCloud(async () => (await couponApi.list()).templates, [], { skip: tab !== 'center' });
  const mine = useCloud(async () => (await couponApi.mine(status)).coupons, [status], { skip: tab !== 'mine' });
  const { claimed, claim } = useClaimCoupon();

  const title = '领券中心：好券限量领取';
  useShareAppMessage(() => ({
    title,
    path: PAGE,
    promise: mintShare('coupon', 'center').then((m) => ({ title, path: m.path })),
  }));


  return (
    <Shell>
      <View className="tabs">
        <View className={`tab ${tab === 'center' ? 'active' : ''}`} onClick={() => setTab('center')}>
          领券中心
        </View>
        <View className={`tab ${tab === 'mine' ? 'active' : ''}`} onClick={() => setTab('mine')}>
          我的优惠券
        </View>
      </View>
      {tab === 'center' ? (
        <View className="coupon-list">
          <Loadable state={center} skeleton={<Skeleton rows={4} />} isEmpty={(d) => d.length === 0} empty={<Empty text="暂时没有可领的券" />}>
            {(d) => (
              <View>
                {d.slice(0, shown).map((c) => {
                  const tid = c.templateId;
                  const done = claimed[tid] || (!c.canClaim && c.claimedByMe > 0);
                  const out = c.remaining === 0;
                  return (
                    <CouponTicket
                      key={tid}
                      c={c}
                      sub={`剩余 ${c.remaining} 张`}
                      dim={out || !c.canClaim}
                      action={
                        <Button size="mini" className={done || out ? 'btn-plain' : 'btn-warn'} disabled={done || out || !c.canClaim} onClick={() => claim(tid)} data-testid={`claim-${tid}`}>
                          {out ? '已抢光' : done ? '已领取' : !c.canClaim ? '不可领' : '领取'}
                        </Button>
                      }
                    />
                  );
                })}
                <LoadMore hasMore={shown < d.length} count={d.length} />
              </View>
            )}
          </Loadable>
        </View>
      ) : (
        <View>
          <View className="row coupon-subtabs">
            {MINE_TABS.map((t) => (
              <View key={t.key} className={`tag ${status === t.key ? '' : 'grey'} coupon-subtab`} onClick={() => setStatus(t.key)}>
                {t.text}
              </View>
            ))}
          </View>
          <View className="coupon-list">
            <Loadable state={mine} skeleton={<Skeleton rows={4} />} isEmpty={(d) => d.length === 0} empty={<Empty text="没有这类优惠券" hint="去领券中心看看" />}>
              {(d) => (
                <View>
                  {d.slice(0, shown).map((c) => (
                    <CouponTicket
                      key={c.couponId}
                      c={c}
                      dim={c.status !== 'unused'}
                      sub={c.status === 'locked' ? '已被订单占用' : `有效期至 ${formatDay(c.validToAt)}`}
                      action={
                        c.status === 'unused' ? (
                          <Button size="mini" className="btn-ghost" onClick={() => Taro.switchTab({ url: '/pages/shelf/index' })}>
                            去使用
                          </Button>
                        ) : undefined
                      }
                    />
                  ))}
                  <LoadMore hasMore={shown < d.length} count={d.length} />
                </View>
              )}
            </Loadable>
          </View>
        </View>
      )}
    </Shell>
  );
}
