import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { listOf, useCloud } from '../../hooks/use-cloud';
import { salesApi } from '../../services/api';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';

interface Entry {
  id?: string;
  _id?: string;
  kind?: string;
  status?: string;
  amountFen: number;
  orderId?: string;
  lineId?: string;
  productTitle?: string;
  title?: string;
  createdAt?: string;
  at?: string;
}
interface Ledger {
  totals?: { pendingFen: number; settleableFen: number; paidFen: number; reversedFen: number; owedFen?: number };
  entries?: Entry[];
}

const STATES = [
  { key: 'pending', text: '待结算' },
  { key: 'settleable', text: '可结算' },
  { key: 'paid', text: '已发放' },
  { key: 'reversed', text: '已冲回' },
];

/** The append-only commission ledger: pending → settleable → paid, reversals as their own entries. */
export default function LedgerPage() {
  const state = useCloud(() => salesApi.ledger() as Promise<Ledger>);
  const [tab, setTab] = useState('all');
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={4} />}>
        {(d) => {
          const entries = listOf<Entry>(d.entries || d, 'entries');
          const shown = entries.filter((e) => tab === 'all' || (e.status || e.kind) === tab);
          const t = d.totals;
          return (
            <View>
              <View className="card ledger-totals">
                {STATES.map((s) => (
                  <View key={s.key} className={`ledger-total ${tab === s.key ? 'on' : ''}`} onClick={() => setTab(tab === s.key ? 'all' : s.key)}>
                    <Text className={s.key === 'reversed' ? 'ledger-num red' : 'ledger-num'} data-testid={`ledger-${s.key}`}>{formatFen((t as Record<string, number> | undefined)?.[`${s.key}Fen`] ?? 0)}</Text>
                    <Text className="muted">{s.text}</Text>
                  </View>
                ))}
              </View>
              {t?.owedFen != null ? <View className="muted ledger-owed">应付余额 {formatFen(t.owedFen)}（冲回不受余额限制）</View> : null}
              {shown.length === 0 ? (
                <Empty text="暂无佣金记录" hint="客户付款后生成待结算佣金" />
              ) : (
                <View className="card">
                  {shown.slice(0, 100).map((e, i) => {
                    const st = e.status || e.kind || '';
                    return (
                      <View key={e.id || e._id || i} className="cell">
                        <View className="grow">
                          <Text className="ellipsis">{e.productTitle || e.title || `订单 ${e.orderId || ''}`}</Text>
                          <Text className="muted ledger-sub">{formatDateTime(e.createdAt || e.at)}</Text>
                        </View>
                        <View className="ledger-right">
                          <Text className={e.amountFen < 0 || st === 'reversed' ? 'price' : 'ledger-plus'}>
                            {e.amountFen > 0 && st !== 'reversed' ? '+' : ''}
                            {formatFen(e.amountFen)}
                          </Text>
                          <Text className="muted">{STATES.find((s) => s.key === st)?.text || st}</Text>
                        </View>
                      </View>
                    );
                  })}
                </View>
              )}
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
