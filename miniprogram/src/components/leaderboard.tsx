import { View, Text, Image } from '@tarojs/components';
import { formatFen } from '../utils/money';

/** One ranked salesperson: sales.leaderboard's rows, or the dashboard's bySales. */
export interface LeaderRow {
  key: string;
  name: string;
  avatarUrl?: string | null;
  gmvFen: number;
  paidOrders: number;
  newCustomers: number;
  kFactor: number;
  me?: boolean;
}

/** Ranked salespeople with GMV as bars (plain Views, no chart library); rank = position. */
export function Leaderboard({ rows }: { rows: LeaderRow[] }) {
  const max = Math.max(1, ...rows.map((r) => r.gmvFen));
  return (
    <View>
      {rows.map((r, i) => (
        <View key={r.key} className={`lb-row ${r.me ? 'me' : ''}`}>
          <Text className={`lb-rank r${i + 1}`}>{i + 1}</Text>
          {r.avatarUrl ? <Image className="avatar sm" src={r.avatarUrl} /> : <View className="avatar sm" />}
          <View className="grow lb-mid">
            <View className="between">
              <Text>
                {r.name}
                {r.me ? '（我）' : ''}
              </Text>
              <Text className="price">{formatFen(r.gmvFen)}</Text>
            </View>
            <View className="lb-bar-bg">
              <View className="lb-bar" style={{ width: `${Math.round((r.gmvFen / max) * 100)}%` }} />
            </View>
            <Text className="muted">
              成交 {r.paidOrders} 单 · 拉新 {r.newCustomers} 人 · K值 {r.kFactor.toFixed(2)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
