import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Button, Picker } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { useCloud } from '../../hooks/use-cloud';
import { adminApi, salesApi, type ExportFile, type ExportRequest } from '../../services/api';
import { errorText } from '../../services/errors';
import { deliverExport } from './download';
import './index.css';

const KINDS: Array<{ kind: ExportRequest['kind']; text: string; sub: string }> = [
  { kind: 'orders', text: '订单', sub: '期间内支付的订单，每单一行' },
  { kind: 'commission', text: '佣金对账单', sub: '期间内的每条佣金记录：待结算、可结算、冲回、发放' },
];

const DAY = 86_400_000;
/** A China-time day key `YYYY-MM-DD`, `days` from today. */
function chinaDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
}
function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}
const PRESETS: Array<{ key: string; text: string; range: () => [string, string] }> = [
  { key: 'today', text: '今天', range: () => [chinaDay(), chinaDay()] },
  { key: '7d', text: '近7天', range: () => [chinaDay(-6), chinaDay()] },
  { key: 'month', text: '本月', range: () => [monthStart(chinaDay()), chinaDay()] },
  {
    key: 'last-month',
    text: '上月',
    range: () => {
      const end = new Date(Date.parse(`${monthStart(chinaDay())}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
      return [monthStart(end), end];
    },
  },
];

const DELIVERED_TEXT = { downloaded: '已开始下载', opened: '已打开', shared: '已发送', copied: '链接已复制，请在浏览器中打开' } as const;

/** Exports for the brand's books: CSV that Excel and WPS open with Chinese text. */
export default function ExportsPage() {
  const [kind, setKind] = useState<ExportRequest['kind']>('orders');
  const [[from, to], setRange] = useState<[string, string]>(PRESETS[1].range());
  const [salesIndex, setSalesIndex] = useState(0);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<ExportFile>();
  // The boss's list of salespeople for a one-person statement (ops export everyone's).
  const people = useCloud(() => salesApi.leaderboard().then((l) => l.rows.map((r) => ({ id: r.openid, name: r.name }))).catch(() => []));
  const choices = [{ id: '', name: '全部销售员' }, ...(people.data ?? [])];

  async function run() {
    setBusy(true);
    try {
      const salesId = kind === 'commission' ? choices[salesIndex]?.id || undefined : undefined;
      const f = await adminApi.exportCsv({ kind, from, to, salesId });
      setFile(f);
      const how = await deliverExport(f);
      Taro.showToast({ title: DELIVERED_TEXT[how], icon: 'none' });
    } catch (e) {
      Taro.showToast({ title: errorText(e), icon: 'none', duration: 2500 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Shell>
      <View className="card">
        <View className="card-title">导出内容</View>
        {KINDS.map((k) => (
          <View key={k.kind} className="cell" onClick={() => setKind(k.kind)} data-testid={`export-kind-${k.kind}`}>
            <View className="grow">
              <Text>{k.text}</Text>
              <Text className="muted ex-sub">{k.sub}</Text>
            </View>
            <View className={`co-check ${kind === k.kind ? 'on' : ''}`}>✓</View>
          </View>
        ))}
      </View>
      <View className="card">
        <View className="card-title">时间（北京时间，含首尾两天）</View>
        <View className="row ex-presets">
          {PRESETS.map((p) => (
            <Text key={p.key} className="tag ex-preset" onClick={() => setRange(p.range())} data-testid={`export-preset-${p.key}`}>
              {p.text}
            </Text>
          ))}
        </View>
        <View className="between ex-dates">
          <Picker mode="date" value={from} end={to} onChange={(e) => setRange([String(e.detail.value), to])}>
            <Text data-testid="export-from">{from}</Text>
          </Picker>
          <Text className="muted">至</Text>
          <Picker mode="date" value={to} start={from} onChange={(e) => setRange([from, String(e.detail.value)])}>
            <Text data-testid="export-to">{to}</Text>
          </Picker>
        </View>
        {kind === 'commission' ? (
          <Picker mode="selector" range={choices.map((c) => c.name)} value={salesIndex} onChange={(e) => setSalesIndex(Number(e.detail.value))}>
            <View className="cell">
              <Text>销售员</Text>
              <Text data-testid="export-sales">{choices[salesIndex]?.name ?? '全部销售员'} ›</Text>
            </View>
          </Picker>
        ) : null}
      </View>
      <View className="ex-action">
        <Button className="btn-primary" disabled={busy} onClick={run} data-testid="export-run">
          {busy ? '正在生成…' : '导出 CSV'}
        </Button>
        <Text className="muted ex-note">UTF-8 编码（带 BOM），Excel 和 WPS 可直接打开中文；每次最多 5000 行。</Text>
      </View>
      {file ? (
        <View className="card" data-testid="export-result">
          <Text>{file.fileName}</Text>
          <Text className="muted ex-sub" data-testid="export-rows">{`共 ${file.rows} 行`}</Text>
          {file.truncated ? <Text className="ex-warn">{`该时间段共 ${file.total} 行，只导出了前 ${file.cap} 行，请缩短时间段。`}</Text> : null}
          <Button size="mini" className="btn-ghost ex-again" onClick={() => deliverExport(file)}>
            再次下载
          </Button>
        </View>
      ) : null}
    </Shell>
  );
}
