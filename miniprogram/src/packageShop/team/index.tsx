import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { View, Text, Image, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { ShareBar } from '../../components/share-bar';
import { useCloud, useNow } from '../../hooks/use-cloud';
import { groupApi, shelfApi, type Team } from '../../services/api';
import { isMyTeam } from '../../services/my-teams';
import { myOpenid } from '../../services/role';
import { TEAM_STATUS_TEXT } from '../../services/order-status';
import { usePayResult } from '../../services/pay-result';
import { mintShare, shareCard } from '../../services/share';
import { formatFen } from '../../utils/money';
import { formatCountdown, toMs } from '../../utils/time';
import { checkoutUrl } from '../checkout/url';
import { useMomentsShare } from '../../hooks/use-moments-share';
import { useShareOnlyRedirect } from '../../hooks/use-share-only-redirect';
import { LadderTiers } from './ladder-tiers';
import { teamDealText, teamNeedText, teamInviteText, teamRuleText } from './team-rule';
import './index.css';

const PAGE = '/packageShop/team/index';

export default function TeamPage() {
  const { params } = useRouter();
  const teamId = params.id || params.teamId || '';
  const redirecting = useShareOnlyRedirect(teamId, params);
  const state = useCloud(async () => {
    const team = await groupApi.get(teamId);
    // The team carries the deal's terms; the product's title and image come from the shelf.
    const product = await shelfApi.product(team.terms.productId, { view: false }).catch(() => undefined);
    return { team, product };
  }, [teamId], { skip: redirecting });
  const now = useNow();
  usePayResult();
  const t = state.data?.team;
  const productTitle = state.data?.product?.title || t?.terms.title || '';
  const productImage = state.data?.product?.images[0];
  const title = t ? `还差${t.seatsLeft}人！${formatFen(t.terms.groupPriceFen)} 一起拼 ${productTitle}` : '一起拼团';

  useShareAppMessage(() => ({
    title,
    path: PAGE,
    imageUrl: productImage,
    promise: mintShare('group', teamId).then((m) => shareCard(m, title, productImage)),
  }));
  useMomentsShare('group', t ? teamId : undefined, title, productImage);

  return (
    <Shell className="team">
      <Loadable state={state} skeleton={<Skeleton rows={3} />}>
        {({ team: d }: { team: Team }) => {
          const left = toMs(d.expiresAt) - now;
          const joined = isMyTeam(d.teamId) || d.members.some((m) => m.openid === myOpenid());
          const forming = d.status === 'forming' && left > 0;
          const seats = Array.from({ length: d.size }, (_, i) => d.members[i]);
          const productId = d.terms.productId;
          return (
            <View>
              <View className="card row" onClick={() => Taro.navigateTo({ url: `/packageShop/product/index?id=${encodeURIComponent(productId)}` })}>
                {productImage ? <Image className="tm-img" src={productImage} mode="aspectFill" /> : <View className="tm-img" />}
                <View className="grow">
                  <Text className="tm-title">{productTitle}</Text>
                  <Text className="tm-deal">{teamDealText(d.terms, d.size)}</Text>
                  <Text className="price">拼团价 {formatFen(d.terms.groupPriceFen)}</Text>
                </View>
              </View>
              <View className="card tm-main">
                <Text className={`tm-status s-${d.status}`} data-testid="team-status">
                  {d.status === 'forming' && left <= 0 ? '已到期' : TEAM_STATUS_TEXT[d.status]}
                </Text>
                {forming ? (
                  <View className="tm-need">{teamNeedText(d.terms, d.size, d.size - d.seatsLeft)}</View>
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
                      {m?.isLeader ? <Text className="tm-leader">团长</Text> : null}
                      <Text className="tm-name ellipsis">{m ? memberName(m) : '待加入'}</Text>
                      {m && !m.paid ? <Text className="tm-pending">待支付</Text> : null}
                    </View>
                  ))}
                </View>
                {forming ? (
                  joined ? (
                    <View className="tm-actions">
                      <Text className="muted tm-invite-tip">{teamInviteText(d.terms, d.size)}</Text>
                      <ShareBar type="group" id={teamId} page={`${PAGE}`} label="邀请好友" />
                    </View>
                  ) : (
                    <Button className="btn-primary tm-join" onClick={() => Taro.navigateTo({ url: checkoutUrl({ productId, mode: 'join', teamId: d.teamId }) })} data-testid="team-join">
                      {formatFen(d.terms.groupPriceFen)} 一键参团
                    </Button>
                  )
                ) : (
                  <Button className="btn-ghost tm-join" onClick={() => Taro.navigateTo({ url: `/packageShop/product/index?id=${encodeURIComponent(productId)}` })}>
                    再开一团
                  </Button>
                )}
              </View>
              <LadderTiers team={d} />
              <View className="card muted tm-rules" data-testid="team-rules">
                {teamRuleText(d.terms, d.size)}
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}

/** A member's name (the caller's own seat reads 我 when the name is not set). */
function memberName(m: Team['members'][number]): string {
  return m.name || (m.openid === myOpenid() ? '我' : '团员');
}
