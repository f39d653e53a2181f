import { View } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { Leaderboard } from '../../components/leaderboard';
import { useCloud } from '../../hooks/use-cloud';
import { salesApi } from '../../services/api';

export default function LeaderboardPage() {
  // Rows come ranked by GMV (sales.leaderboard).
  const state = useCloud(async () => (await salesApi.leaderboard()).rows.map((r) => ({ ...r, key: r.openid })));
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />} isEmpty={(d) => d.length === 0} empty={<Empty text="暂无排名" />}>
        {(rows) => (
          <View className="card">
            <Leaderboard rows={rows} />
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
