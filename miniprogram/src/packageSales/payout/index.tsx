import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { CursorLoadMore, Empty, ErrorView, Skeleton } from '../../components/states';
import { useCursorList } from '../../hooks/use-cursor-list';
import { payoutApi, type PayoutBalance } from '../../services/api';
import { errorCode, errorText } from '../../services/errors';
import { PAYOUT_STATUS_TAG, PAYOUT_STATUS_TEXT, REQUEST_ERROR_TEXT } from '../../services/payout-text';
import { formatFen, parseYuan } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import './index.css';

/** The balance and its parts, plainly: what was settled, what went back, what was paid, what is held. */
function BalanceCard({ b, minFen }: { b: PayoutBalance; minFen: number }) {
  const parts: Array<[string, number, string]> = [
    ['已结算佣金', b.settledFen, 'settled'],
    ['结算后退款冲回', -b.reversedAfterSettlementFen, 'reversed'],
    ['已打款', -b.paidFen, 'paid'],
    ['提现处理中', -b.reservedFen, 'reserved'],
  ];
  return (
    <View className="card">
      <Text className="muted">可提现</Text>
      <Text className="po-big" data-testid="payout-available">
        {formatFen(b.availableFen)}
      </Text>
      {parts.map(([label, fen, key]) => (
        <View key={key} className="between po-part">
          <Text className="muted">{label}</Text>
          <Text data-testid={`payout-${key}`}>{formatFen(fen)}</Text>
        </View>
      ))}
      <View className="between po-part">
        <Text className="muted">余额（已结算 − 冲回 − 已打款）</Text>
        <Text data-testid="payout-balance">{formatFen(b.balanceFen)}</Text>
      </View>
      <View className="between po-part">
        <Text className="muted">待结算（订单完成后可提现）</Text>
        <Text>{formatFen(b.pendingFen)}</Text>
      </View>
      <Text className="muted po-hint">最低提现 {formatFen(minFen)}，同一时间只能有一笔提现在处理中</Text>
      {b.carriedFen > 0 ? (
        <View className="po-carried" data-testid="payout-carried">
          <Text className="po-carried-title">待抵扣 {formatFen(b.carriedFen)}</Text>
          <Text className="po-carried-text">以下退款发生在佣金结算或打款之后，冲回金额超过了余额；差额将从你以后的佣金中先行抵扣，不会丢失也不会封顶。</Text>
          {b.lateReversals.map((r) => (
            <Text key={`${r.orderId}-${r.lineId}-${r.refundId}`} className="po-carried-row">
              {`订单 ${r.orderId} 退款冲回 ${formatFen(r.amountFen)} · ${formatDateTime(r.at)}`}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** A salesperson's payouts: the balance with its parts, a request, and every request with its state. */
export default function PayoutPage() {
  const list = useCursorList((cursor) => payoutApi.mine(cursor));
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const first = list.first;

  async function submit() {
    const fen = parseYuan(amount);
    if (fen === null || fen <= 0) {
      Taro.showToast({ title: '请输入金额，如 100 或 100.50', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      await payoutApi.request(fen);
      setAmount('');
      Taro.showToast({ title: '已提交，等待审批', icon: 'success' });
      await list.reload();
    } catch (e) {
      Taro.showToast({ title: REQUEST_ERROR_TEXT[errorCode(e)] ?? errorText(e), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }

  async function cancel(payoutId: string) {
    try {
      await payoutApi.cancel(payoutId);
      await list.reload();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    }
  }

  if (!first) return <Shell>{list.error ? <ErrorView error={list.error} onRetry={list.reload} /> : <Skeleton rows={4} />}</Shell>;
  const open = !!first.openPayoutId;
  return (
    <Shell>
      <BalanceCard b={first.balance} minFen={first.minAmountFen} />
      <View className="card">
        <View className="card-title">申请提现</View>
        <View className="row po-form">
          <Text className="po-yuan">¥</Text>
          <View className="grow" data-testid="payout-amount">
            <Input className="po-input" type="digit" placeholder={`可提现 ${formatFen(first.balance.availableFen, { symbol: false })}`} value={amount} onInput={(e) => setAmount(e.detail.value)} disabled={open} />
          </View>
          <Text className="po-all" onClick={() => setAmount(formatFen(first.balance.availableFen, { symbol: false }))}>
            全部
          </Text>
        </View>
        <Button className="btn-primary" disabled={open || busy || first.balance.availableFen < first.minAmountFen} onClick={submit} data-testid="payout-submit">
          {open ? '已有一笔提现在处理中' : '提交申请'}
        </Button>
      </View>
      <View className="card">
        <View className="card-title">提现记录</View>
        {list.items.length === 0 ? (
          <Empty text="还没有提现记录" />
        ) : (
          list.items.map((p) => (
            <View key={p.payoutId} className="cell" data-testid={`payout-item-${p.payoutId}`}>
              <View className="grow">
                <Text>{formatFen(p.amountFen)}</Text>
                <Text className="muted po-sub">{`申请于 ${formatDateTime(p.requestedAt)}`}</Text>
                {p.reference ? <Text className="muted po-sub">{`打款参考号 ${p.reference} · ${formatDateTime(p.paidAt)}`}</Text> : null}
                {p.reviewNote ? <Text className="muted po-sub">{`备注：${p.reviewNote}`}</Text> : null}
              </View>
              <View className="po-right">
                <Text className={PAYOUT_STATUS_TAG[p.status]} data-testid={`payout-status-${p.payoutId}`} data-status={p.status}>
                  {PAYOUT_STATUS_TEXT[p.status]}
                </Text>
                {p.status === 'requested' ? (
                  <Button size="mini" className="btn-plain po-cancel" onClick={() => cancel(p.payoutId)}>
                    撤回
                  </Button>
                ) : null}
              </View>
            </View>
          ))
        )}
        <CursorLoadMore list={list} />
      </View>
    </Shell>
  );
}
