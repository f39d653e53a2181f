import { View, Text } from '@tarojs/components';
import type { Team } from '../../services/api';
import { formatFen } from '../../utils/money';

/**
 * A ladder team's tiers (阶梯团): each size and price, the one reached highlighted. Members paid
 * the first tier's price; once the team succeeds at a cheaper tier the difference is refunded.
 */
export function LadderTiers({ team }: { team: Team }) {
  const tiers = team.terms.tiers ?? [];
  if (tiers.length === 0) return null;
  const reached = team.tier;
  const owed = reached ? team.terms.groupPriceFen - reached.priceFen : 0;
  return (
    <View className="card tm-ladder" data-testid="ladder-tiers">
      <Text className="tm-ladder-title">阶梯价：人越多越便宜</Text>
      <View className="tm-ladder-row">
        {tiers.map((t) => (
          <View key={t.size} className={`tm-tier ${reached?.size === t.size ? 'reached' : ''}`} data-testid={reached?.size === t.size ? 'ladder-tier-reached' : 'ladder-tier'}>
            <Text className="tm-tier-size">{t.size}人</Text>
            <Text className="price">{formatFen(t.priceFen)}</Text>
          </View>
        ))}
      </View>
      {reached && team.status === 'succeeded' && owed > 0 ? (
        <Text className="tm-ladder-note" data-testid="ladder-refund-note">成团价 {formatFen(reached.priceFen)}，差价 {formatFen(owed)} 已原路退回</Text>
      ) : reached ? (
        <Text className="tm-ladder-note">当前已达 {reached.size} 人档 {formatFen(reached.priceFen)}，成团后自动退差价</Text>
      ) : (
        <Text className="tm-ladder-note">满 {tiers[0]?.size} 人成团，按成团时的人数档位结算</Text>
      )}
    </View>
  );
}
