import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { Leaderboard } from '../../components/leaderboard';
import { useCloud } from '../../hooks/use-cloud';
import { adminApi } from '../../services/api';
import { formatFen, formatFenCompact } from '../../utils/money';
import { chinaDay, daysEndingAt, isDay } from '../../utils/days';
import './index.css';

type Dash = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAYS = 7;

/**
 * admin.dashboard {from?, to?} takes days as `YYYY-MM-DD` in **China time** (the day counters are
 * keyed that way) and returns no daily series, so the chart asks for each of the last 7 days
 * (from = to = that day). The days are China-time days ending at the server's today: the all-time
 * call returns `to` = the server's today, which is what the per-day calls must end at (the phone's
 * clock and time zone may differ, and the local cloud's clock can be moved in tests). Both are
 * sent at once with the days computed here; if the server's today turns out different, the
 * per-day calls are redone for the server's days (one extra round trip, rare).
 */

type Point = { day: string; gmvFen: number | null };

async function daySeries(days: string[]): Promise<Point[]> {
  return Promise.all(
    days.map((day) =>
      adminApi
        .dashboard(day, day)
        .then((r) => ({ day, gmvFen: Number((r as Dash).gmvFen) || 0 }))
        .catch(() => ({ day, gmvFen: null })),
    ),
  );
}

async function load() {
  const guess = daysEndingAt(chinaDay(Date.now()), DAYS);
  const [total, guessed] = await Promise.all([adminApi.dashboard() as Promise<Dash>, daySeries(guess)]);
  const serverToday = isDay(total.to) ? total.to : guess[DAYS - 1];
  const series = serverToday === guess[DAYS - 1] ? guessed : await daySeries(daysEndingAt(serverToday, DAYS));
  return { total, series };
}

const FUNNEL = [
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
          const funnel = d.funnel || {};
          const fmax = Math.max(1, ...FUNNEL.map((f) => Number(funnel[f.key]) || 0));
          const smax = Math.max(1, ...series.map((s) => s.gmvFen ?? 0));
          const weekFen = series.reduce((sum, s) => sum + (s.gmvFen ?? 0), 0);
          const bySales = (d.bySales || []).slice().sort((a: Dash, b: Dash) => b.gmvFen - a.gmvFen);
          return (
            <View>
              <View className="kpi-grid">
                <Kpi label="GMV" value={formatFenCompact(d.gmvFen)} big />
                <Kpi label="支付订单" value={String(d.paidOrders ?? 0)} />
                <Kpi label="付款客户" value={String(d.payingCustomers ?? 0)} />
                <Kpi label="新客" value={String(d.newPayingCustomers ?? 0)} />
                <Kpi label="客单价" value={formatFenCompact(d.averageOrderFen ?? 0)} />
                <Kpi label="退款" value={formatFenCompact(d.refundFen ?? 0)} />
                <Kpi label="K 因子" value={Number(d.kFactor ?? 0).toFixed(2)} />
                <Kpi label="应付佣金" value={formatFenCompact(d.commission?.owedFen ?? 0)} />
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
                    <View key={s.day} className="chart-col" data-day={s.day} data-gmv={s.gmvFen ?? ''}>
                      <Text className="chart-val">{s.gmvFen == null ? '—' : s.gmvFen ? formatFenCompact(s.gmvFen) : ''}</Text>
                      <View className="chart-bar" style={{ height: Taro.pxTransform(Math.max(4, Math.round(((s.gmvFen ?? 0) / smax) * 240))) }} />
                      <Text className="chart-day">{s.day.slice(5)}</Text>
                    </View>
                  ))}
                </View>
              </View>
              <View className="card">
                <View className="card-title">
                  <Text>分享漏斗</Text>
                  <Text className="muted">K = {Number(d.kFactor ?? 0).toFixed(2)}</Text>
                </View>
                {FUNNEL.map((f) => {
                  const n = Number(funnel[f.key]) || 0;
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
              <View className="card">
                <View className="card-title">销售排行</View>
                <Leaderboard rows={bySales.map((s: Dash, i: number) => ({ ...s, rank: i + 1, openid: s.salesId }))} />
              </View>
              <View className="card">
                <View className="card-title">促销效果</View>
                <View className="muted promo-sub">
                  用券订单 {d.coupons?.paidOrdersWithCoupon ?? 0} · 券抵扣 {formatFen(d.coupons?.discountFen ?? 0)} · 拼团订单 {d.groups?.paidGroupOrders ?? 0}
                </View>
                {(d.coupons?.templates || []).map((t: Dash) => (
                  <View key={t.templateId} className="cell">
                    <Text className="ellipsis grow">{t.title}</Text>
                    <Text className="muted">
                      已领 {t.issued}/{t.stock} · {t.status === 'active' ? '进行中' : t.status}
                    </Text>
                  </View>
                ))}
                {d.groups?.teams ? (
                  <View className="cell">
                    <Text>拼团</Text>
                    <Text className="muted">
                      进行中 {d.groups.teams.forming} · 成功 {d.groups.teams.succeeded} · 失败 {d.groups.teams.failed}
                    </Text>
                  </View>
                ) : null}
                {(d.experiments || []).map((x: Dash) => (
                  <View key={x.key} className="cell">
                    <Text>实验 {x.key}</Text>
                    <Text className="muted">{(x.variants || []).map((v: Dash) => `${v.variant}: ${formatFenCompact(v.gmvFen)}/${v.paidOrders}单`).join('  ')}</Text>
                  </View>
                ))}
              </View>
            </View>
          );
        }}
      </Loadable>
    </Shell>
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
