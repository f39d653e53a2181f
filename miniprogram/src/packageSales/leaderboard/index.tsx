import { View } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { Leaderboard, type LeaderRow } from '../../components/leaderboard';
import { listOf, useCloud } from '../../hooks/use-cloud';
import { salesApi } from '../../services/api';

export default function LeaderboardPage() {
  const state = useCloud(async () => listOf<LeaderRow>(await salesApi.leaderboard(), 'rows'));
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
