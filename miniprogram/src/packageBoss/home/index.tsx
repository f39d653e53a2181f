import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty } from '../../components/states';
import { useKnownRole } from '../../services/role';
import { QUEUE_ENTRIES, WORK_ENTRIES, type BackOfficeEntry } from './entries';
import '../backoffice.css';

function Entries({ entries }: { entries: BackOfficeEntry[] }) {
  return (
    <View>
      {entries.map((e) => (
        <View key={e.url} className="bo-row" onClick={() => Taro.navigateTo({ url: e.url })} data-testid={`bo-entry-${e.url.split('/')[2]}`}>
          <View className="bo-entry-icon">{e.icon}</View>
          <View className="grow">
            <Text className="order-line-title">{e.text}</Text>
            <Text className="muted">{e.hint}</Text>
          </View>
          <Text className="cell-arrow">›</Text>
        </View>
      ))}
    </View>
  );
}

/** The back office's front door for the boss and ops: work areas and, as features add them, queues. */
export default function BackOfficeHome() {
  const role = useKnownRole();
  const mine = (list: BackOfficeEntry[]) => list.filter((e) => !role || e.roles.includes(role));
  return (
    <Shell>
      <View className="card">
        <View className="card-title">经营管理</View>
        <Entries entries={mine(WORK_ENTRIES)} />
      </View>
      <View className="card">
        <View className="card-title">待办队列</View>
        {mine(QUEUE_ENTRIES).length ? <Entries entries={mine(QUEUE_ENTRIES)} /> : <Empty text="暂无待办队列" hint="售后、提现审批等队列上线后显示在这里" />}
      </View>
    </Shell>
  );
}
