import { View, Text } from '@tarojs/components';
import { Shell } from '../../components/shell';
import { Loadable, Skeleton } from '../../components/states';
import { useCloud } from '../../hooks/use-cloud';
import { materialApi, type BriefcaseReport } from '../../services/api';
import { formatSeconds, KIND_TEXT, STAGE_TEXT } from '../../utils/briefcase-text';
import { formatFenCompact } from '../../utils/money';
import './index.css';

const STAGES = ['aware', 'interest', 'purchase', 'loyal'] as const;

function StageBar({ counts }: { counts: BriefcaseReport['stages']['overall'] }) {
  const total = Math.max(1, STAGES.reduce((n, s) => n + counts[s], 0));
  return (
    <View className="br-stage-bar">
      {STAGES.map((s) => (counts[s] > 0 ? <View key={s} className={`br-seg br-${s}`} style={{ width: `${(counts[s] / total) * 100}%` }} /> : null))}
    </View>
  );
}

/** The boss's view of the briefcase: which materials drive opens, binds and orders; customers by lifecycle stage. */
export default function BriefcaseReportPage() {
  const state = useCloud(() => materialApi.report());
  return (
    <Shell>
      <Loadable state={state} skeleton={<Skeleton rows={6} />}>
        {(d) => (
          <View>
            <View className="card">
              <View className="card-title">
                <Text>客户生命周期</Text>
                <Text className="muted">AIPL</Text>
              </View>
              <View className="br-legend row">
                {STAGES.map((s) => (
                  <View key={s} className="br-legend-item">
                    <View className={`br-dot br-${s}`} />
                    <Text data-testid={`stage-${s}`}>
                      {STAGE_TEXT[s]} {d.stages.overall[s]}
                    </Text>
                  </View>
                ))}
              </View>
              <StageBar counts={d.stages.overall} />
              {d.stages.bySales.map((r) => (
                <View key={r.salesId} className="br-sales">
                  <Text className="br-sales-name">{r.name}</Text>
                  <StageBar counts={r.counts} />
                  <Text className="muted">{STAGES.map((s) => `${STAGE_TEXT[s]}${r.counts[s]}`).join(' · ')}</Text>
                </View>
              ))}
            </View>
            <View className="card">
              <View className="card-title">素材效果</View>
              {d.materials.map((m) => (
                <View key={m.materialId} className="br-mat" data-testid="report-material" data-id={m.materialId}>
                  <View className="between">
                    <Text className="ellipsis grow br-mat-title">{m.title}</Text>
                    <Text className="muted">{KIND_TEXT[m.kind] ?? m.kind}</Text>
                  </View>
                  <View className="br-mat-nums">
                    <Text>转发 {m.shares}</Text>
                    <Text>打开 {m.opens}</Text>
                    <Text>绑定 {m.binds}</Text>
                    <Text>成交 {m.paidOrders}</Text>
                    <Text>{formatFenCompact(m.gmvFen)}</Text>
                  </View>
                  <Text className="muted">
                    阅读 {m.reads} 次 · 平均 {formatSeconds(m.avgSeconds)} · 读到 {m.avgDepth}%
                  </Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </Loadable>
    </Shell>
  );
}
