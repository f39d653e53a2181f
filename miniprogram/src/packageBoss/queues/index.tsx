import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Input, Button } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Empty, Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { adminApi, type OpsHealth, type Queues, type ReferralRow } from '../../services/api';
import { errorText } from '../../services/errors';
import { knownRole } from '../../services/role';
import { formatFen } from '../../utils/money';
import { formatDateTime } from '../../utils/time';
import './index.css';

/** After-sale requests have their own queue (issue 12): linked by route; its count shows there. */
const AFTERSALE_QUEUE = '/packageBoss/aftersale-queue/index';

const COLLECTION_TEXT: Record<string, string> = {
  coupon_templates: '优惠券模板',
  group_deals: '拼团活动',
  commission_plans: '佣金方案',
  referral_programs: '老带新方案',
  experiments: 'A/B 实验',
  binding_policy: '锁客规则',
  settings: '设置',
};

const REASON_TEXT: Record<string, string> = {
  mutual_referral: '互相邀请',
  velocity: '当天邀请过多',
  fast_conversion: '绑定后很快付款',
};

async function load(): Promise<{ q: Queues; health: OpsHealth; referrals: ReferralRow[] }> {
  const [q, health, referrals] = await Promise.all([adminApi.queues(), adminApi.promotionHealth(), adminApi.referrals()]);
  return { q, health, referrals: referrals.items };
}

function Entry(props: { title: string; sub: string; count: number | null; testid: string; onClick?: () => void }) {
  return (
    <View className="cell" onClick={props.onClick} data-testid={props.testid}>
      <View className="grow">
        <Text>{props.title}</Text>
        <Text className="muted qu-sub">{props.sub}</Text>
      </View>
      {props.count === null ? null : (
        <Text className={props.count > 0 ? 'qu-count on' : 'qu-count'} data-testid={`${props.testid}-count`}>
          {props.count}
        </Text>
      )}
      {props.onClick ? <Text className="cell-arrow">›</Text> : null}
    </View>
  );
}

/** A referral held for review: approve (issues the reward) or reject with the reason. */
function ReferralItem({ r, onDone }: { r: ReferralRow; onDone: () => Promise<void> }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function review(approve: boolean) {
    setBusy(true);
    try {
      await adminApi.reviewReferral(r.rewardId, approve, note.trim() || undefined);
      Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'success' });
      await onDone();
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }
  return (
    <View className="qu-item" data-testid={`referral-${r.rewardId}`}>
      <Text>{`${r.referrerName ?? r.referrerOpenid} 邀请 ${r.buyerName ?? r.buyerOpenid} · 首单 ${formatFen(r.paidFen)}`}</Text>
      <Text className="muted qu-sub">{`${r.reasons.map((x) => REASON_TEXT[x] ?? x).join('、')} · ${formatDateTime(r.qualifiedAt)}`}</Text>
      <View className="qu-input">
        <Input placeholder="驳回原因（驳回时必填）" value={note} onInput={(e) => setNote(e.detail.value)} />
      </View>
      <View className="order-actions">
        <Button size="mini" className="btn-plain" disabled={busy || !note.trim()} onClick={() => review(false)}>
          驳回
        </Button>
        <Button size="mini" className="btn-primary" disabled={busy} onClick={() => review(true)} data-testid={`referral-approve-${r.rewardId}`}>
          通过并发放
        </Button>
      </View>
    </View>
  );
}

/** Everything that waits for the boss or ops, in one place, with counts. */
export default function QueuesPage() {
  const state = useCloud(load);
  const isBoss = knownRole() !== 'ops';
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />}>
        {({ q, health, referrals }) => {
          const planProblems = health.problems.filter((p) => p.collection === 'commission_plans');
          return (
            <View>
              <View className="card">
                <Entry title="售后申请" sub="退款 / 退货退款审核" count={null} testid="queue-aftersale" onClick={() => Taro.navigateTo({ url: AFTERSALE_QUEUE })} />
                <Entry title="提现待审批" sub="销售员提现申请" count={q.payoutsRequested} testid="queue-payouts" onClick={isBoss ? () => Taro.navigateTo({ url: '/packageBoss/payouts/index?status=requested' }) : undefined} />
                <Entry title="提现待打款" sub="已批准，转账后标记已打款" count={q.payoutsApproved} testid="queue-payouts-approved" onClick={isBoss ? () => Taro.navigateTo({ url: '/packageBoss/payouts/index?status=approved' }) : undefined} />
                <Entry title="老带新奖励待审核" sub="可疑邀请，人工确认后发放" count={q.referralsToReview} testid="queue-referrals" />
                <Entry title="无效的运营文档" sub="已跳过，修复后生效" count={q.invalidDocuments} testid="queue-invalid" />
                <Entry title="佣金待计算" sub="佣金方案无效期间支付的订单，方案修复后自动计算" count={q.commissionWaiting} testid="queue-commission" />
                <Entry title="数据导出" sub="订单 / 佣金对账单 CSV" count={null} testid="queue-exports" onClick={() => Taro.navigateTo({ url: '/packageBoss/exports/index' })} />
              </View>
              <View className="card">
                <View className="card-title">老带新奖励待审核</View>
                {referrals.length === 0 ? <Empty text="没有待审核的奖励" /> : referrals.map((r) => <ReferralItem key={r.rewardId} r={r} onDone={state.reload} />)}
              </View>
              <View className="card">
                <View className="card-title">无效的运营文档</View>
                {health.problems.length === 0 ? (
                  <Empty text="所有运营文档都有效" />
                ) : (
                  health.problems.map((p) => (
                    <View key={`${p.collection}/${p.id}`} className="qu-item" data-testid={`invalid-${p.collection}-${p.id}`}>
                      <Text>{`${COLLECTION_TEXT[p.collection] ?? p.collection} · ${p.id}`}</Text>
                      {p.problems.map((x) => (
                        <Text key={x} className="muted qu-sub">
                          {x}
                        </Text>
                      ))}
                    </View>
                  ))
                )}
                {q.commissionWaiting > 0 ? (
                  <Text className="qu-warn">{`${q.commissionWaiting} 笔订单的佣金在等待有效的佣金方案${planProblems.length ? `（${planProblems.map((p) => p.id).join('、')}）` : ''}，不会按 0 计算。`}</Text>
                ) : null}
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}
