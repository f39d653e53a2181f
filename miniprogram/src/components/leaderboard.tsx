import { View, Text, Image } from '@tarojs/components';
import { formatFen } from '../utils/money';

export interface LeaderRow {
  rank?: number;
  openid?: string;
  salesId?: string;
  name?: string;
  avatarUrl?: string;
  gmvFen: number;
  paidOrders?: number;
  newCustomers?: number;
  kFactor?: number;
  me?: boolean;
}

/** Ranked salespeople with GMV as bars (plain Views, no chart library). */
export function Leaderboard({ rows }: { rows: LeaderRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.gmvFen || 0));
  return (
    <View>
      {rows.map((r, i) => (
        <View key={r.openid || r.salesId || i} className={`lb-row ${r.me ? 'me' : ''}`}>
          <Text className={`lb-rank r${r.rank ?? i + 1}`}>{r.rank ?? i + 1}</Text>
          {r.avatarUrl ? <Image className="avatar sm" src={r.avatarUrl} /> : <View className="avatar sm" />}
          <View className="grow lb-mid">
            <View className="between">
              <Text>
                {r.name || r.openid || r.salesId}
                {r.me ? '（我）' : ''}
              </Text>
              <Text className="price">{formatFen(r.gmvFen)}</Text>
            </View>
            <View className="lb-bar-bg">
              <View className="lb-bar" style={{ width: `${Math.round(((r.gmvFen || 0) / max) * 100)}%` }} />
            </View>
            <Text className="muted">
              成交 {r.paidOrders ?? 0} 单 · 拉新 {r.newCustomers ?? 0} 人{r.kFactor != null ? ` · K值 ${Number(r.kFactor).toFixed(2)}` : ''}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
