import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { salesApi, type Ledger } from '../../services/api';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';

type Kind = Ledger['entries'][number]['kind'];
/** Totals come with the first page of the ledger (null on the next ones). */
type Totals = NonNullable<Ledger['totals']>;

const STATES: Array<{ key: Kind; text: string; total: keyof Totals }> = [
  { key: 'pending', text: '待结算', total: 'pendingFen' },
  { key: 'settleable', text: '可结算', total: 'settleableFen' },
  { key: 'paid', text: '已发放', total: 'paidFen' },
  { key: 'reversed', text: '已冲回', total: 'reversedFen' },
];

/**
 * The append-only commission ledger: pending → settleable → paid, reversals as their own entries;
 * totals over every entry (from the first page), the entries a server page at a time.
 */
export default function LedgerPage() {
  const list = useCursorList((cursor) => salesApi.ledger(cursor));
  const [tab, setTab] = useState<Kind | 'all'>('all');
  const t = list.first?.totals;
  if (!t) return <Shell>{list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={4} />}</Shell>;
  const shown = list.items.filter((e) => tab === 'all' || e.kind === tab);
  return (
    <Shell>
      <View className="card ledger-totals">
        {STATES.map((s) => (
          <View key={s.key} className={`ledger-total ${tab === s.key ? 'on' : ''}`} onClick={() => setTab(tab === s.key ? 'all' : s.key)}>
            <Text className={s.key === 'reversed' ? 'ledger-num red' : 'ledger-num'} data-testid={`ledger-${s.key}`}>
              {formatFen(t[s.total])}
            </Text>
            <Text className="muted">{s.text}</Text>
          </View>
        ))}
      </View>
      <View className="muted ledger-owed">应付余额 {formatFen(t.owedFen)}（冲回不受余额限制）</View>
      {shown.length === 0 && !list.hasMore ? (
        <Empty text="暂无佣金记录" hint="客户付款后生成待结算佣金" />
      ) : (
        <View className="card">
          {shown.map((e) => (
            <View key={e.entryId} className="cell">
              <View className="grow">
                <Text className="ellipsis">{`订单 ${e.orderId} · ${e.productId}`}</Text>
                <Text className="muted ledger-sub">{formatDateTime(e.createdAt)}</Text>
              </View>
              <View className="ledger-right">
                <Text className={e.amountFen < 0 || e.kind === 'reversed' ? 'price' : 'ledger-plus'}>
                  {e.amountFen > 0 && e.kind !== 'reversed' ? '+' : ''}
                  {formatFen(e.amountFen)}
                </Text>
                <Text className="muted">{STATES.find((s) => s.key === e.kind)?.text}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
      <CursorLoadMore list={list} />
    </Shell>
  );
}
