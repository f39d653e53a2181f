import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { Leaderboard } from '../../components/leaderboard';
import { useCloud } from '../../hooks/use-cloud';
import { adminApi, type Dashboard } from '../../services/api';
import { formatFen, formatFenCompact } from '../../utils/money';
import './index.css';

const DAYS = 7;

/**
 * One call: admin.dashboard returns the totals and `daily`, the last 30 China-time days up to the
 * server's today (from the same counter read), of which the chart shows the last 7.
 */
async function load() {
  const total = await adminApi.dashboard();
  return { total, series: total.daily.slice(-DAYS) };
}

const FUNNEL: Array<{ key: keyof Omit<Dashboard['funnel'], 'rates'>; text: string }> = [
  { key: 'shares', text: '分享' },
  { key: 'opens', text: '打开' },
  { key: 'binds', text: '绑定' },
  { key: 'orders', text: '下单' },
  { key: 'pays', text: '支付' },
];

export default function DashboardPage() {
  const state = useCloud(load);
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={5} />}>
        {({ total: d, series }) => {
          const funnel = d.funnel;
          const fmax = Math.max(1, ...FUNNEL.map((f) => funnel[f.key]));
          const smax = Math.max(1, ...series.map((s) => s.gmvFen));
          const weekFen = series.reduce((sum, s) => sum + s.gmvFen, 0);
          const bySales = d.bySales.slice().sort((a, b) => b.gmvFen - a.gmvFen);
          return (
            <View>
              <View className="kpi-grid">
                <Kpi label="GMV" value={formatFenCompact(d.gmvFen)} big />
                <Kpi label="支付订单" value={String(d.paidOrders)} />
                <Kpi label="付款客户" value={String(d.payingCustomers)} />
                <Kpi label="新客" value={String(d.newPayingCustomers)} />
                <Kpi label="客单价" value={formatFenCompact(d.averageOrderFen)} />
                <Kpi label="退款" value={formatFenCompact(d.refundFen)} />
                <Kpi label="K 因子" value={d.kFactor.toFixed(2)} />
                <Kpi label="应付佣金" value={formatFenCompact(d.commission.owedFen)} />
              </View>
              <View className="card">
                <View className="card-title">
                  <Text>近{DAYS}日 GMV</Text>
                  <Text className="muted" data-testid="gmv-week">
                    合计 {formatFenCompact(weekFen)}
                  </Text>
                </View>
                <View className="chart" data-testid="gmv-chart">
                  {series.map((s) => (
                    <View key={s.day} className="chart-col" data-day={s.day} data-gmv={s.gmvFen}>
                      <Text className="chart-val">{s.gmvFen ? formatFenCompact(s.gmvFen) : ''}</Text>
                      <View className="chart-bar" style={{ height: Taro.pxTransform(Math.max(4, Math.round((s.gmvFen / smax) * 240))) }} />
                      <Text className="chart-day">{s.day.slice(5)}</Text>
                    </View>
                  ))}
                </View>
              </View>
              <View className="card">
                <View className="card-title">
                  <Text>分享漏斗</Text>
                  <Text className="muted">K = {d.kFactor.toFixed(2)}</Text>
                </View>
                {FUNNEL.map((f) => {
                  const n = funnel[f.key];
                  return (
                    <View key={f.key} className="funnel-row">
                      <Text className="funnel-label">{f.text}</Text>
                      <View className="funnel-bg">
                        <View className="funnel-bar" style={{ width: `${Math.max(1, Math.round((n / fmax) * 100))}%` }} />
                      </View>
                      <Text className="funnel-num">{n}</Text>
                    </View>
                  );
                })}
              </View>
              {d.byCampaign.length > 0 ? (
                <View className="card" data-testid="campaigns">
                  <View className="card-title">活动</View>
                  {d.byCampaign.map((c) => (
                    <View key={c.campaign} className="cell" data-testid={`campaign-${c.campaign}`}>
                      <Text className="grow">{c.campaign}</Text>
                      <Text className="muted">
                        打开 {c.funnel.opens} · 新客 {c.newCustomers} · 下单 {c.funnel.orders} · 支付 {c.funnel.pays} · K {c.kFactor.toFixed(2)}
                      </Text>
                    </View>
                  ))}
                </View>
              ) : null}
              <View className="card">
                <View className="card-title">销售排行</View>
                <Leaderboard rows={bySales.map((s) => ({ ...s, key: s.salesId }))} />
              </View>
              <View className="card">
                <View className="card-title">促销效果</View>
                <View className="muted promo-sub">
                  用券订单 {d.coupons.paidOrdersWithCoupon} · 券抵扣 {formatFen(d.coupons.discountFen)} · 拼团订单 {d.groups.paidGroupOrders}
                </View>
                {d.coupons.templates.map((t) => (
                  <View key={t.templateId} className="cell">
                    <Text className="ellipsis grow">{t.title}</Text>
                    <Text className="muted">
                      已领 {t.issued ?? '—'}/{t.stock ?? '—'} · {t.status === 'active' ? '进行中' : t.status}
                    </Text>
                  </View>
                ))}
                <View className="cell">
                  <Text>拼团</Text>
                  <Text className="muted">
                    进行中 {d.groups.teams.forming} · 成功 {d.groups.teams.succeeded} · 失败 {d.groups.teams.failed}
                  </Text>
                </View>
                {d.experiments.map((x) => (
                  <ExperimentArms key={x.key} experiment={x} />
                ))}
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const METRIC_NAMES: Record<string, string> = { opens: '打开', binds: '绑定', orders: '下单', paidOrders: '支付' };

/** One experiment's arms: exposures, conversions, rate; each arm's difference to the control with its 95 % interval. */
function ExperimentArms({ experiment: x }: { experiment: Dashboard['experiments'][number] }) {
  const verdict = x.arms.some((a) => a.significant) ? '差异显著' : '尚无显著差异';
  return (
    <View className="cell experiment" data-testid={`experiment-${x.key}`}>
      <Text>
        实验 {x.key} · {METRIC_NAMES[x.exposure] ?? x.exposure}→{METRIC_NAMES[x.conversion] ?? x.conversion} · <Text data-testid="experiment-verdict">{verdict}</Text>
      </Text>
      {x.arms.map((a, i) => (
        <Text key={a.variant} className="muted" data-testid={`arm-${a.variant}`}>
          {a.variant}
          {i === 0 ? '（对照）' : ''}: {a.conversions}/{a.exposures} = {pct(a.rate)}
          {a.differenceInterval && a.difference !== null ? ` · 差 ${pct(a.difference)} [${pct(a.differenceInterval.low)}, ${pct(a.differenceInterval.high)}]` : ''}
        </Text>
      ))}
    </View>
  );
}

function Kpi({ label, value, big = false }: { label: string; value: string; big?: boolean }) {
  return (
    <View className={`kpi ${big ? 'big' : ''}`}>
      <Text className="kpi-val" data-testid={`kpi-${label}`}>
        {value}
      </Text>
      <Text className="kpi-label">{label}</Text>
    </View>
  );
}
