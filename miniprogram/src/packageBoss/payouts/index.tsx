import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Input, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { payoutApi, type PayoutStatus, type PayoutView } from '../../services/api';
import { errorText } from '../../services/errors';
import { PAYOUT_STATUS_TEXT } from '../../services/payout-text';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import './index.css';

const TABS: PayoutStatus[] = ['requested', 'approved', 'paid', 'rejected'];

/** One request with the boss's actions for its state: approve / reject (with a note), or mark paid (with the transfer's reference). */
function PayoutCard({ p, onDone }: { p: PayoutView; onDone: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  async function act(run: () => Promise<unknown>, done: string) {
    setBusy(true);
    try {
      await run();
      Taro.showToast({ title: done, icon: 'success' });
      await onDone();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className="card" data-testid={`boss-payout-${p.payoutId}`}>
      <View className="between">
        <Text className="bp-name">{p.salesName ?? p.salesId}</Text>
        <Text className="price">{formatFen(p.amountFen)}</Text>
      </View>
      <Text className="muted bp-sub">{`申请于 ${formatDateTime(p.requestedAt)} · 申请时余额 ${formatFen(p.balanceAtRequestFen)} · ${PAYOUT_STATUS_TEXT[p.status]}`}</Text>
      {p.reviewNote ? <Text className="muted bp-sub">{`备注：${p.reviewNote}`}</Text> : null}
      {p.reference ? <Text className="muted bp-sub">{`打款参考号 ${p.reference} · ${formatDateTime(p.paidAt)}`}</Text> : null}
      {p.status === 'requested' || p.status === 'approved' ? (
        <View className="bp-input" data-testid={`boss-payout-input-${p.payoutId}`}>
          <Input placeholder={p.status === 'requested' ? '备注（驳回时必填原因）' : '银行转账参考号（流水号）'} value={text} onInput={(e) => setText(e.detail.value)} />
        </View>
      ) : null}
      {p.status === 'requested' ? (
        <View className="order-actions">
          <Button size="mini" className="btn-plain" disabled={busy || !text.trim()} onClick={() => act(() => payoutApi.review(p.payoutId, false, text.trim()), '已驳回')} data-testid={`boss-payout-reject-${p.payoutId}`}>
            驳回
          </Button>
          <Button size="mini" className="btn-primary" disabled={busy} onClick={() => act(() => payoutApi.review(p.payoutId, true, text.trim() || undefined), '已批准')} data-testid={`boss-payout-approve-${p.payoutId}`}>
            批准
          </Button>
        </View>
      ) : null}
      {p.status === 'approved' ? (
        <View className="order-actions">
          <Button size="mini" className="btn-plain" disabled={busy} onClick={() => act(() => payoutApi.review(p.payoutId, false, text.trim() || '转账失败'), '已驳回')}>
            转账失败，驳回
          </Button>
          <Button size="mini" className="btn-primary" disabled={busy || !text.trim()} onClick={() => act(() => payoutApi.markPaid(p.payoutId, text.trim()), '已标记打款')} data-testid={`boss-payout-paid-${p.payoutId}`}>
            标记已打款
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** The boss's payout queue by state: approve or reject requests, mark approved ones paid after the bank transfer. */
export default function PayoutsPage() {
  const router = useRouter();
  const [status, setStatus] = useState<PayoutStatus>((TABS as string[]).includes(router.params.status ?? '') ? (router.params.status as PayoutStatus) : 'requested');
  const list = useCursorList((cursor) => payoutApi.queue(status, cursor), [status]);
  return (
    <Shell>
      <View className="tabs">
        {TABS.map((s) => (
          <View key={s} className={`tab ${s === status ? 'active' : ''}`} onClick={() => setStatus(s)} data-testid={`boss-payout-tab-${s}`}>
            {PAYOUT_STATUS_TEXT[s]}
          </View>
        ))}
      </View>
      {list.error && list.items.length === 0 ? (
        <ErrorView error={list.error} onRetry={list.reload} />
      ) : list.loading && !list.first ? (
        <Skeleton rows={3} />
      ) : list.items.length === 0 ? (
        <Empty text="没有这个状态的提现申请" />
      ) : (
        list.items.map((p) => <PayoutCard key={p.payoutId} p={p} onDone={list.reload} />)
      )}
        <CursorLoadMore list={list} />
    </Shell>
  );
}
