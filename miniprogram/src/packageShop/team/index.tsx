import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useCloud, useNow } from '../../hooks/use-cloud';
import { groupApi, shelfApi } from '../../services/api';
import { isMyTeam } from '../../services/my-teams';
import { myOpenid } from '../../services/role';
import { TEAM_STATUS_TEXT } from '../../services/order-status';
import { mintShare } from '../../services/share';
import type { Team } from '../../services/types';
import { formatFen } from '../../utils/money';
import { formatCountdown, toMs } from '../../utils/time';
import { checkoutUrl } from '../checkout/url';
import './index.css';

const PAGE = '/packageShop/team/index';

export default function TeamPage() {
  const { params } = useRouter();
  const teamId = params.id || params.teamId || '';
  const state = useCloud(async () => {
    const team = normalizeTeam(await groupApi.get(teamId));
    // The team reply carries the deal terms; the product's title and image come from the shelf.
    const product = team.productId ? await shelfApi.product(team.productId, { view: false }).catch(() => undefined) : undefined;
    return { ...team, product: product || team.product };
  }, [teamId]);
  const now = useNow();
  const t = state.data;
  const missing = t ? t.missing ?? Math.max(0, t.groupSize - (t.seatsTaken ?? t.members.length)) : 0;
  const productTitle = t?.productTitle || t?.product?.title || '';
  const productImage = t?.productImage || t?.product?.images?.[0];
  const title = `还差${missing}人！${t?.groupPriceFen ? formatFen(t.groupPriceFen) + ' ' : ''}一起拼 ${productTitle}`;

  useShareAppMessage(() => ({
    title,
    path: PAGE,
    imageUrl: productImage,
    promise: mintShare('group', teamId).then((m) => ({ title, path: m.path, imageUrl: productImage })),
  }));

  return (
    <Shell className="team">
      <Loadable state={state} skeleton={<Skeleton rows={3} />}>
        {(d: Team) => {
          const left = toMs(d.expiresAt) - now;
          const joined = d.joined || !!d.me || !!d.myOrderId || isMyTeam(d.teamId) || d.members.some((m) => m.openid && m.openid === myOpenid());
          const forming = d.status === 'forming' && left > 0;
          const seats = Array.from({ length: d.groupSize }, (_, i) => d.members[i]);
          const productId = d.productId || d.product?.id || '';
          return (
            <View>
              <View className="card row" onClick={() => productId && Taro.navigateTo({ url: `/packageShop/product/index?id=${encodeURIComponent(productId)}` })}>
                {productImage ? <Image className="tm-img" src={productImage} mode="aspectFill" /> : <View className="tm-img" />}
                <View className="grow">
                  <Text className="tm-title">{productTitle}</Text>
                  <Text className="tm-deal">{d.groupSize}人团</Text>
                  {d.groupPriceFen ? <Text className="price">拼团价 {formatFen(d.groupPriceFen)}</Text> : null}
                </View>
              </View>
              <View className="card tm-main">
                <Text className={`tm-status s-${d.status}`} data-testid="team-status">
                  {d.status === 'forming' && left <= 0 ? '已到期' : TEAM_STATUS_TEXT[d.status] || d.status}
                </Text>
                {forming ? (
                  <View className="tm-need">
                    还差 <Text className="price tm-num">{missing}</Text> 人成团
                  </View>
                ) : d.status === 'succeeded' ? (
                  <View className="tm-need">拼团成功，商家将尽快发货</View>
                ) : d.status === 'failed' ? (
                  <View className="tm-need">人数不足，已原路退款</View>
                ) : null}
                {forming ? <Text className="tm-countdown">剩余 {formatCountdown(left)} 结束</Text> : null}
                <View className="tm-seats">
                  {seats.map((m, i) => (
                    <View key={i} className={`tm-seat ${m ? 'filled' : ''}`} data-testid={m ? 'team-seat-filled' : 'team-seat-empty'}>
                      {m?.avatarUrl ? <Image className="tm-avatar" src={m.avatarUrl} /> : <View className="tm-avatar">{m ? memberName(m).slice(0, 1) : '?'}</View>}
                      {m && (m.isLeader || m.leader || i === 0) ? <Text className="tm-leader">团长</Text> : null}
                      <Text className="tm-name ellipsis">{m ? memberName(m) : '待加入'}</Text>
                      {m && (m.status === 'pending_pay' || (m as { paid?: boolean }).paid === false) ? <Text className="tm-pending">待支付</Text> : null}
                    </View>
                  ))}
                </View>
                {forming ? (
                  joined ? (
                    <View className="tm-actions">
                      <Text className="muted tm-invite-tip">邀请好友参团，满{d.groupSize}人即成团</Text>
                      <ShareBar type="group" id={teamId} page={`${PAGE}`} label="邀请好友" />
                    </View>
                  ) : (
                    <Button
                      className="btn-primary tm-join"
                      onClick={() => Taro.navigateTo({ url: checkoutUrl({ productId, skuId: d.skuId, qty: 1, mode: 'join', dealId: d.dealId, teamId: d.teamId }) })}
                      data-testid="team-join"
                    >
                      {d.groupPriceFen ? `${formatFen(d.groupPriceFen)} ` : ''}一键参团
                    </Button>
                  )
                ) : (
                  <Button className="btn-ghost tm-join" onClick={() => productId && Taro.navigateTo({ url: `/packageShop/product/index?id=${encodeURIComponent(productId)}` })}>
                    再开一团
                  </Button>
                )}
              </View>
              <View className="card muted tm-rules">
                规则：{d.groupSize}人成团，支付即占座；到期未成团自动退款。
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}

/** groupbuy.get has no member names yet (docs/miniprogram.md): the caller's own seat reads 我. */
function memberName(m: Team['members'][number]): string {
  return m.name || m.nickName || (m.openid && m.openid === myOpenid() ? '我' : '团员');
}

type TeamReply = Team & { size?: number; seatsLeft?: number; terms?: { productId?: string; skuId?: string; groupSize?: number; groupPriceFen?: number; title?: string } };

/** Reads groupbuy.get's reply (size/seatsLeft/terms) into the page's Team shape. */
function normalizeTeam(r: TeamReply): Team {
  const terms = r.terms || {};
  return {
    ...r,
    groupSize: r.groupSize ?? r.size ?? terms.groupSize ?? 0,
    groupPriceFen: r.groupPriceFen ?? terms.groupPriceFen,
    missing: r.missing ?? r.seatsLeft,
    productId: r.productId ?? terms.productId,
    skuId: r.skuId ?? terms.skuId,
    members: r.members || [],
  };
}
