import { useState } from 'react';
import { View, Text, Input, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CursorListBody, StatusTabs } from '../../components/states';
import { useAction } from '../../hooks/use-action';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useStatusParam } from '../../hooks/use-status-param';
import { payoutApi, type PayoutStatus, type PayoutView } from '../../services/api';
import { PAYOUT_STATUS_TEXT } from '../../services/payout-text';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import './index.css';

const TABS: PayoutStatus[] = ['requested', 'approved', 'paid', 'rejected'];

/** One request with the boss's actions for its state: approve / reject (with a note), or mark paid (with the transfer's reference). */
function PayoutCard({ p, onDone }: { p: PayoutView; onDone: () => Promise<void> }) {
  const [text, setText] = useState('');
  const { busy, act } = useAction(onDone);
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
  const [status, setStatus] = useStatusParam(TABS);
  const list = useCursorList((cursor) => payoutApi.queue(status, cursor), [status]);
  return (
    <Shell>
      <StatusTabs tabs={TABS} value={status} text={PAYOUT_STATUS_TEXT} onChange={setStatus} testid="boss-payout-tab" />
      <CursorListBody list={list} empty="没有这个状态的提现申请">
        {(p) => <PayoutCard key={p.payoutId} p={p} onDone={list.reload} />}
      </CursorListBody>
    </Shell>
  );
}
